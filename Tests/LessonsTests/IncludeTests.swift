import Foundation
import Testing

@testable import Lessons

/// `{% snippet %}` and `{% include %}` on real GTN files (Fixtures/gtn, CC-BY 4.0, see its README.md).
@Suite struct IncludeTests {
  private func lesson(_ body: String, extra: [String: String] = [:]) throws -> (Lesson, String) {
    try LessonTestSupport.lessonInGTNFixtures(body, extra: extra)
  }

  private func text(_ blocks: [Block]) -> String {
    "\(blocks)"
  }

  @Test func anFAQSnippetWithParametersIsATipBoxInsideTheHandsOn() throws {
    let (lesson, root) = try lesson(
      """
      > <hands-on-title>Data upload</hands-on-title>
      >
      > 1. Import the file
      >
      >    {% snippet faqs/galaxy/datasets_change_datatype.md datatype="csv" %}
      >
      > 2. Rename it
      {: .hands_on}
      """)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lesson.diagnostics)")
    let boxes = LessonTestSupport.boxes(lesson.document.blocks)
    #expect(boxes.map(\.type) == ["hands_on", "tip"])
    let tip = try #require(boxes.last?.box)
    #expect(tip.title == [.text("Changing the datatype")])
    let content = text(tip.content)
    #expect(content.contains("csv"))
    #expect(!content.contains("your desired datatype"))
    #expect(!content.contains("area"), "the FAQ's front matter is not shown")
    #expect(!content.contains("include."))
    #expect(text(lesson.document.blocks).contains("Rename it"))
    #expect(lesson.sourceMap.includedFiles.map { ($0 as NSString).lastPathComponent } == ["datasets_change_datatype.md"])
  }

  @Test func theConditionsOfTheImportFAQFollowItsParameters() throws {
    let (lesson, root) = try lesson(
      "{% snippet faqs/galaxy/datasets_import_via_link.md format=\"fastqsanger\" link=\"https://zenodo.org/x\" %}\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let tip = try #require(LessonTestSupport.boxes(lesson.document.blocks).first?.box)
    let content = text(tip.content)
    #expect(content.contains("fastqsanger") && content.contains("https://zenodo.org/x"))
    #expect(content.contains("Close") && !content.contains("Create list") && !content.contains("Reset"))
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
  }

  @Test func includesKeepTheirOwnBoxesAndBoxTypeParametersWin() throws {
    let (lesson, root) = try lesson(
      """
      {% include topics/sequence-analysis/tutorials/quality-control/fastq_question.md %}

      {% include snippets/create_new_history.md %}

      {% snippet faqs/galaxy/datasets_change_datatype.md box_type="comment" override_title="Other title" %}

      {% snippet faqs/galaxy/datasets_change_datatype.md box_type="none" %}
      """)
    defer { try? FileManager.default.removeItem(atPath: root) }
    let boxes = LessonTestSupport.boxes(lesson.document.blocks)
    #expect(boxes.map(\.type) == ["question", "solution", "tip", "comment"])
    #expect(boxes[3].box.title == [.text("Other title")])
    #expect(lesson.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lesson.diagnostics)")
  }

  @Test func aMissingFileIsAWarningAtTheTagsLine() throws {
    let (lesson, root) = try lesson("Text\n\n{% snippet faqs/galaxy/no_such_faq.md %}\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let warnings = lesson.diagnostics.filter { $0.message.contains("no_such_faq") }
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning)
    #expect(warnings.first?.line == 6)
    #expect(warnings.first?.file.hasSuffix("quality-control/tutorial.md") == true)
  }

  @Test func aCycleIsAnErrorAtTheIncludingFilesLine() throws {
    let (lesson, root) = try lesson(
      "{% include snippets/a.md %}\n",
      extra: ["snippets/a.md": "A\n{% include snippets/b.md %}\n", "snippets/b.md": "B\n\n{% include snippets/a.md %}\n"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let errors = lesson.diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.file.hasSuffix("snippets/b.md") == true)
    #expect(errors.first?.line == 3)
    #expect(errors.first?.message.contains("cycle") == true)
  }

  @Test func includesNestAndAProblemInsideOneIsReportedInThatFile() throws {
    let (lesson, root) = try lesson(
      "Intro\n\n{% include snippets/outer.md who=\"Ada\" %}\n",
      extra: [
        "snippets/outer.md": "Outer {{ include.who }} on {{ page.title }}\n\n{% include snippets/inner.md %}\n",
        "snippets/inner.md": "Inner\n\n{% if include.x %}\nunclosed\n",
      ])
    defer { try? FileManager.default.removeItem(atPath: root) }
    let all = text(lesson.document.blocks)
    #expect(all.contains("Outer Ada on Quality Control"))
    #expect(all.contains("Inner"))
    let unclosed = try #require(lesson.diagnostics.first { $0.message.contains("never closed") })
    #expect(unclosed.file.hasSuffix("snippets/inner.md") && unclosed.line == 3)
  }

  @Test func pathsOutsideTheContentFolderAreRefused() throws {
    let (lesson, root) = try lesson("{% include ../../etc/passwd %}\n\n{% include /etc/passwd %}\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.filter { $0.message.contains("inside the content folder") }.count == 2)
    #expect(!text(lesson.document.blocks).contains("root:"))
  }

  @Test func tagsInCodeAndRawAreLeftAlone() throws {
    let (lesson, root) = try lesson(
      "```markdown\n{% snippet faqs/galaxy/datasets_change_datatype.md %}\n```\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.sourceMap.includedFiles.isEmpty)
    #expect(LessonTestSupport.boxes(lesson.document.blocks).isEmpty)
  }
}

extension IncludeTests {
  @Test func siteVariablesReachSnippets() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("includes-site-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let relative = "topics/t/tutorials/x"
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(relative), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("snippets"), withIntermediateDirectories: true)
    try "On {{ site.title }}: [home]({{ site.baseurl }}/index.html)\n".write(
      to: root.appendingPathComponent("snippets/s.md"), atomically: true, encoding: .utf8)
    let file = root.appendingPathComponent(relative + "/tutorial.md").path
    try "---\ntitle: X\n---\n{% include snippets/s.md %}\n".write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: relative, site: ["title": "Swift training"])
    let text = "\(lesson.document.blocks)"
    #expect(text.contains("On Swift training"))
    #expect(text.contains("../../../../index.html"), "site.baseurl is left to the link rewriting: \(text)")
  }
}

extension IncludeTests {
  @Test func chooseYourOwnTutorialKeepsEveryBranchReadableAndLabelled() throws {
    let (lesson, root) = try lesson(
      """
      {% include _includes/cyoa-choices.html option1="Short" option2="Long" default="Short" text="Pick one." %}

      <div class="Short" markdown="1">
      The **short** way.
      </div>

      <div class="Long" markdown="1">
      The long way.
      </div>
      """)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let note = try #require(LessonTestSupport.boxes(lesson.document.blocks).first)
    #expect(note.type == "comment")
    let noteText = "\(note.box.content)"
    #expect(noteText.contains("Pick one.") && noteText.contains("Short") && noteText.contains("Long"))
    let all = "\(lesson.document.blocks)"
    #expect(all.contains("Version: Short") && all.contains("Version: Long"))
    #expect(all.contains("short") && all.contains("The long way."))
  }
}

extension IncludeTests {
  @Test(.timeLimit(.minutes(1)))
  func aNamedPipeIsRefusedNotReadForever() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("includes-fifo-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let relative = "topics/t/tutorials/x"
    try FileManager.default.createDirectory(atPath: root + "/" + relative, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/snippets", withIntermediateDirectories: true)
    #expect(mkfifo(root + "/snippets/pipe.md", 0o600) == 0)
    #expect(mkfifo(root + "/" + relative + "/tutorial.bib", 0o600) == 0)
    let file = root + "/" + relative + "/tutorial.md"
    try "---\ntitle: X\n---\n{% include snippets/pipe.md %}\n\n{% cite a %}\n".write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: relative)
    #expect(lesson.diagnostics.contains { $0.message.contains("not a regular file") && $0.file == file })
    #expect(lesson.diagnostics.contains { $0.message.contains("bibliography is not a regular file") })
  }
}

extension IncludeTests {
  @Test func aBibliographyLinkedFromOutsideTheContentFolderIsNotRead() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("bib-out-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: base) }
    let relative = "topics/t/tutorials/x"
    try FileManager.default.createDirectory(atPath: base + "/content/" + relative, withIntermediateDirectories: true)
    try "@misc{secret, title = {The secret}, year = 2020}\n".write(toFile: base + "/outside.bib", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: base + "/content/" + relative + "/tutorial.bib", withDestinationPath: base + "/outside.bib")
    let file = base + "/content/" + relative + "/tutorial.md"
    try "---\ntitle: X\n---\n{% cite secret %}\n".write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: relative)
    #expect(lesson.document.references.isEmpty)
    #expect(lesson.diagnostics.contains { $0.message.contains("outside the content folder") })
  }
}
