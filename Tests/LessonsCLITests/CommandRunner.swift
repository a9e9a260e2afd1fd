import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Runs the built `lessons` command like a user would, on temporary folders.
enum CommandRunner {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The `lessons` executable beside the test bundle (`.build/debug/lessons`).
  static func executable() throws -> String {
    var candidates = [
      Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("lessons").path,
      packageRoot + "/.build/debug/lessons",
    ]
    if let main = Bundle.main.executableURL {
      candidates.append(main.deletingLastPathComponent().appendingPathComponent("lessons").path)
    }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      throw RunnerError("the lessons executable was not found (looked at \(candidates)); run swift build first")
    }
    return found
  }

  /// What a finished run left.
  struct Result {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs `lessons arguments…` in `folder` and waits for it, at most `timeout` seconds: then the command is killed
  /// (SIGKILL, status 9), so a hang fails the test instead of blocking the run.
  static func run(_ arguments: [String], in folder: String, timeout: Double = 300) throws -> Result {
    try run(program: try executable(), arguments, in: folder, timeout: timeout)
  }

  /// As `run`, awaited: the command is waited for on a thread of its own (`OffPool`), so that a test waiting for a
  /// build does not hold one of Swift's few cooperative threads (two on a 2-core machine) that other tests' local
  /// servers and time limits need.
  static func run(_ arguments: [String], in folder: String, timeout: Double = 300) async throws -> Result {
    let program = try executable()
    return try await OffPool.run { try run(program: program, arguments, in: folder, timeout: timeout) }
  }

  /// As `run(program:…)`, awaited off the cooperative pool like `run(_:in:timeout:)`.
  static func run(
    program: String, _ arguments: [String], in folder: String, environment: [String: String] = [:],
    timeout: Double = 300
  ) async throws -> Result {
    try await OffPool.run { try run(program: program, arguments, in: folder, environment: environment, timeout: timeout) }
  }

  /// Runs `program arguments…` in `folder` (with `environment` added to this process's), as `run` does.
  static func run(
    program: String, _ arguments: [String], in folder: String, environment: [String: String] = [:],
    timeout: Double = 300
  ) throws -> Result {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program)
    process.arguments = arguments
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    process.currentDirectoryURL = URL(fileURLWithPath: folder)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
    defer { watchdog.cancel() }
    // Read both pipes to the end before waiting, so that a full pipe cannot block the child.
    let errorData = Handoff<Data>()
    let reader = Thread { errorData.set(errors.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let errorText = errorData.waitAndGet()
    return Result(
      status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
      errors: String(decoding: errorText, as: UTF8.self))
  }

  /// A project folder with a copy of the repository's templates and `lessons` tutorials in topic `topic-a`.
  static func makeProject(lessons: Int = 2) throws -> String {
    let folder = NSTemporaryDirectory() + "lessons-cli-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder + "/content", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: packageRoot + "/templates", toPath: folder + "/templates")
    try TestFiles.write("title: Topic A\nsummary: A topic.\n", to: folder + "/content/topics/topic-a/metadata.yaml")
    try TestFiles.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: folder + "/content/topics/topic-a/images/t.svg")
    for number in 0..<lessons {
      let tutorial = folder + "/content/topics/topic-a/tutorials/lesson-\(number)"
      try TestFiles.write("---\ntitle: Lesson \(number)\n---\nText \(number).\n", to: tutorial + "/tutorial.md")
      try TestFiles.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: tutorial + "/figure.svg")
    }
    return folder
  }


  /// Writes `text` at `path` in one step (a temporary file renamed over it), as editors save: a watcher never
  /// sees the file half written.
  static func save(_ text: String, to path: String) throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
  }

  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// Nil when `html` is well-formed XML once `<!DOCTYPE html>` is removed, else the parser's complaint.
  static func wellFormednessError(_ html: String) -> String? {
    let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
    return parser.parse() ? nil : "\(parser.parserError.map { "\($0)" } ?? "error") at line \(parser.lineNumber)"
  }

  /// Every `href="…"` and `src="…"` value of `html`.
  static func links(in html: String) -> [String] {
    var links: [String] = []
    for attribute in ["href=\"", "src=\""] {
      var rest = html[...]
      while let start = rest.range(of: attribute) {
        rest = rest[start.upperBound...]
        guard let end = rest.firstIndex(of: "\"") else { break }
        links.append(String(rest[..<end]))
        rest = rest[end...]
      }
    }
    return links
  }
}

/// A failure of the test harness itself.
struct RunnerError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

/// A value handed from one thread to another, waited for with a condition.
final class Handoff<Value>: @unchecked Sendable {
  // Invariant: `value` is only read or written with `condition` locked.
  private let condition = NSCondition()
  private var value: Value?

  func set(_ newValue: Value) {
    condition.lock()
    value = newValue
    condition.broadcast()
    condition.unlock()
  }

  /// The value if it was set, without waiting.
  func peek() -> Value? {
    condition.lock()
    defer { condition.unlock() }
    return value
  }

  func waitAndGet() -> Value {
    condition.lock()
    defer { condition.unlock() }
    while true {
      if let value { return value }
      condition.wait()
    }
  }
}
