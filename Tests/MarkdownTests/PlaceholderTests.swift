import Markdown
import Testing

@Test("cmark is linked") func cmarkIsLinked() {
  #expect(Markdown.cmarkVersion.hasPrefix("0."))
}
