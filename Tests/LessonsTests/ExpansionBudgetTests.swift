import Foundation
import Testing

@testable import Lessons

/// A few lines of Liquid or a few snippet files must not hang the build or fill its memory: every one of these
/// lessons hung `lessons build` (killed after 30 s, or growing towards an out-of-memory kill) before the lesson's
/// Liquid and includes shared an `ExpansionBudget`.
@Suite struct ExpansionBudgetTests {
  /// A content folder holding `files` (relative path → text) and `tutorial.md` with `body`; the lesson parsed on a
  /// thread of its own, or nil when that took more than `seconds` (the thread is left behind: the test fails
  /// instead of hanging the run).
  private func parse(_ body: String, files: [String: String] = [:], seconds: Double = 30) throws -> Lesson? {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("budget-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let folder = root + "/topics/t/tutorials/l"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (path, text) in files {
      let full = root + "/" + path
      try FileManager.default.createDirectory(
        atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: full, atomically: false, encoding: .utf8)
    }
    let file = folder + "/tutorial.md"
    try ("---\ntitle: L\n---\n\n" + body + "\n").write(toFile: file, atomically: false, encoding: .utf8)
    let result = ParsedBox()
    let done = DispatchSemaphore(value: 0)
    Thread {
      result.lesson = try? LessonParser.parse(file: file, relativePath: "topics/t/tutorials/l")
      done.signal()
    }.start()
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
    return result.lesson
  }

  private final class ParsedBox: @unchecked Sendable {
    var lesson: Lesson?
  }

  private func expectRefused(_ lesson: Lesson?, _ comment: Comment) throws {
    let lesson = try #require(lesson, "the parse did not end within its deadline: \(comment)")
    #expect(
      lesson.diagnostics.contains { $0.severity == .error && $0.message.contains("the rest is left out") },
      "\(comment): \(lesson.diagnostics.prefix(3))")
  }

  @Test("three nested {% for %} loops of 1,000 items stop at the budget", .timeLimit(.minutes(1)))
  func nestedLoops() throws {
    let lesson = try parse(
      "{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}")
    try expectRefused(lesson, "10⁹ iterations")
  }

  @Test("a value doubled forty times by assign, or by capture in a loop, stops at the budget", .timeLimit(.minutes(1)))
  func doubling() throws {
    let assign = "{% assign a = \"xx\" %}\n" + String(repeating: "{% assign a = a | append: a %}\n", count: 40) + "{{ a | size }}"
    try expectRefused(try parse(assign), "2⁴¹ bytes by assign")
    let capture =
      "{% capture a %}xxxxxxxxxx{% endcapture %}{% for i in (1..60) %}{% capture a %}{{ a }}{{ a }}{% endcapture %}"
      + "{% endfor %}{{ a | size }}"
    try expectRefused(try parse(capture), "2⁶⁰ bytes by capture")
  }

  @Test("replace cannot multiply a text past the budget in one step", .timeLimit(.minutes(1)))
  func replaceAmplifies() throws {
    let long = String(repeating: "y", count: 100_000)
    let body = "{% assign a = \"xxxxxxxxxx\" %}\n"
      + String(repeating: "{% assign a = a | replace: \"x\", \"\(long)\" %}\n", count: 4) + "{{ a | size }}"
    try expectRefused(try parse(body), "10 × 10⁵ × 10⁵ … bytes by replace")
  }

  @Test("snippets that include the next one 300 times each stop at the budget", .timeLimit(.minutes(1)))
  func includeFanOut() throws {
    var files: [String: String] = [:]
    for level in 0..<3 {
      files["snippets/s\(level).md"] = String(repeating: "{% snippet snippets/s\(level + 1).md %}\n", count: 300)
    }
    files["snippets/s3.md"] = "{% if false %}x{% endif %}\n"
    try expectRefused(try parse("{% snippet snippets/s0.md %}", files: files), "27 million include reads")
  }

  @Test("a 1 MB snippet included 2,000 times stops at the budget instead of making 2 GB", .timeLimit(.minutes(1)))
  func wideInclude() throws {
    let files = ["snippets/wide.md": String(repeating: "a", count: 1_000_000) + "\n"]
    let body = String(repeating: "{% snippet snippets/wide.md %}\n\n", count: 2_000)
    let lesson = try parse(body, files: files)
    try expectRefused(lesson, "2 GB of included text")
    #expect((lesson?.expandedBody.utf8.count ?? 0) < 2 * ExpansionBudget.maximumBytes)
  }

  @Test("ordinary Liquid and includes are untouched by the budget")
  func ordinary() throws {
    let files = ["snippets/tip.md": "---\ntitle: A tip\n---\nUse {{ include.tool }}.\n"]
    let body = """
      {% assign n = "3" %}{% for i in (1..3) %}item {{ i }} {% endfor %}
      {% snippet snippets/tip.md tool="cut" %}
      """
    let lesson = try #require(try parse(body, files: files))
    #expect(lesson.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lesson.diagnostics)")
    #expect(lesson.expandedBody.contains("item 1 item 2 item 3"))
    #expect(lesson.expandedBody.contains("Use cut."))
  }
}
