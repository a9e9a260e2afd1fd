import Charts
import Foundation
import Glibc
import LessonProtocol
import LessonSupport
import SystemCalls
import Testing

@testable import Execution

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

  /// Runs `path` as the builder does, with a control channel greeted with `secret`; returns its exit status, its
  /// stdout and what it wrote on the channel (both read to the end, within 60 s).
  static func runWithChannel(_ path: String, secret: String) throws -> (Termination, String, String) {
    let child = try ChildProcess(
      executable: path, arguments: [], environment: ["\(ControlChannel.descriptorVariable)=3"],
      controlGreeting: ControlChannel.greeting(secret: secret))
    var outputs: [Int32: [UInt8]] = [child.stdoutFD: [], child.controlFD: []]
    var open = [child.stdoutFD, child.controlFD]
    let deadline = Date().addingTimeInterval(60)
    var buffer = [UInt8](repeating: 0, count: 65536)
    while !open.isEmpty, Date() < deadline {
      var entries = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      guard poll(&entries, nfds_t(entries.count), 1000) >= 0 || errno == EINTR else { break }
      for entry in entries where entry.revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
        if count <= 0 { open.removeAll { $0 == entry.fd } } else { outputs[entry.fd]?.append(contentsOf: buffer[0..<count]) }
      }
    }
    return (
      child.reap(), String(decoding: outputs[child.stdoutFD] ?? [], as: UTF8.self),
      String(decoding: outputs[child.controlFD] ?? [], as: UTF8.self)
    )
  }

  @Test("show() sends one authenticated chart line to the builder, and prints a summary when no builder listens")
  func showContract() throws {
    let program = try Self.compile()
    let secret = ControlChannel.makeSecret()
    let (status, output, control) = try Self.runWithChannel(program.path, secret: secret)
    #expect(status == .exited(0))
    #expect(output == "after 0.67\n")
    let lines = control.split(separator: "\n").map(String.init)
    #expect(lines.count == 1)
    guard case .chart(let json) = ControlMessage(line: try #require(lines.first), secret: secret) else {
      Issue.record("not a chart line: \(control)")
      return
    }
    let chart = try Chart.decode(json: json)
    #expect(chart.title == "Pool size vs runtime")
    #expect(chart.series.first?.points.count == 5)

    // A descriptor that holds no greeting (here stdout) is no builder's channel: the chart is printed.
    for environment in [[:], [ControlChannel.descriptorVariable: "1"]] {
      let (plainStatus, plain) = try Self.run(program.path, [], environment: environment)
      #expect(plainStatus == 0)
      #expect(plain.hasPrefix("Line chart: Pool size vs runtime\n"))
      #expect(plain.contains("time (s) falls from 2.6 at Pool Size 1 to 1.1 at Pool Size 5."))
      #expect(!plain.contains("chart {"))
    }
  }
}
