import Testing

@testable import Site

@Suite("Page formatting")
struct PageFormattingTests {
  @Test(
    "time estimations read as GTN shows them",
    arguments: [
      (30, "30 minutes"), (60, "1 hour"), (90, "1 hour 30 minutes"), (120, "2 hours"), (1, "1 minute"),
      (0, "0 minutes"), (61, "1 hour 1 minute"), (300, "5 hours"),
    ])
  func duration(minutes: Int, expected: String) {
    #expect(PageFormatting.duration(minutes: minutes) == expected)
  }

  @Test(
    "the root prefix leads from a page's folder back to the site root",
    arguments: [
      ("", ""), ("topics/a", "../../"), ("topics/a/tutorials/b", "../../../../"), ("topics/a/", "../../"),
    ])
  func root(folder: String, expected: String) {
    #expect(PageFormatting.root(fromFolder: folder) == expected)
  }

  @Test("seconds and sizes are rounded for a reader")
  func seconds() {
    #expect(PageFormatting.seconds(0.4213) == "0.42 s")
    #expect(PageFormatting.seconds(12.34) == "12.3 s")
    #expect(PageFormatting.seconds(125) == "2 min 5 s")
    #expect(PageFormatting.seconds(3.005) == "3.01 s" || PageFormatting.seconds(3.005) == "3.00 s")
    #expect(PageFormatting.gibibytes(8 * 1_073_741_824) == "8.0 GiB")
  }
}

@Suite("Inline Markdown of front matter items")
struct InlineMarkupTests {
  @Test(
    "code, strong and emphasis become elements after escaping; unpaired markers stay text",
    arguments: [
      ("Use `let` & `var`", "Use <code>let</code> &amp; <code>var</code>"),
      ("**Pools** hide *workers*", "<strong>Pools</strong> hide <em>workers</em>"),
      ("a <b> `x<y`", "a &lt;b&gt; <code>x&lt;y</code>"),
      ("2 * 3 = 6", "2 * 3 = 6"),
      ("unclosed `tick", "unclosed `tick"),
      ("`**not bold**`", "<code>**not bold**</code>"),
    ])
  func inline(text: String, expected: String) {
    #expect(InlineMarkup.html(text) == expected)
  }
}
