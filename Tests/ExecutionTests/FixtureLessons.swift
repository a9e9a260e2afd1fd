import Foundation
import Lessons
import Testing

/// Fixture lessons copied into a fresh temporary folder (results files are written beside them) and parsed.
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
    return try read(file: file, slug: String(name.prefix { $0 != "." }))
  }

  /// Writes `text` over the lesson's file and reads it again (same folder, so frozen results stay beside it).
  static func rewrite(_ lesson: Lesson, text: String) throws -> Lesson {
    try text.write(toFile: lesson.file, atomically: true, encoding: .utf8)
    return try read(file: lesson.file, slug: lesson.slug)
  }

  /// The lesson at `file`, read by the real parser (which finds the Swift cells and their `//|` options).
  static func read(file: String, slug: String) throws -> Lesson {
    try LessonParser.parse(file: file, relativePath: "topics/tests/tutorials/\(slug)")
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

/// The processes of `group` still alive once they have had up to `seconds` to end: a SIGKILL is delivered when the
/// process next runs, so on a loaded machine a killed grandchild can still be listed just after its killer returns.
func liveProcesses(inGroup group: Int32, afterWaitingUpTo seconds: Double) -> [Int32] {
  let deadline = Date().addingTimeInterval(seconds)
  var live = liveProcesses(inGroup: group)
  while !live.isEmpty, Date() < deadline {
    usleep(10_000)
    live = liveProcesses(inGroup: group)
  }
  return live
}
