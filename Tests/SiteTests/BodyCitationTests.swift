import Foundation
import Lessons
import Testing

@testable import Site

/// Citations render as author–year links to a References section, placed by `{% bibliography %}` or at the end.
@Suite struct BodyCitationTests {
  private func render(_ body: String) throws -> (RenderedBody, String) {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cite-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try """
      @article{Black2021, author = {Black, Ann and M{\\'e}nager, Herv{\\'e} and White, Bo}, year = {2021},
        title = {Training with <Galaxy> & friends}, journal = {{GigaScience}}, doi = {10.1093/gigascience/giab001}}
      @book{Solo2019, author = {Solo, Han}, year = 2019, title = {One Book}, publisher = {Rebel Press}}
      """.write(to: folder.appendingPathComponent("tutorial.bib"), atomically: true, encoding: .utf8)
    let file = folder.appendingPathComponent("tutorial.md").path
    let lesson = LessonParser.parse(text: "---\ntitle: T\n---\n" + body, file: file, relativePath: "topics/t/tutorials/x")
    return (BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML), folder.path)
  }

  @Test func citationsLinkToTheirEntriesAtTheEndOfThePage() throws {
    let (body, folder) = try render("As shown ({% cite Black2021 %}; {% cite Solo2019 %}).\n\n## Next\n\nText.\n")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(body.html.contains("<cite class=\"citation\"><a href=\"#ref-Black2021\">Black et al. 2021</a></cite>"))
    let references = try #require(body.html.range(of: "<section class=\"references\""))
    #expect(body.html.range(of: "Text.")!.lowerBound < references.lowerBound)
    let list = String(body.html[references.lowerBound...])
    #expect(list.contains("<li id=\"ref-Black2021\">Black, A., H. Ménager, and B. White, 2021"))
    #expect(list.contains("Training with &lt;Galaxy&gt; &amp; friends."))
    #expect(list.contains("<em>GigaScience</em>"))
    #expect(list.contains("<a href=\"https://doi.org/10.1093/gigascience/giab001\">"))
    #expect(list.contains("Solo, H., 2019 <span class=\"reference-title\">One Book.</span> Rebel Press."))
    #expect(BodyTestSupport.xmlProblem(body.html) == nil)
  }

  @Test func theBibliographyTagPlacesTheListOnce() throws {
    let (body, folder) = try render("{% cite Solo2019 %}\n\n## Sources\n\n{% bibliography %}\n\n## After\n\nEnd.\n")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let list = try #require(body.html.range(of: "<section class=\"references\""))
    #expect(list.lowerBound < body.html.range(of: "End.")!.lowerBound)
    #expect(body.html.components(separatedBy: "<section class=\"references\"").count == 2)
    #expect(!BodyTestSupport.visibleText(body.html).contains("{%"))
  }
}

extension BodyCitationTests {
  /// GTN cites in figure captions (`![x](a.png "A dataset {% cite Key %}")`): the caption shows the citation, and the
  /// image's tooltip is the caption's text, with no Liquid or Markdown left in the attribute.
  @Test func aCitationInAFigureCaptionLeavesNoLiquidInTheImageTitle() throws {
    let (body, folder) = try render("![Data](data.png \"A *plant* dataset {% cite Solo2019 %}\")\n")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    #expect(body.html.contains("<a href=\"#ref-Solo2019\">Solo 2019</a>"))
    let title = try #require(body.html.firstRange(of: " title=\"")).upperBound
    let value = body.html[title...].prefix(while: { $0 != "\"" })
    #expect(value == "A plant dataset", "\(value)")
  }
}
