import ArgumentParser
import Execution
import Foundation
import Site

/// `lessons status`: every executed lesson and whether its frozen results can be published as they are.
struct StatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "List every executed lesson's frozen results as fresh, stale (and why), never run or failed.",
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

  @Option(help: "Also show how `build --shard I/N` splits the lessons over N shards, with their recorded times.")
  var shards: Int?

  func validate() throws {
    if let shards, !(1...Shard.maximumCount).contains(shards) {
      throw ValidationError("--shards must be between 1 and \(Shard.maximumCount)")
    }
  }

  func run() throws {
    let lessons: [LessonStatus]
    var plan: [StatusFormat.ShardLoad]?
    do {
      lessons = try SiteStatus.scan(contentFolder: content)
      if let shards {
        plan = StatusFormat.loads(try SiteBuilder.shards(contentFolder: content, count: shards), lessons)
      }
    } catch {
      FileHandle.standardError.write(Data((TerminalText.visibleLines("\(error)") + "\n").utf8))
      throw ExitCode.failure
    }
    let text = json ? try StatusFormat.json(lessons, shards: plan) : TerminalText.visibleLines(StatusFormat.text(lessons, shards: plan))
    FileHandle.standardOutput.write(Data(text.utf8))
    if strict && lessons.contains(where: \.state.refusedWhenStrict) { throw ExitCode.failure }
  }
}

/// How `lessons status` prints: one line per lesson (and one per reason), or JSON.
enum StatusFormat {
  static let stateNames = ["fresh", "stale", "never run", "failed"]

  /// `state  path  (time)` lines, reasons indented under their lesson, and a count per state.
  /// One shard of `--shards N`: its executed lessons and their recorded time.
  struct ShardLoad: Encodable {
    var shard: String
    var seconds: Double
    var lessons: [String]
  }

  /// The executed lessons of each shard (`plan[i]` holds shard i + 1's tutorials) with their recorded time.
  static func loads(_ plan: [[String]], _ lessons: [LessonStatus]) -> [ShardLoad] {
    let seconds = Dictionary(uniqueKeysWithValues: lessons.map { ($0.relativePath, $0.recordedSeconds ?? 0) })
    return plan.enumerated().map { index, paths in
      let executed = paths.filter { seconds[$0] != nil }
      return ShardLoad(
        shard: "\(index + 1)/\(plan.count)", seconds: executed.reduce(0) { $0 + seconds[$1, default: 0] },
        lessons: executed)
    }
  }

  static func text(_ lessons: [LessonStatus], shards: [ShardLoad]? = nil) -> String {
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
    for load in shards ?? [] {
      lines.append(
        String(format: "shard %@: %.1f s, %d lesson(s)", load.shard, load.seconds, load.lessons.count)
          + (load.lessons.isEmpty ? "" : ": " + load.lessons.joined(separator: ", ")))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `{"lessons": [{"path", "state", "reasons", "recordedSeconds", "date", "exclusive"}], "counts": {…}}`.
  static func json(_ lessons: [LessonStatus], shards: [ShardLoad]? = nil) throws -> String {
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
      var shards: [ShardLoad]?
    }
    let document = Document(
      lessons: lessons.map {
        Entry(
          path: $0.relativePath, state: $0.state.name, reasons: $0.state.reasons,
          recordedSeconds: $0.recordedSeconds, date: $0.date, exclusive: $0.exclusive)
      },
      counts: Dictionary(
        uniqueKeysWithValues: stateNames.map { name in (name, lessons.count { $0.state.name == name }) }),
      shards: shards)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
  }
}
