import Foundation
import Testing

@testable import Lessons

/// `{% capture %}`, `{% for %}`, `{% case %}` and the filters GTN's includes use (its JBrowse FAQ captures URLs built
/// with `{{ page.url | remove: "tutorial.html" }}`): before, each was a warning and left out.
@Suite struct LiquidBlockTagTests {
  private func render(_ text: String, include: [String: String] = [:], page: [String: String] = [:]) -> LiquidTemplate.Output {
    LiquidTemplate.render(text, scope: LiquidScope(include: include, page: page))
  }

  @Test func captureSetsAVariableAndPrintsNothingWhereItStands() {
    let text = """
      {% capture dir %}{{ page.url | remove: "tutorial.html" }}{{ include.datadir }}{% endcapture %}
      {% capture url %}viewer.html?data={{ dir }}{% endcapture %}
      <a href="{{ url }}">Open</a>
      """
    let output = render(text, include: ["datadir": "data"], page: ["url": "/topics/a/tutorials/b/tutorial.html"])
    #expect(output.lines == ["<a href=\"viewer.html?data=/topics/a/tutorials/b/data\">Open</a>"])
    #expect(output.origins == [3])
    #expect(output.problems.isEmpty, "\(output.problems)")
  }

  @Test func aCaptureOverSeveralLinesKeepsThem() {
    let output = render("{% capture x %}\none\ntwo\n{% endcapture %}\n[{{ x | strip_newlines }}]\n")
    #expect(output.lines == ["[onetwo]"])
  }

  @Test func forWalksRangesAndSplitListsLineByLine() {
    let text = """
      {% assign names = include.tools | split: "," %}
      {% for name in names %}
      - {{ forloop.index }}. {{ name | upcase }}{% if forloop.last %} (last){% endif %}
      {% endfor %}
      {% for i in (1..3) %}{{ i }}{% unless forloop.last %}-{% endunless %}{% endfor %} done
      """
    let output = render(text, include: ["tools": "bwa,flye"])
    #expect(output.lines == ["- 1. BWA", "- 2. FLYE (last)", "1-2-3 done"])
    #expect(output.problems.isEmpty, "\(output.problems)")
  }

  @Test func aLoopInAFalseBranchOrOverNothingRendersNothing() {
    #expect(render("{% if include.x %}{% for i in (1..2) %}a{% endfor %}{% endif %}b").lines == ["b"])
    #expect(render("{% for t in include.none %}\n- {{ t }}\n{% endfor %}\nend").lines == ["end"])
  }

  @Test func caseWhenPicksTheMatchingBranch() {
    let text = "{% case include.kind %}{% when \"tip\", \"comment\" %}light{% when \"warning\" %}strong{% else %}plain{% endcase %}"
    #expect(render(text, include: ["kind": "comment"]).lines == ["light"])
    #expect(render(text, include: ["kind": "warning"]).lines == ["strong"])
    #expect(render(text, include: ["kind": "x"]).lines == ["plain"])
  }

  @Test func filtersWithArguments() {
    let output = render(
      "{{ include.a | replace: \"-\", \" \" | capitalize }}|{{ include.a | append: \".md\" | prepend: \"faqs/\" }}|{{ include.a | size }}",
      include: ["a": "data-upload"])
    #expect(output.lines == ["Data upload|faqs/data-upload.md|11"])
  }

  @Test func anFAQPageReadsItsMissingParametersAsEmpty() throws {
    // An FAQ rendered as its own page has no tag parameters: `{{ include.tool | default: … }}` takes the default.
    let lesson = LessonTestSupport.parse("1. Wait for {{ include.tool | default: \"your interactive tool\" }} to run\n")
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    #expect("\(lesson.document.blocks)".contains("Wait for your interactive tool to run"))
  }

  @Test func pageURLIsThePagePathFromTheSiteRoot() {
    let lesson = LessonTestSupport.parse("{% capture u %}{{ page.url }}{% endcapture %}At `{{ u }}`: {{ u }}\n")
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    #expect("\(lesson.document.blocks)".contains("/topics/test/tutorials/lesson/tutorial.html"))
  }
}
