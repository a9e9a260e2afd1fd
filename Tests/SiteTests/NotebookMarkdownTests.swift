import Foundation
import Lessons
import Testing
import TestSupport

@testable import Site

/// A lesson's notebook carries its text without GTN markup, with its images embedded.
@Suite struct NotebookMarkdownTests {
  @Test func markdownCellsHoldTheTextWithoutSiteMarkupAndEmbedImages() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-md-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    try png.write(to: folder.appendingPathComponent("plot.png"))
    let file = folder.appendingPathComponent("tutorial.md").path
    try """
      ---
      title: Pools
      abbreviations:
        GIL: Global Interpreter Lock
      ---

      > <agenda-title></agenda-title>
      >
      > In this tutorial, we will cover:
      >
      > 1. TOC
      > {:toc}
      >
      {: .agenda}

      The {GIL} matters; the {GIL} again. Click {% icon galaxy-eye %} then {% tool [FastQC](toolshed.g2.bx.psu.edu/repos/devteam/fastqc/fastqc/0.73) %}.

      > <question-title>Why pools?</question-title>
      >
      > Because.
      {: .question}

      ![A plot](plot.png "Speed-up")

      ```swift
      print(1)
      ```

      ```bash
      echo {GIL} <question-title>kept</question-title>
      ```
      """.write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/pools")
    let json = try NotebookExport.notebook(for: lesson, results: nil) { FileManager.default.contents(atPath: $0) }
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let cells = try #require(object["cells"] as? [[String: Any]])
    let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }
      .map { (($0["source"] as? [String]) ?? []).joined() }
    let before = try #require(markdown.first { $0.contains("matters") })
    #expect(!before.contains("agenda") && !before.contains("In this tutorial"))
    #expect(before.contains("The Global Interpreter Lock (GIL) matters; the GIL again."))
    #expect(before.contains("Click then **FastQC**."))
    #expect(before.contains("> **Question: Why pools?**"))
    #expect(before.contains("![A plot](data:image/png;base64,\(png.base64EncodedString()) \"Speed-up\")"))
    let after = try #require(markdown.last)
    #expect(after.contains("echo {GIL} <question-title>kept</question-title>"), "code is left as written")
  }

  /// Pieces of lesson text the cleaner reacts to, and text that has tripped byte scans: CRLF, combining marks,
  /// emoji, non-ASCII box names, unclosed and nested tags. (A combining mark comes after a letter, as in text: right
  /// after markup such as `>` or a fence, Characters hid the markup where cmark and the byte scan see it.)
  static let pieces = [
    "\n", "\r\n", "> ", ">", " ", "\t", "```", "````", "~~~", "```swift\n", "#", "### Agenda", "### agenda ", "<agenda-title>",
    "</agenda-title>", "<question-title>", "</question-title>", "<hands-on-title>", "</hands-on-title>", "<x_1-title>",
    "</x_1-title>", "<ünï-title>", "</ünï-title>", "<-title>", "<", "-title>", "</", "{GIL}", "{", "}", "{% icon x %}",
    "{% tool [FastQC](id) %}", "{% cite k %}", "%}", "![a](plot.png)", "![", "](", ")", "Why?", "é", "e\u{301}", "😀", "word",
  ]

  @Test func byteCleaningMatchesTheCharacterCleaning() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "notebook-clean-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data([0x89, 0x50, 0x4E, 0x47]).write(to: URL(fileURLWithPath: folder + "/plot.png"))
    try TestFiles.write("---\ntitle: T\nabbreviations:\n  GIL: Global Interpreter Lock\n---\ntext\n", to: folder + "/tutorial.md")
    let lesson = try LessonParser.parse(file: folder + "/tutorial.md", relativePath: "topics/t/tutorials/t")
    var texts = try (BodyTestSupport.sampleFiles + Self.fixtureFiles()).map { try String(contentsOf: $0, encoding: .utf8) }
    var random = BodyFuzzTests.Generator(state: 7)
    for _ in 0..<3000 {
      texts.append((0..<Int.random(in: 0...30, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined())
    }
    var cleaner = NotebookMarkdown(lesson: lesson)
    var reference = NotebookMarkdownReference(cleaner: NotebookMarkdown(lesson: lesson))
    for text in texts {
      let cleaned = cleaner.clean(text)
      let expected = reference.clean(text)
      #expect(cleaned == expected, "\(text.debugDescription)")
    }
  }

  static func fixtureFiles() throws -> [URL] {
    let folder = BodyTestSupport.fixturesFolder
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
      .map { folder.appendingPathComponent($0) }
  }

  /// Lines around cells that the text between cells keeps or drops, with the Unicode that could trip a byte scan at
  /// their edges: no-break and ideographic spaces, combining marks, CRLF, form feeds.
  static let textLines = [
    "", " ", "\t", "\u{A0}", "\u{3000}x", "text", "> text", "{: .question}", "> > {: .solution}", "{: .x} ", "{: .x}\u{A0}",
    "{:\u{301} .x}", "{: .x}\u{301}", " \u{301}{: .x}", "1. TOC", "> 1. TOC", "1. TOC\u{301}", "{:}", "{:", "}", "\u{C}",
    "\r", "a\r\nb", "e\u{301}", " \u{301}", "\u{301} lead", "😀", "> {:toc}", "{: .x}\r",
  ]

  @Test func byteLessonTextMatchesTheCharacterVersion() throws {
    var random = BodyFuzzTests.Generator(state: 5)
    var sources = try (BodyTestSupport.sampleFiles + Self.fixtureFiles()).map { try String(contentsOf: $0, encoding: .utf8) }
    for _ in 0..<1500 {
      let lines = (0..<Int.random(in: 0...24, using: &random)).map { _ in
        Bool.random(using: &random) && Bool.random(using: &random)
          ? "```swift\nprint(1)\n```" : Self.textLines.randomElement(using: &random)!
      }
      sources.append("---\ntitle: T\n---\n" + lines.joined(separator: Bool.random(using: &random) ? "\n" : "\r\n"))
    }
    for source in sources {
      let lesson = LessonParser.parse(text: source, file: "/t/tutorial.md", relativePath: "topics/t/tutorials/t")
      let text = LessonText(lesson: lesson)
      let reference = LessonTextReference(lesson: lesson)
      #expect((text == nil) == (reference == nil))
      guard let text, let reference else { continue }
      for index in 0...lesson.cells.count {
        #expect(text.markdown(before: index) == reference.markdown(before: index), "\(source.debugDescription) \(index)")
      }
    }
  }
}
