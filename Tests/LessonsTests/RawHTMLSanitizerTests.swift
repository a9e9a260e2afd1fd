import Testing

@testable import Lessons

/// The sanitiser on pieces of HTML a browser reads in ways that are easy to get wrong: it must see the same tags,
/// attributes and comment ends a browser sees.
@Suite struct RawHTMLSanitizerTests {
  static func sanitize(_ html: String) -> (html: String, kinds: [String], lines: [Int]) {
    var kinds: [String] = []
    var lines: [Int] = []
    let result = RawHTMLSanitizer.sanitize(html) { line, kind, _ in
      kinds.append(kind)
      lines.append(line)
    }
    return (result, kinds, lines)
  }

  @Test func aCommentEndsWhereABrowserEndsIt() {
    #expect(Self.sanitize("<!-- a --!><img src=x onerror=y> -->").html == "<!-- a --!><img src=\"x\"> -->")
    #expect(Self.sanitize("<!--><img src=x onerror=y>").html == "<!--><img src=\"x\">")
    #expect(Self.sanitize("<!---><img src=x onerror=y>").html == "<!---><img src=\"x\">")
    #expect(Self.sanitize("<!-- <b> -- > still comment -->").html == "<!-- <b> -- > still comment -->")
  }

  @Test func anUnterminatedCommentOrTagIsText() {
    #expect(Self.sanitize("<div>\n<!-- never closed <script>x</script>\n").html == "<div>\n&lt;!-- never closed &lt;script&gt;x&lt;/script&gt;\n")
    #expect(Self.sanitize("<img src=\"x\n").html == "&lt;img src=\"x\n")
  }

  @Test func declarationsAndProcessingInstructionsAreTextUpToTheFirstGreaterThan() {
    #expect(Self.sanitize("<?php echo 1 ?>").html == "&lt;?php echo 1 ?&gt;")
    #expect(Self.sanitize("<![CDATA[ a ]]><b>b</b>").html == "&lt;![CDATA[ a ]]&gt;<b>b</b>")
    #expect(Self.sanitize("<!DOCTYPE html><p>x</p>").html == "&lt;!DOCTYPE html&gt;<p>x</p>")
  }

  @Test func anEndTagIsWrittenWithoutItsAttributes() {
    #expect(Self.sanitize("<div>x</div onclick=\"y\">").html == "<div>x</div>")
    #expect(Self.sanitize("<div>x</div  >").html == "<div>x</div  >")
  }

  @Test func slashesBetweenAttributesSeparateThem() {
    #expect(Self.sanitize("<svg/onload=alert(1)>").kinds == ["<svg>"])
    let result = Self.sanitize("<img/src=\"a.png\"/alt=\"b\"/onerror=\"c\"/>")
    #expect(result.html == "<img src=\"a.png\" alt=\"b\"/>")
    #expect(result.kinds == ["attribute on…"])
  }

  @Test func scriptTextEndsOnlyAtItsOwnEndTag() {
    let result = Self.sanitize("<script>var s = \"</scr\" + \"ipt><i>\"; if (a<b) {}</script><b>after</b>")
    #expect(result.html == "<b>after</b>")
    let whole = Self.sanitize("<SCRIPT>x</script\t><i>after</i>")
    #expect(whole.html == "<i>after</i>")
  }

  @Test func nestedSVGIsRemovedToItsOwnEnd() {
    #expect(Self.sanitize("<svg><g><svg></svg><script>x</script></g></svg><b>kept</b>").html == "<b>kept</b>")
  }

  @Test func addressesAreReadAsABrowserReadsThem() {
    for unsafe in [
      "javascript:x", " javascript:x", "\u{1}javascript:x", "JAVASCRIPT:x", "java\nscript:x", "java&#x0A;script:x",
      "&#0000106;avascript:x", "&#x6a;avascript:x", "javascript&colon;x", "jav&Tab;ascript:x", "&unknown;javascript:x",
      "data:text/html,x", "vbscript:x", "{{ page.x }}", "java{{ x }}script:x",
    ] {
      #expect(!URLSafety.isSafe(ArraySlice(unsafe.utf8), allowingImageData: false), "\(unsafe)")
    }
    for safe in [
      "https://example.org", "HTTP://x", "mailto:a@b", "#top", "../images/a.png", "page.html?a=1&b=2", "?q=javascript:x",
      "/topics/x/{{ y }}", "https://x/{{ y }}", "a&amp;b", "",
    ] {
      #expect(URLSafety.isSafe(ArraySlice(safe.utf8), allowingImageData: false), "\(safe)")
    }
    #expect(URLSafety.isSafe(ArraySlice("data:image/png;base64,AAAA".utf8), allowingImageData: true))
    #expect(!URLSafety.isSafe(ArraySlice("data:image/png;base64,AAAA".utf8), allowingImageData: false))
  }

  @Test func removalsCountTheirLines() {
    let result = Self.sanitize("<div>\n<p>\nok</p>\n<b onclick=x>\n<i style=\"behavior: url(x.htc)\">")
    #expect(result.kinds == ["attribute on…", "style"])
    #expect(result.lines == [3, 4])
  }

  @Test func textWithoutTagsIsReturnedAsItIs() {
    #expect(Self.sanitize("a &amp; b > c").html == "a &amp; b > c")
  }
}

extension RawHTMLSanitizerTests {
  @Test func aLessThanThatStartsNoTagIsEscaped() {
    #expect(Self.sanitize("<div><{{ x }}></div>").html == "<div>&lt;{{ x }}></div>")
    #expect(Self.sanitize("<b>a</").html == "<b>a&lt;/")
    #expect(Self.sanitize("<b>x</b> a <").html == "<b>x</b> a &lt;")
    #expect(Self.sanitize("<b>x</b> a < b <3").html == "<b>x</b> a &lt; b &lt;3")
    // Removing the script must not join the `<` before it to the text after it.
    #expect(Self.sanitize("<<script>x</script>img src=x onerror=alert(1)>").html == "&lt;img src=x onerror=alert(1)>")
  }
}
