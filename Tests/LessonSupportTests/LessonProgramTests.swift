import Charts
import Foundation
import LessonSupport
import Testing

/// A real lesson-style program, compiled with plain swiftc against the built LessonSupport library as the builder
/// does, run with and without `LESSONS_CONTROL_FD`.
@Suite("A lesson program using LessonSupport", .serialized, .timeLimit(.minutes(1)))
struct LessonProgramTests {
  static let source = """
    import LessonSupport
    var chart = Chart.line(title: "Pool size vs runtime", x: "Pool Size", y: "time (s)")
    chart.add("ProcessPool", x: [1, 2, 3, 4, 5], y: [2.6, 1.5, 1.25, 1.1, 1.1])
    chart.show()
    print("after", formatted(2.0 / 3.0, decimals: 2))
    """

  /// The folder holding the test bundle is the build folder holding libLessonSupport.so and Modules/.
  static var binFolder: URL { URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent() }
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  }

  static func compile(_ source: String = source, name: String = "cell", libraries: [String] = ["LessonSupport"])
    throws -> URL
  {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-support-\(getpid())-\(name)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let main = folder.appendingPathComponent("main.swift")
    try source.write(to: main, atomically: true, encoding: .utf8)
    let program = folder.appendingPathComponent(name)
    let bin = binFolder.path
    let started = Date()
    let (status, output) = try run(
      "/usr/bin/env",
      ["swiftc", main.path, "-I", bin + "/Modules", "-I", packageRoot.path + "/Sources/CCurl",
       "-I", packageRoot.path + "/Sources/CSystemShims/include", "-L", bin,
       "-Xlinker", "-rpath", "-Xlinker", bin, "-o", program.path] + libraries.map { "-l\($0)" },
      environment: [:])
    print("swiftc of a main.swift importing LessonSupport took \(Date().timeIntervalSince(started)) s")
    #expect(status == 0, "swiftc failed: \(output)")
    return program
  }

  static func run(_ path: String, _ arguments: [String], environment: [String: String]) throws -> (Int32, String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "LESSONS_CONTROL_FD" }
      .merging(environment) { $1 }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  @Test("show() writes one chart line to LESSONS_CONTROL_FD, and prints a summary when it is unset")
  func showContract() throws {
    let program = try Self.compile()
    let (status, output) = try Self.run(program.path, [], environment: ["LESSONS_CONTROL_FD": "1"])
    #expect(status == 0)
    let lines = output.split(separator: "\n").map(String.init)
    #expect(lines.count == 2)
    let chart = try Chart.decode(controlLine: try #require(lines.first))
    #expect(chart.title == "Pool size vs runtime")
    #expect(chart.series.first?.points.count == 5)
    #expect(lines.last == "after 0.67")

    let (plainStatus, plain) = try Self.run(program.path, [], environment: [:])
    #expect(plainStatus == 0)
    #expect(plain.hasPrefix("Line chart: Pool size vs runtime\n"))
    #expect(plain.contains("time (s) falls from 2.6 at Pool Size 1 to 1.1 at Pool Size 5."))
    #expect(!plain.contains("chart {"))
  }
}
