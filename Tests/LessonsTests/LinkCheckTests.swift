import Foundation
import Testing

@testable import Lessons

/// Relative links and `{% link %}` targets that lead nowhere in the site are warnings at their line.
@Suite struct LinkCheckTests {
  @Test func linksToMissingPagesAreWarningsAndLinksThatResolveAreNot() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let manager = FileManager.default
    for folder in ["topics/t/tutorials/a", "topics/t/tutorials/b", "topics/t/faqs", "faqs/galaxy"] {
      try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
    try "x".write(toFile: root + "/topics/t/tutorials/b/tutorial.md", atomically: true, encoding: .utf8)
    try "x".write(toFile: root + "/topics/t/tutorials/a/data.csv", atomically: true, encoding: .utf8)
    try "x".write(toFile: root + "/faqs/galaxy/import.md", atomically: true, encoding: .utf8)
    let file = root + "/topics/t/tutorials/a/tutorial.md"
    try """
      ---
      title: A
      ---
      [ok page]({% link topics/t/tutorials/b/tutorial.md %}) [ok file](data.csv) [ok faq]({{ site.baseurl }}/faqs/galaxy/import.html)
      [topic](../../index.html) [site](../../../../index.html) [web](https://example.org/x) [anchor](#top)

      [missing page]({% link topics/t/tutorials/nope/tutorial.md %})

      [missing file](../b/figure.png)
      """.write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/a")
    let warnings = lesson.diagnostics.filter { $0.message.contains("leads nowhere") }
    #expect(warnings.map(\.line) == [7, 9], "\(lesson.diagnostics)")
    #expect(warnings.first?.message.contains("content/topics/t/tutorials/nope/tutorial.html") == true)
    #expect(warnings.allSatisfy { $0.severity == .warning })
  }

  @Test("links and images that leave the content folder get the same warning whether their target exists or not")
  func noExistenceOracle() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("links-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let folder = root + "/content/topics/t/tutorials/a"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try "secret".write(toFile: root + "/exists.txt", atomically: true, encoding: .utf8)
    let file = folder + "/tutorial.md"
    try """
      ---
      title: A
      ---
      [a](../../../../../exists.txt) [b](../../../../../missing.txt)

      ![c](../../../../../exists.txt) ![d](%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/missing.txt)
      """.write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/a")
    let messages = lesson.diagnostics.map { $0.message.replacingOccurrences(of: "exists", with: "missing") }
    #expect(messages.count == 4, "\(lesson.diagnostics)")
    #expect(messages[0] == messages[1] && messages[0].contains("leaves the content folder"), "\(messages)")
    #expect(messages[2].contains("outside the content folder") && messages[3].contains("outside the content folder"))
  }
}
