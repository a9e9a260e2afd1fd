import Lessons
import Testing

/// Many attribute lines after one block: each is merged in place, in order (scripts/bench-hostile-input.sh prints
/// how the time grows; merging used to copy every list so far, 17 s for 40,000 lines).
struct AttributeLinesScaleTests {
  @Test("40,000 attribute lines after a paragraph all apply to it, in order", .timeLimit(.minutes(1)))
  func manyLines() throws {
    let count = 40_000
    var body = "text\n"
    for number in 0..<count { body += "{: .c\(number) key\(number % 3)=\"\(number)\"}\n" }
    let lesson = LessonTestSupport.parse(body)
    #expect(lesson.diagnostics.isEmpty)
    guard case .paragraph(_, let attributes) = try #require(lesson.document.blocks.first) else {
      Issue.record("expected a paragraph, got \(lesson.document.blocks)")
      return
    }
    #expect(attributes.classes.count == count)
    #expect(attributes.classes.first == "c0" && attributes.classes.last == "c\(count - 1)")
    #expect(attributes.value(for: "key0") == "39999")
  }

  @Test("merge(_:) appends in place as merging(_:) does")
  func mergeInPlace() {
    var attributes = Attributes(classes: ["a"], id: "x", pairs: [.init(key: "k", value: "1")])
    let other = Attributes(classes: ["b"], pairs: [.init(key: "k", value: "2")], references: ["toc"])
    let merged = attributes.merging(other)
    attributes.merge(other)
    #expect(attributes == merged)
    #expect(attributes.classes == ["a", "b"] && attributes.id == "x" && attributes.value(for: "k") == "2")
  }
}
