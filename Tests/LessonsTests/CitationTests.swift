import Foundation
import Testing

@testable import Lessons

/// `{% cite %}` with the real GTN `tutorial.bib` of quality-control (Fixtures/gtn, CC-BY 4.0).
@Suite struct CitationTests {
  private func lesson(_ body: String) throws -> (Lesson, String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("citations-\(UUID().uuidString)")
    let fixtures = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/gtn")
    try FileManager.default.copyItem(at: fixtures, to: root)
    let relative = "topics/sequence-analysis/tutorials/quality-control"
    let file = root.appendingPathComponent(relative + "/tutorial.md").path
    try "---\ntitle: Quality Control\n---\n\(body)".write(toFile: file, atomically: true, encoding: .utf8)
    return (try LessonParser.parse(file: file, relativePath: relative), root.path)
  }

  @Test func citedEntriesBecomeAuthorYearReferencesWithAccentsDecoded() throws {
    let (lesson, root) = try lesson(
      "MultiQC ({% cite ewels2016multiqc %}) and pycoQC ({% cite Leger2019 %}), Cutadapt ({% cite marcel2011cutadapt %}).\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let references = lesson.document.references
    #expect(references.map(\.label) == ["Ewels et al. 2016", "Leger and Leonardi 2019", "Marcel 2011"])
    let multiqc = try #require(references.first)
    #expect(multiqc.authors == "Ewels, P., M. Magnusson, S. Lundin, and M. Käller")
    #expect(multiqc.title == "MultiQC: summarize analysis results for multiple tools and samples in a single report")
    #expect(multiqc.container == "Bioinformatics")
    #expect(multiqc.details == "32(19): 3047–3048")
    #expect(multiqc.publisher == "Oxford University Press")
    #expect(multiqc.url == "https://academic.oup.com/bioinformatics/article/32/19/3047/2196507")
    #expect(references[1].doiURL == "https://doi.org/10.21105/joss.01236")
  }

  @Test func anUnknownKeyIsAWarningAtItsLine() throws {
    let (lesson, root) = try lesson("Text\n\nSee {% cite nosuchkey %}.\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    let warning = try #require(lesson.diagnostics.first)
    #expect(warning.severity == .warning && warning.line == 6 && warning.message.contains("nosuchkey"))
    #expect(lesson.document.references.isEmpty)
  }

  @Test func bibliographyTagPlacesTheList() throws {
    let (lesson, root) = try lesson("{% cite StJacques2021 %}\n\n# References\n\n{% bibliography --cited %}\n\n# After\n")
    defer { try? FileManager.default.removeItem(atPath: root) }
    #expect(lesson.document.blocks.contains(.bibliography))
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    // Without a comma BibTeX takes the last word as the family name, as here.
    #expect(lesson.document.references.first?.label == "Jacques et al. 2021")
  }

  @Test(arguments: [
    ("M{\\'e}nager", "Ménager"), ("K{\\\"a}ller", "Käller"), ("M{\\aa}ns", "Måns"), ("\\c{c}a", "ça"),
    ("Gr\\\"{o}ning", "Gröning"), ("{\\O}stergaard", "Østergaard"), ("Stra{\\ss}e", "Straße"), ("{DNA} \\& RNA", "DNA & RNA"),
    ("pages 10--12", "pages 10–12"), ("\\v{S}koda", "Škoda"), ("\\textit{in vivo}", "in vivo"),
  ])
  func latexAccentsAreDecoded(input: String, expected: String) {
    #expect(LaTeXText.plain(input) == expected)
  }

  @Test func malformedEntriesAreReportedAndTheRestRead() {
    let (entries, problems) = BibTeXParser.parse(
      "@article{good1, title = {A {B} c}, year = 2020}\n\n@article{broken title = {x}}\n@string{jn = \"J. Bio\"}\n@book{good2,\n  journal = jn # \" Letters\",\n}\n")
    #expect(entries.map(\.key) == ["good1", "good2"])
    #expect(entries.first?.fields["title"] == "A {B} c")
    #expect(entries.last?.fields["journal"] == "J. Bio Letters")
    #expect(entries.last?.line == 5)
    #expect(problems.map(\.line) == [3])
  }
}
