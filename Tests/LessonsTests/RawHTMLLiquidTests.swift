import Lessons
import Testing

/// Liquid inside raw HTML blocks is resolved too.
struct RawHTMLLiquidTests {
  @Test("{% icon %} and {{ page.title }} inside an HTML block become inlines between the raw parts")
  func liquidInHTMLBlock() throws {
    let lesson = LessonTestSupport.parse("<div class=\"x\">\n{{ page.title }} {% icon tip %}\n</div>\n", frontMatter: "title: Hi")
    guard case .htmlParts(let parts) = try #require(lesson.document.blocks.first) else {
      Issue.record("\(lesson.document.blocks)")
      return
    }
    #expect(parts.first == .html("<div class=\"x\">\n"))
    #expect(parts.contains(.icon(name: "tip", line: 5)))
    #expect(parts.contains(.text("Hi")))
    #expect(parts.last == .html("\n</div>\n"))
  }
}
