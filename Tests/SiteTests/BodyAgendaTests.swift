import Lessons
import Testing

@testable import Site

/// GTN's kramdown lists `#` and `##` headings in the agenda (toc_levels 1..2), the `##` nested in the `#`.
@Suite struct BodyAgendaTests {
  private let agenda = "> <agenda-title></agenda-title>\n>\n> 1. TOC\n> {:toc}\n>\n{: .agenda}\n\n"

  @Test func aLessonWhoseSectionsAreAllLevelOneHasAFullAgenda() {
    let (lesson, body) = BodyTestSupport.render(
      "---\ntitle: T\n---\n" + agenda + "# Introduction\n\nText.\n\n# Analysis\n\nMore.\n\n# Conclusion\n{:.no_toc}\n")
    #expect(lesson.document.tableOfContents.map(\.title) == ["Introduction", "Analysis"])
    #expect(body.html.contains(
      "<ol class=\"toc\">\n<li><a href=\"#introduction\">Introduction</a></li>\n<li><a href=\"#analysis\">Analysis</a></li>\n</ol>"))
  }

  @Test func levelTwoHeadingsNestUnderTheirSection() {
    let (_, body) = BodyTestSupport.render(
      "---\ntitle: T\n---\n" + agenda
        + "## Before\n\n# One\n\n## One A\n\n## One B\n\n### Deep\n\n# Two\n\n> ## In a box\n{: .hands_on}\n")
    #expect(body.html.contains(
      """
      <ol class="toc">
      <li><a href="#before">Before</a></li>
      <li><a href="#one">One</a>
      <ol>
      <li><a href="#one-a">One A</a></li>
      <li><a href="#one-b">One B</a></li>
      </ol>
      </li>
      <li><a href="#two">Two</a></li>
      </ol>
      """))
    // The list above ends after "Two": the `###` heading and the heading inside a box are not in it.
    #expect(BodyTestSupport.xmlProblem(body.html) == nil)
  }
}
