import Foundation
import Testing
import TestSupport

/// A results file is committed text: edited by hand or written by a hostile lesson, its numbers must not take
/// the builder down (it used to die with SIGILL, exit 132, on a cell time of 1e300, and every later build too).
@Suite("lessons build with a hostile results file", .serialized)
struct HostileResultsBuildTests {
  static let lesson = """
    ---
    title: Hostile numbers
    ---
    A plausible lesson: a speedup divided by a time that rounds to zero.

    ```swift
    import LessonSupport
    let times = [2.0, 0.0]
    var chart = Chart.line(title: "Speedup", x: "workers", y: "speedup")
    chart.add("pool", x: [1, 2], y: times.map { times[0] / $0 })
    chart.show()
    print("nul:\\u{0}: soh:\\u{1}: esc:\\u{1B}[31mred\\u{1B}[0m")
    ```
    """

  @Test(
    "1e300 s, ±1.7e308 points, a bar at x = 1e300, 5,000 charts and control characters build a well-formed page",
    .timeLimit(.minutes(3)))
  func hostileNumbers() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let folder = project + "/content/topics/topic-a/tutorials/hostile"
    try TestFiles.write(Self.lesson, to: folder + "/tutorial.md")
    let first = try await CommandRunner.run(["build"], in: project)
    #expect(first.status == 0, "\(first.errors)")
    let page = project + "/site/topics/topic-a/tutorials/hostile/tutorial.html"
    let fresh = try CommandRunner.read(page)
    #expect(CommandRunner.wellFormednessError(fresh) == nil)
    #expect(fresh.contains("nul:␀: soh:␁: esc:␛[31mred␛[0m"))

    // Edit the frozen results as a hostile hand would; the key still matches, so the build reuses them.
    let resultsFile = folder + "/tutorial.results.json"
    var results = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: resultsFile))) as? [String: Any])
    var cells = try #require(results["cells"] as? [[String: Any]])
    cells[0]["seconds"] = 1e300
    cells[0]["droppedBytes"] = Int.max
    let wild: [String: Any] = [
      "kind": "line", "title": "wild", "xLabel": "", "yLabel": "", "categories": [String](),
      "series": [["name": "s", "points": [["x": 1, "y": -1.7e308], ["x": 2, "y": 1.7e308], ["x": Double.leastNonzeroMagnitude, "y": 0]]]],
    ]
    let bar: [String: Any] = [
      "kind": "bar", "title": "bar", "xLabel": "", "yLabel": "", "categories": ["a"],
      "series": [["name": "s", "points": [["x": 1e300, "y": 1], ["x": 0, "y": 1e308]]]],
    ]
    let small: [String: Any] = [
      "kind": "scatter", "title": "small", "xLabel": "", "yLabel": "", "categories": [String](),
      "series": [["name": "", "points": [["x": 1, "y": 2]]]],
    ]
    cells[0]["charts"] = [wild, bar] + Array(repeating: small, count: 5_000)
    results["cells"] = cells
    var stamp = try #require(results["stamp"] as? [String: Any])
    stamp["totalSeconds"] = 1e300
    results["stamp"] = stamp
    try JSONSerialization.data(withJSONObject: results).write(to: URL(fileURLWithPath: resultsFile))
    try FileManager.default.removeItem(atPath: project + "/site")

    let second = try await CommandRunner.run(["build"], in: project)
    #expect(second.status == 0, "exit \(second.status): \(second.errors)")
    #expect(second.errors.contains("has a recorded time no run can take (1e+300 s)"), "\(second.errors)")
    #expect(second.errors.contains("1 bar whose x names no category not drawn"))
    let hostile = try CommandRunner.read(page)
    #expect(CommandRunner.wellFormednessError(hostile) == nil)
    #expect(hostile.contains("time unknown"))
    #expect(hostile.contains("1e+308"))
    #expect(hostile.contains("Only the first 100 of 5002 charts are drawn."))

    // NaN is not JSON: the file is refused as corrupt and the lesson runs again, with a warning.
    let text = try CommandRunner.read(resultsFile)
    try TestFiles.write(text.replacingOccurrences(of: "1e+300", with: "NaN"), to: resultsFile)
    try FileManager.default.removeItem(atPath: project + "/site")
    let third = try await CommandRunner.run(["build"], in: project)
    #expect(third.status == 0, "exit \(third.status): \(third.errors)")
    #expect(third.errors.contains("cannot be read as results"), "\(third.errors)")
    #expect(CommandRunner.wellFormednessError(try CommandRunner.read(page)) == nil)
  }
}
