import Lessons
import Site
import Testing

/// Rendering details that the goldens do not spell out.
struct BodyRendererTests {
  @Test("an unknown icon is a warning on its line and a generic icon")
  func unknownIcon() {
    let (_, body) = BodyTestSupport.render("---\ntitle: T\n---\n\nA {% icon no-such-thing %} here\n")
    #expect(body.diagnostics.contains { $0.line == 5 && $0.message.contains("no-such-thing") })
    #expect(body.html.contains("<svg class=\"icon icon-no-such-thing\""))
  }

  @Test("cells are rendered by the closure, in order, where they stand")
  func cells() {
    let lesson = LessonParser.parse(
      text: "---\ntitle: T\n---\nBefore\n\n```swift\nlet a = 1\n```\n\nMiddle\n\n```swift\nlet b = 2\n```\n",
      file: "/tmp/x/tutorial.md", relativePath: "topics/t/tutorials/x")
    let body = BodyRenderer.render(lesson) { cell in "<div class=\"cell-\(cell.index)\"></div>" }
    let first = body.html.firstRange(of: "cell-0")
    let middle = body.html.firstRange(of: "Middle")
    let second = body.html.firstRange(of: "cell-1")
    #expect(first != nil && middle != nil && second != nil)
    if let first, let middle, let second {
      #expect(first.lowerBound < middle.lowerBound && middle.lowerBound < second.lowerBound)
    }
  }

  @Test("table of contents and glossary come back with the HTML")
  func tocAndGlossary() {
    let (_, body) = BodyTestSupport.render(
      "---\ntitle: T\nabbreviations:\n  API: Application Programming Interface\n---\n## One\n\nUse the {API}.\n\n## Two\n")
    #expect(body.tableOfContents == [TableOfContentsEntry(id: "one", title: "One"), TableOfContentsEntry(id: "two", title: "Two")])
    #expect(body.glossary.map(\.short) == ["API"])
  }

  @Test("attribute values are escaped and unsafe attributes dropped")
  func attributes() {
    let (_, body) = BodyTestSupport.render(
      "---\ntitle: T\n---\nText\n{: .ok onclick=\"alert(1)\" title='a\"b' width=\"50%\"}\n")
    #expect(!body.html.contains("onclick"))
    #expect(body.html.contains("title=\"a&quot;b\""))
    #expect(body.html.contains("style=\"width: 50%\""))
  }

  @Test("text is escaped everywhere it can come from")
  func escaping() {
    let (_, body) = BodyTestSupport.render(
      "---\ntitle: T\n---\n## A < B & \"C\"\n\n`<code>` and [x](\"><script>) and ![\"alt](a.png \"<t>\")\n")
    #expect(!body.html.contains("<script>"))
    #expect(!body.html.contains("<code><code>"))
    #expect(BodyTestSupport.xmlProblem(body.html) == nil)
  }
}

extension BodyRendererTests {
  /// GTN's JBrowse FAQ writes `<iframe src="…?data=x&trackList=0">`: a bare `&` in raw HTML would leave the page
  /// ill-formed (an unknown entity for XML, a warning for tidy).
  @Test func aStrayAmpersandInRawHTMLIsEscapedAndEntitiesAreKept() {
    let (_, body) = BodyTestSupport.render(
      "<iframe src=\"viewer.html?data=x&trackList=0\" height=\"500px\"></iframe>\n\n<p>A & B &amp; C &#39;D&#x27; &copy;</p>\n")
    #expect(body.html.contains("src=\"viewer.html?data=x&amp;trackList=0\""), "\(body.html)")
    #expect(body.html.contains("<p>A &amp; B &amp; C &#39;D&#x27; &copy;</p>"), "\(body.html)")
    #expect(BodyTestSupport.xmlProblem(body.html.split(separator: "&copy;").joined()) == nil)
  }

  /// Browsers read `<script>` and `<style>` text raw: an `&&` written `&amp;&amp;` there breaks the script (a site
  /// with `raw_html: trusted` publishes them; a sanitised one removes them).
  @Test func ampersandsInScriptsAndStylesStayRaw() {
    let (_, body) = BodyTestSupport.render(
      "<script>\nif (a && b) { go(\"x&y\") }\n</script>\n\n<style>\na::after { content: \"&\" }\n</style>\n\n<p>A & B</p>\n",
      rawHTML: .trusted)
    #expect(body.html.contains("if (a && b) { go(\"x&y\") }"), "\(body.html)")
    #expect(body.html.contains("content: \"&\""), "\(body.html)")
    #expect(body.html.contains("<p>A &amp; B</p>"), "\(body.html)")
  }
}
