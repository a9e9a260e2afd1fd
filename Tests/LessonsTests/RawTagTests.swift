import Lessons
import Testing

/// `{% raw %}` keeps Liquid-looking text as text.
struct RawTagTests {
  @Test("text between {% raw %} and {% endraw %} is kept literally, without warnings")
  func raw() {
    let lesson = LessonTestSupport.parse("Write {% raw %}{{ page.title }} and {% icon x %}{% endraw %} literally.\n")
    guard case .paragraph(let content, _) = lesson.document.blocks.first else {
      Issue.record("\(lesson.document.blocks)")
      return
    }
    #expect(content == [.text("Write {{ page.title }} and {% icon x %} literally.")])
    #expect(lesson.diagnostics.isEmpty)
  }
}
