import Foundation
import Lessons
import Testing

/// Problems are reported with the file and the line, and never stop parsing.
struct DiagnosticsTests {
  @Test("a non-UTF-8 file is an error on the line of the bad byte, and the rest still parses")
  func invalidUTF8() {
    var bytes = Array("---\ntitle: T\n---\n# Heading\n\nok\n".utf8)
    bytes += [0x66, 0xFF, 0xFE, 0x0A]
    let lesson = LessonParser.parse(data: Data(bytes), file: "bad.md", relativePath: "topics/t/tutorials/bad")
    let error = lesson.diagnostics.first { $0.severity == .error }
    #expect(error?.line == 7)
    #expect(error?.message.contains("UTF-8") == true)
    #expect(lesson.document.tableOfContents.map(\.title) == ["Heading"])
    #expect(lesson.document.blocks.count >= 2)
  }

  @Test("an unreadable file throws an error naming the file")
  func unreadable() {
    #expect(throws: LessonParserError.self) {
      try LessonParser.parse(file: "/nonexistent/folder/tutorial.md", relativePath: "topics/a/tutorials/b")
    }
  }

  @Test("a file is read by its path as its bytes would be parsed; a folder or a missing file is the URL read's error")
  func readByPath() throws {
    let folder = FileManager.default.temporaryDirectory.path + "/lesson-read-\(UInt64.random(in: 0...UInt64.max))"
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lessonFolder = folder + "/topics/t/tutorials/b"
    try FileManager.default.createDirectory(atPath: lessonFolder, withIntermediateDirectories: true)
    let text = "---\ntitle: Read é\n---\n# Heading\n\nText.\n"
    try text.write(toFile: lessonFolder + "/tutorial.md", atomically: true, encoding: .utf8)
    let read = try LessonParser.parse(file: lessonFolder + "/tutorial.md", relativePath: "topics/t/tutorials/b")
    let parsed = LessonParser.parse(
      data: Data(text.utf8), file: lessonFolder + "/tutorial.md", relativePath: "topics/t/tutorials/b")
    #expect(read.source == text)
    #expect(read.frontMatter.title == parsed.frontMatter.title)
    #expect(read.document == parsed.document)
    for unreadable in [lessonFolder, folder + "/missing.md"] {
      do {
        _ = try LessonParser.parse(file: unreadable, relativePath: "topics/t/tutorials/b")
        Issue.record("\(unreadable) was read")
      } catch let error as LessonParserError {
        let expected: String
        do {
          _ = try Data(contentsOf: URL(fileURLWithPath: unreadable, isDirectory: false))
          expected = "(read)"
        } catch {
          expected = "cannot read the file: \(error.localizedDescription)"
        }
        #expect(error.reason == expected)
        #expect(error.file == unreadable)
      }
    }
  }

  @Test("a title tag closed with another box type is a warning on the box's line, rendered as the closing type (GTN degrades so)")
  func mismatchedBox() {
    let lesson = LessonTestSupport.parse("Intro\n\n> <question-title>Q</question-title>\n> Text\n{: .tip}\n")
    #expect(!lesson.diagnostics.contains { $0.severity == .error })
    #expect(LessonTestSupport.boxes(lesson.document.blocks).first?.type == "tip")
    let error = lesson.diagnostics.first { $0.severity == .warning }
    #expect(error?.line == 6)
    #expect(error?.message.contains("question") == true && error?.message.contains("tip") == true)
  }

  @Test("a box with no closing attribute line is a warning on its first line, and still renders as that box")
  func unclosedBox() {
    let lesson = LessonTestSupport.parse("\n> <hands-on-title>Do it</hands-on-title>\n> Step\n\nAfter\n")
    #expect(!lesson.diagnostics.contains { $0.severity == .error })
    #expect(lesson.diagnostics.contains { $0.severity == .warning && $0.line == 5 && $0.message.contains("not closed") })
    #expect(LessonTestSupport.boxes(lesson.document.blocks).first?.type == "hands_on")
  }

  @Test("an old-style box heading with no closing line is reported too")
  func unclosedOldBox() {
    let lesson = LessonTestSupport.parse("> ### {% icon question %} Question: Why?\n> Because\n")
    #expect(lesson.diagnostics.contains { $0.severity == .warning && $0.line == 4 })
  }

  @Test("an unknown box type is a warning and a neutral box")
  func unknownBox() {
    let lesson = LessonTestSupport.parse("> text\n{: .sparkly}\n")
    #expect(lesson.diagnostics.contains { $0.severity == .warning && $0.line == 5 && $0.message.contains("sparkly") })
    #expect(LessonTestSupport.boxes(lesson.document.blocks).first?.box.type.isKnown == false)
  }

  @Test("an unclosed title tag is a warning")
  func unclosedTitleTag() {
    let lesson = LessonTestSupport.parse("> <tip-title>Never closed\n> body\n{: .tip}\n")
    #expect(lesson.diagnostics.contains { $0.severity == .warning && $0.line == 4 })
    #expect(!lesson.diagnostics.contains { $0.severity == .error })
  }

  @Test("unsupported Liquid and snippets are warnings with lines; nothing raw is left")
  func liquidWarnings() {
    let lesson = LessonTestSupport.parse("Line one\n\n{% weird x %}shown{% endweird %} and {{ site.other }}\n")
    let lines = lesson.diagnostics.map(\.line)
    #expect(lines.filter { $0 == 6 }.count == 3)
  }

  @Test("a missing image is a warning; an existing one is not")
  func missingImage() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-image-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data([0]).write(to: folder.appendingPathComponent("here.png"))
    let lesson = LessonTestSupport.parse(
      "![a](here.png)\n\n![b](gone.png \"Caption\")\n", file: folder.appendingPathComponent("tutorial.md").path)
    let warnings = lesson.diagnostics.filter { $0.message.contains("not found") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.line == 6)
  }

  @Test("unknown cell options are warnings on the option's line")
  func cellOptionWarning() {
    let lesson = LessonTestSupport.parse("```swift\n//| colour: blue\nprint(1)\n```\n")
    #expect(lesson.diagnostics.contains { $0.line == 5 && $0.message.contains("colour") })
  }
}

/// Diagnostics come in file order.
struct DiagnosticOrderTests {
  @Test("diagnostics are sorted by line")
  func sorted() {
    let lesson = LessonTestSupport.parse(
      "> ### {% icon question %} Q\n> {% icon x %} {% nope %}\n\nText {% other %}\n\n> <tip-title>T</tip-title>\n> body\n{: .warning}\n")
    let lines = lesson.diagnostics.compactMap(\.line)
    #expect(lines.count >= 3)
    #expect(lines == lines.sorted())
  }
}
