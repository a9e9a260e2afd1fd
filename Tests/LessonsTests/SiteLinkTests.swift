import Lessons
import Testing

/// Site links written with Liquid become links relative to the page.
struct SiteLinkTests {
  @Test("{% link x.md %} and {{ site.baseurl }} in link destinations become relative links")
  func siteLinks() throws {
    let lesson = LessonTestSupport.parse(
      "See [intro]({% link topics/intro/tutorials/a/tutorial.md %}) and [b]({{ site.baseurl }}/topics/b/index.html).\n")
    guard case .paragraph(let content, _) = try #require(lesson.document.blocks.first) else { return }
    let urls = content.compactMap { inline -> String? in
      if case .link(let url, _, _) = inline { return url }
      return nil
    }
    #expect(urls == ["../../../../topics/intro/tutorials/a/tutorial.html", "../../../../topics/b/index.html"])
    #expect(lesson.diagnostics.isEmpty)
  }
}
