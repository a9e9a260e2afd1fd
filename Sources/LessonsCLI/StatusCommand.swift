import ArgumentParser
import Execution
import Foundation
import Site

/// `lessons status`: every executed lesson and whether its frozen results can be published as they are.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "List every executed lesson with the state of its frozen results: fresh, stale (and why), never run, failed.",
    discussion: """
      Nothing is run or written. A lesson is stale when its Swift cells, the Swift toolchain, the project's \
      library sources or its data: files changed since its results were made (parts the machine cannot know, \
      such as the toolchain without a compiler, are not compared). With --strict the exit status is 1 when any \
      lesson is stale or failed, so that CI can refuse to publish stale results.
      """)

  @Option(help: "The content folder (holding topics/).")
  var content: String = "content"

  @Flag(help: "Print the status as JSON.")
  var json = false

  @Flag(help: "Exit with 1 when any lesson's results are stale or failed.")
  var strict = false

  func run() throws {
    let lessons: [LessonStatus]
    do {
      lessons = try SiteStatus.scan(contentFolder: content)
    } catch {
      FileHandle.standardError.write(Data("\(error)\n".utf8))
      throw ExitCode.failure
    }
    let text = json ? try StatusFormat.json(lessons) : StatusFormat.text(lessons)
    FileHandle.standardOutput.write(Data(text.utf8))
    if strict && lessons.contains(where: \.state.refusedWhenStrict) { throw ExitCode.failure }
  }
}

/// How `lessons status` prints: one line per lesson (and one per reason), or JSON.
enum StatusFormat {
  static let stateNames = ["fresh", "stale", "never run", "failed"]

  /// `state  path  (time)` lines, reasons indented under their lesson, and a count per state.
  static func text(_ lessons: [LessonStatus]) -> String {
    var lines: [String] = []
    for lesson in lessons {
      var line = lesson.state.name.padding(toLength: 10, withPad: " ", startingAt: 0) + lesson.relativePath
      if let seconds = lesson.recordedSeconds { line += String(format: "  (%.1f s)", seconds) }
      if lesson.exclusive { line += "  exclusive" }
      lines.append(line)
      lines += lesson.state.reasons.map { "          - \($0)" }
    }
    let counts = stateNames.map { name in "\(lessons.count { $0.state.name == name }) \(name)" }
    lines.append("\(lessons.count) executed lesson(s): " + counts.joined(separator: ", "))
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"lessons": [{"path", "state", "reasons", "recordedSeconds", "date", "exclusive"}], "counts": {…}}`.
  static func json(_ lessons: [LessonStatus]) throws -> String {
    struct Entry: Encodable {
      var path: String
      var state: String
      var reasons: [String]
      var recordedSeconds: Double?
      var date: String?
      var exclusive: Bool
    }
    struct Document: Encodable {
      var lessons: [Entry]
      var counts: [String: Int]
    }
    let document = Document(
      lessons: lessons.map {
        Entry(
          path: $0.relativePath, state: $0.state.name, reasons: $0.state.reasons,
          recordedSeconds: $0.recordedSeconds, date: $0.date, exclusive: $0.exclusive)
      },
      counts: Dictionary(uniqueKeysWithValues: stateNames.map { name in (name, lessons.count { $0.state.name == name }) }))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }
}
