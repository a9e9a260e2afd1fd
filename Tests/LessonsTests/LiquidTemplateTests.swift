import Testing

@testable import Lessons

/// The Liquid subset snippets use: conditions, `unless`, outputs, filters, raw text, line origins.
@Suite struct LiquidTemplateTests {
  private func render(_ text: String, include: [String: String] = [:], page: [String: String] = [:]) -> LiquidTemplate.Output {
    LiquidTemplate.render(text, scope: LiquidScope(include: include, page: page))
  }

  @Test func theEscapeFilterEscapesAsJekyllDoesEvenAQuoteJoinedToAMark() {
    let output = render("{{ include.x | escape }}", include: ["x": "a'b\"\u{301} <i>&"]).lines
    #expect(output == ["a&#39;b&quot;\u{301} &lt;i&gt;&amp;"])
  }

  @Test func ifElseTakesTheParameter() {
    let text = "* Select {% if include.datatype %}`{{ include.datatype }}`{% else %} your desired datatype {% endif %}\n"
    #expect(render(text, include: ["datatype": "csv"]).lines == ["* Select `csv`"])
    #expect(render(text).lines == ["* Select  your desired datatype "])
  }

  @Test func anEmptyStringIsTrueAsInLiquid() {
    #expect(render("{% if include.x %}yes{% else %}no{% endif %}", include: ["x": ""]).lines == ["yes"])
    #expect(render("{% if include.x == empty %}empty{% endif %}", include: ["x": ""]).lines == ["empty"])
  }

  @Test func elsifUnlessAndConnectives() {
    let text = "{% if include.a == \"1\" %}one{% elsif include.a == \"2\" %}two{% else %}other{% endif %}"
    #expect(render(text, include: ["a": "2"]).lines == ["two"])
    #expect(render(text, include: ["a": "3"]).lines == ["other"])
    #expect(render("{% unless include.a %}none{% endunless %}").lines == ["none"])
    #expect(render("{% unless include.a %}none{% endunless %}", include: ["a": "x"]).lines == [""])
    #expect(render("{% if include.a or include.b and include.c %}T{% endif %}", include: ["a": "1"]).lines == ["T"])
    #expect(render("{% if include.a and include.b or include.c %}T{% endif %}", include: ["a": "1"]).lines == [""])
    #expect(render("{% if include.a contains \"ell\" %}T{% endif %}", include: ["a": "hello"]).lines == ["T"])
  }

  @Test func linesHoldingOnlyControlTagsLeaveNoLineAndOriginsFollowTheSource() {
    let text = "* one\n{% if include.reset %}\n* reset\n{% endif %}\n* two\n  {% if include.link %}\n  `{{ include.link }}`\n  {% endif %}\n"
    let output = render(text, include: ["link": "https://x"])
    #expect(output.lines == ["* one", "* two", "  `https://x`"])
    #expect(output.origins == [1, 5, 7])
  }

  @Test func emptyLinesStayTheyEndMarkdownBlocks() {
    let output = render("Para one.\n\n{% if include.x %}\nx\n{% endif %}\n\nPara two.\n   \nEnd\n")
    #expect(output.lines == ["Para one.", "", "", "Para two.", "   ", "End"])
    #expect(output.origins == [1, 2, 6, 7, 8, 9])
  }

  @Test func outputsPageSiteDefaultsAndUnknownNames() {
    #expect(render("{{ page.title }}", page: ["title": "QC"]).lines == ["QC"])
    #expect(render("{{ include.missing }}.").lines == ["."])
    #expect(render("{{ include.missing | default: \"fallback\" }}").lines == ["fallback"])
    // Names the scope does not know stay for the later stages (site links, page fields).
    #expect(render("[x]({{ site.baseurl }}/a)").lines == ["[x]({{ site.baseurl }}/a)"])
    #expect(render("{% icon tip %} {% tool [A](b) %}").lines == ["{% icon tip %} {% tool [A](b) %}"])
  }

  @Test func rawAndCommentBlocks() {
    let text = "{% raw %}\n{% if include.a %}{{ x }}{% endif %}\n{% endraw %}\n{% comment %}\nhidden\n{% endcomment %}\nshown\n"
    #expect(render(text).lines == ["{% raw %}", "{% if include.a %}{{ x }}{% endif %}", "{% endraw %}", "shown"])
    #expect(render("{% if include.a %}{% raw %}{% if %}{% endraw %}{% endif %}ok").lines == ["ok"])
  }

  @Test func unclosedAndStrayBlocksAreReportedAtTheirLine() {
    let output = render("a\n{% if include.x %}\nb\n{% endunless %}\n")
    #expect(output.problems.map(\.line) == [4, 2])
    #expect(output.problems.allSatisfy { !$0.isError })
  }

  @Test func theLessonBodysOwnConditionsAreRenderedAndLinesStayTheFiles() {
    let lesson = LessonTestSupport.parse(
      "Intro.\n\n{% if page.level == \"Advanced\" %}\nHard part.\n{% else %}\nEasy part.\n{% endif %}\n\nAfter {% icon nope-x %}\n",
      frontMatter: "title: T\nlevel: Introductory")
    let text = "\(lesson.document.blocks)"
    #expect(text.contains("Easy part.") && !text.contains("Hard part."))
    #expect(!text.contains("{%"))
    // The parser saw fewer lines than the file has; problems are still reported at the file's lines.
    let unknownIcon = lesson.diagnostics.first { $0.message.contains("nope-x") }
    #expect(unknownIcon == nil, "icons are checked when rendering")
    #expect(lesson.sourceMap.origin(of: 8, in: lesson.file).line == 12)
  }
}
