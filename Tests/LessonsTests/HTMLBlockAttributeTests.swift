import Testing

@testable import Lessons

/// An attribute line after an HTML block applies to the block's first element, as kramdown applies it.
@Suite struct HTMLBlockAttributeTests {
  @Test func anAttributeLineAfterDetailsGoesOnTheDetailsTag() {
    let lesson = LessonTestSupport.parse("<details>\n<summary>More</summary>\nHidden.\n</details>\n{: .question #why}\n\nNext.\n")
    #expect(lesson.document.blocks.first == .html("<details class=\"question\" id=\"why\">\n<summary>More</summary>\nHidden.\n</details>\n"))
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
  }

  @Test func anAttributeLineAfterAMarkdownOneElementGoesOnItsOpeningTag() {
    let lesson = LessonTestSupport.parse("<details markdown=\"1\">\n<summary>S</summary>\nSome **bold**.\n</details>\n{: .tip}\n")
    #expect(lesson.document.blocks.first == .html("<details class=\"tip\">\n<summary>S</summary>\n"))
    #expect(lesson.document.blocks.contains(.html("</details>\n")))
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
  }

  @Test func classesJoinTheExistingClassAndTheIDReplacesTheExistingID() {
    let lesson = LessonTestSupport.parse("<div class='box' id=old data-x=\"a>b\">\ntext\n</div>\n{: .box .wide #new}\n")
    // The sanitiser writes the tag again, each value double-quoted with `>` escaped.
    #expect(lesson.document.blocks.first == .html("<div class=\"box wide\" id=\"new\" data-x=\"a&gt;b\">\ntext\n</div>\n"))
  }

  @Test func valuesAreEscapedAndSelfClosingTagsStayClosed() {
    let attributes = Attributes(classes: ["q\"x", "<b>"], id: "a&'b")
    #expect(
      HTMLOpeningTag.applying(attributes, to: "<img src=\"a.png\" />")
        == "<img src=\"a.png\" class=\"q&quot;x &lt;b&gt;\" id=\"a&amp;&#39;b\" />")
    #expect(HTMLOpeningTag.applying(attributes, to: "  <br>") == "  <br class=\"q&quot;x &lt;b&gt;\" id=\"a&amp;&#39;b\">")
  }

  @Test func aQuoteJoinedToACombiningMarkIsEscapedToo() {
    // `"\u{301}` is one Character: compared as characters it is no quote, and it ended the attribute value.
    let attributes = Attributes(classes: ["q\"\u{301} onmouseover=alert(1) x"], id: "i'\u{301}d")
    let html = HTMLOpeningTag.applying(attributes, to: "<div>")
    #expect(html == "<div class=\"q&quot;\u{301} onmouseover=alert(1) x\" id=\"i&#39;\u{301}d\">")
  }

  @Test func htmlThatOpensNoElementIsLeftAsWrittenWithAWarning() {
    #expect(HTMLOpeningTag.applying(Attributes(classes: ["x"]), to: "</div>\n") == nil)
    #expect(HTMLOpeningTag.applying(Attributes(classes: ["x"]), to: "<!-- note -->\n") == nil)
    #expect(HTMLOpeningTag.applying(Attributes(classes: ["x"]), to: "<div class=\"unclosed\n") == nil)
    let lesson = LessonTestSupport.parse("Text.\n\n</div>\n{: .x}\n")
    #expect(lesson.document.blocks.last == .html("</div>\n"))
    #expect(lesson.diagnostics.map(\.line) == [7], "\(lesson.diagnostics)")  // body line 4 after 3 front-matter lines
  }
}
