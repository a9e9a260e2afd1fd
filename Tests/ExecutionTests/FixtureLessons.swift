import Foundation
import Lessons
import Testing

/// Fixture lessons copied into a fresh temporary folder (results files are written beside them), with their Swift
/// cells read by a small fence reader until the real parser lands.
enum FixtureLessons {
  /// Copies `Fixtures/<name>` into a new temporary folder, replacing `replacements`' keys, and reads it.
  static func lesson(_ name: String, replacements: [String: String] = [:]) throws -> Lesson {
    let source = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/\(name)")
    var text = try String(contentsOf: source, encoding: .utf8)
    for (key, value) in replacements { text = text.replacingOccurrences(of: key, with: value) }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("execution-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("tutorial.md").path
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    return read(file: file, text: text, slug: String(name.prefix { $0 != "." }))
  }

  /// Writes `text` over the lesson's file and reads it again (same folder, so frozen results stay beside it).
  static func rewrite(_ lesson: Lesson, text: String) throws -> Lesson {
    try text.write(toFile: lesson.file, atomically: true, encoding: .utf8)
    return read(file: lesson.file, text: text, slug: lesson.slug)
  }

  /// The Swift cells of `text`: fenced blocks whose info string is `swift`, with leading `//| key: value` options.
  static func read(file: String, text: String, slug: String) -> Lesson {
    var cells: [Cell] = []
    var code: [String] = []
    var options = CellOptions()
    var firstLine = 0
    var inSwift = false
    var inOther = false
    var optionsDone = false
    for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let number = offset + 1
      if inSwift {
        if line.hasPrefix("```") {
          cells.append(Cell(index: cells.count, code: code.joined(separator: "\n"), options: options, line: firstLine))
          inSwift = false
        } else if !optionsDone, line.hasPrefix("//|") {
          apply(String(line.dropFirst(3)), to: &options)
          firstLine = number + 1
        } else {
          optionsDone = true
          code.append(String(line))
        }
      } else if inOther {
        if line.hasPrefix("```") { inOther = false }
      } else if line == "```swift" {
        inSwift = true
        optionsDone = false
        code = []
        options = CellOptions()
        firstLine = number + 1
      } else if line.hasPrefix("```") {
        inOther = true
      }
    }
    return Lesson(
      file: file, relativePath: "topics/tests/tutorials/\(slug)", topic: "tests", slug: slug,
      frontMatter: FrontMatter(title: slug), document: Document(), cells: cells, diagnostics: [])
  }

  private static func apply(_ option: String, to options: inout CellOptions) {
    let parts = option.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
    guard parts.count == 2 else { return }
    switch parts[0] {
    case "run": options.run = parts[1] != "false"
    case "echo": options.echo = parts[1] != "false"
    case "output": options.output = parts[1] != "false"
    case "timeout": options.timeout = Double(parts[1])
    case "error": options.errorExpected = parts[1] == "expected"
    default: break
    }
  }

  /// Removes the lesson's temporary folder.
  static func remove(_ lesson: Lesson) {
    try? FileManager.default.removeItem(atPath: (lesson.file as NSString).deletingLastPathComponent)
  }
}

/// Processes still alive (not zombies) in process group `group`, from /proc.
func liveProcesses(inGroup group: Int32) -> [Int32] {
  let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
  return entries.compactMap { entry -> Int32? in
    guard let pid = Int32(entry),
      let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
      let close = stat.range(of: ")", options: .backwards)
    else { return nil }
    // After "pid (comm) ": state ppid pgrp …
    let fields = stat[close.upperBound...].split(separator: " ")
    guard fields.count > 2, fields[0] != "Z", fields[0] != "X", Int32(fields[2]) == group else { return nil }
    return pid
  }
}
