import Foundation
import Testing
import TestSupport

@Suite("exclusive: true lessons run alone, driven like a user", .serialized)
struct ExclusiveLessonTests {
  /// A cell that prints when it starts and ends (seconds since 1970) around half a second of sleep (the workload).
  static let cell = """
    import Foundation
    print("start \\(Date().timeIntervalSince1970)")
    Thread.sleep(forTimeInterval: 0.5)
    print("end \\(Date().timeIntervalSince1970)")
    """

  static func interval(_ project: String, _ name: String) throws -> ClosedRange<Double> {
    let file = "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.results.json"
    let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
    let cells = try #require(json?["cells"] as? [[String: Any]])
    let words = (cells.first?["stdout"] as? String ?? "").split(whereSeparator: \.isWhitespace)
    let start = try #require(words.count == 4 ? Double(words[1]) : nil)
    let end = try #require(Double(words[3]))
    return start...end
  }

  @Test("with --jobs 2, no other lesson's cells run during an exclusive lesson's", .timeLimit(.minutes(3)))
  func runsAlone() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let names = ["a", "b", "timed", "c"]
    for name in names {
      let front = name == "timed" ? "exclusive: true\n" : ""
      try TestFiles.write(
        "---\ntitle: \(name)\n\(front)---\n\n```swift\n\(Self.cell)\n```\n",
        to: "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.md")
    }
    let build = try await CommandRunner.run(["build", "--quiet", "--jobs", "2"], in: project)
    #expect(build.status == 0, "\(build.errors)")
    let timed = try Self.interval(project, "timed")
    for name in names where name != "timed" {
      let other = try Self.interval(project, name)
      #expect(!other.overlaps(timed), "\(name) ran \(other) during the exclusive lesson \(timed)")
    }
  }
}
