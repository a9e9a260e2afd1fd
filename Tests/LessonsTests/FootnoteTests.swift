import Lessons
import Testing

/// Footnotes, which CommonMark lacks and GTN lessons use.
struct FootnoteTests {
  @Test("[^label] references are numbered in order of first use and [^label]: definitions collected")
  func footnotes() {
    let lesson = LessonTestSupport.parse(
      "Text[^b] and[^a] again[^b].\n\n[^a]: First *note*.\n\n[^b]: Second note.\n\n[^unused]: Never cited.\n")
    #expect(lesson.document.footnotes.map(\.label) == ["b", "a"])
    #expect(lesson.document.footnotes.map(\.number) == [1, 2])
    #expect(lesson.document.footnotes[1].content == [.text("First "), .emphasis([.text("note")]), .text(".")])
    #expect(lesson.document.blocks.count == 1)
    #expect(lesson.diagnostics.contains { $0.line == 10 && $0.message.contains("unused") })
    guard case .paragraph(let content, _) = lesson.document.blocks[0] else { return }
    #expect(content.contains(.footnoteReference(label: "b", number: 1)))
    #expect(content.contains(.footnoteReference(label: "a", number: 2)))
  }

  @Test("[^x] without a definition stays text")
  func undefined() {
    let lesson = LessonTestSupport.parse("Text[^x].\n")
    #expect(lesson.document.footnotes.isEmpty)
    guard case .paragraph(let content, _) = lesson.document.blocks[0] else { return }
    #expect(content == [.text("Text[^x].")])
  }
}
