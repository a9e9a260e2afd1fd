import Foundation
import Testing

@testable import Lessons

/// Where included text lands, on the layouts real GTN tutorials use (found building a 30-tutorial GTN corpus with
/// `scripts/check-samples.sh --corpus`): tags over several lines, older snippets that carry their own `>`,
/// snippets one after the other, tags in running text, and attribute lines after a code span that wraps.
@Suite struct IncludeLayoutTests {
  @Test func aChoiceTagWrittenOverTwoLinesIsExpanded() throws {
    let (lesson, root) = try LessonTestSupport.lessonInGTNFixtures(
      """
      {% include _includes/cyoa-choices.html option1="Hifiasm" option2="Flye" default="Hifiasm"
             text="Two assemblers." %}

      <div class="Hifiasm" markdown="1">
      Hifiasm steps.
      </div>
      """)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let note = try #require(LessonTestSupport.boxes(lesson.document.blocks).first)
    #expect(note.type == "comment")
    #expect("\(note.box.content)".contains("Two assemblers.") && "\(note.box.content)".contains("Flye"))
    #expect(!"\(lesson.document.blocks)".contains("snippet"))
  }

  @Test func anOlderSnippetWithItsOwnMarkersIsOneBoxInsideTheHandsOn() throws {
    // snippets/create_new_history.md is written for Jekyll: its lines after the first carry `>    ` themselves.
    let (lesson, root) = try LessonTestSupport.lessonInGTNFixtures(
      """
      > <hands-on-title>New history</hands-on-title>
      >
      > 1. Create a new history
      >
      >    {% include snippets/create_new_history.md %}
      >
      > 2. Rename it
      {: .hands_on}
      """)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    #expect(LessonTestSupport.boxes(lesson.document.blocks).map(\.type) == ["hands_on", "tip"])
    #expect(LessonTestSupport.plainQuotes(lesson.document.blocks) == 0, "\(lesson.document.blocks)")
  }

  @Test func snippetsOnConsecutiveLinesAreTwoBoxes() throws {
    let (lesson, root) = try LessonTestSupport.lessonInGTNFixtures(
      """
      > <hands-on-title>Upload</hands-on-title>
      >
      > 1. Get the data
      >
      >    {% snippet faqs/galaxy/datasets_import_via_link.md %}
      >    {% snippet faqs/galaxy/datasets_change_datatype.md datatype="csv" %}
      >
      {: .hands_on}
      """)
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let boxes = LessonTestSupport.boxes(lesson.document.blocks)
    #expect(boxes.map(\.type) == ["hands_on", "tip", "tip"])
    #expect(boxes.dropFirst().map(\.box.title) == [[.text("Importing via links")], [.text("Changing the datatype")]])
  }

  @Test func anIncludeInRunningTextIsPutWhereItStands() throws {
    let (lesson, root) = try LessonTestSupport.lessonInGTNFixtures(
      "Your tool is {% include snippets/tool_name.md tool=\"FastQC\" %}, version 2.\n",
      extra: ["snippets/tool_name.md": "**{{ include.tool }}**\n"])
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    #expect(
      lesson.document.blocks == [.paragraph([.text("Your tool is "), .strong([.text("FastQC")]), .text(", version 2.")], .init())])
  }

  @Test func anFAQSnippetInRunningTextBecomesItsBoxAfterTheText() throws {
    let (lesson, root) = try LessonTestSupport.lessonInGTNFixtures(
      "Change the type: {% snippet faqs/galaxy/datasets_change_datatype.md datatype=\"csv\" %} then go on.\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let text = "\(lesson.document.blocks)"
    #expect(LessonTestSupport.boxes(lesson.document.blocks).map(\.type) == ["tip"])
    #expect(text.contains("Change the type:") && text.contains("then go on.") && !text.contains("snippet"))
  }

  @Test func aClosingLineAfterACodeSpanThatWrapsClosesTheBox() {
    let lesson = LessonTestSupport.parse(
      """
      > <comment-title>Versions</comment-title>
      >
      > Change it with `Select another tool
      > version`.
      {: .comment}

      After.
      """)
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let boxes = LessonTestSupport.boxes(lesson.document.blocks)
    #expect(boxes.map(\.type) == ["comment"])
    guard case .paragraph(_, let attributes) = boxes.first?.box.content.first else {
      Issue.record("the box holds no paragraph: \(boxes)")
      return
    }
    #expect(attributes.classes.isEmpty, "the closing line is the box's, not the paragraph's")
  }
}

extension IncludeLayoutTests {
  /// GTN's "choose your own tutorial" branches: `<div class="Tools" markdown="1">`, a heading, and a box right under
  /// it with no blank line, so CommonMark's HTML block runs on to the box's closing line.
  @Test func aBoxRightAfterAHeadingInsideAMarkdownDivKeepsItsClosingLine() {
    let lesson = LessonTestSupport.parse(
      """
      <div class="Tools" markdown="1">
      # Follow the steps one by one
      > <details-title>How Galaxy works</details-title>
      >
      > The homepage has three panels.
      {: .details}

      After.
      </div>
      """)
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    #expect(LessonTestSupport.boxes(lesson.document.blocks).map(\.type) == ["details"])
    guard case .html(let opening) = lesson.document.blocks.first else {
      Issue.record("no opening tag: \(lesson.document.blocks)")
      return
    }
    #expect(!opening.contains("details"), "the closing line is the box's, not the div's: \(opening)")
  }
}
