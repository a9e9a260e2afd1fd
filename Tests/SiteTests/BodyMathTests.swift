import Foundation
import Lessons
import Testing

@testable import Site

/// `$$…$$` renders as MathML Core at build time: inline inside running text, display when it is a paragraph of its
/// own; unsupported TeX is a warning with the line and shows as code; nothing in a formula escapes into the page.
@Suite("Math in lesson bodies")
struct BodyMathTests {
  private func render(_ body: String) -> (Lesson, RenderedBody) {
    BodyTestSupport.render("---\ntitle: Math\n---\n" + body)
  }

  @Test("a formula in running text is inline MathML; a paragraph of only a formula is display MathML")
  func inlineAndDisplay() {
    let (_, body) = render("The weight $$ w_{i,j} $$ is learned.\n\n$$\n\\frac{a}{b}\n$$\n")
    #expect(body.html.contains(
      "<p>The weight <math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"w_{i,j}\"><msub><mi>w</mi><mrow><mi>i</mi><mo>,</mo><mi>j</mi></mrow></msub></math> is learned.</p>"))
    #expect(body.html.contains(
      "<div class=\"math-display\" tabindex=\"0\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" alttext=\"\\frac{a}{b}\"><mfrac><mi>a</mi><mi>b</mi></mfrac></math></div>"))
    #expect(!body.html.contains("<p><div"))
    #expect(BodyTestSupport.xmlProblem(body.html) == nil)
  }

  @Test("underscores and asterisks inside a formula reach the MathML, not <em>")
  func markdownDoesNotTouchTheFormula() {
    let (_, body) = render("So $$a_i * b_i$$ and $$x *y* z$$ hold.\n")
    #expect(!body.html.contains("<em>"))
    #expect(body.html.contains("<msub><mi>a</mi><mi>i</mi></msub><mo>∗</mo><msub><mi>b</mi><mi>i</mi></msub>"))
  }

  @Test("unsupported TeX is a warning at its file line and the formula is shown as code")
  func unsupported() {
    let (lesson, body) = render("Fine.\n\nA $$\\color{red}{x}$$ and $$\\frac{a}{b$$.\n")
    #expect(body.html.contains("<code class=\"math-source\">\\color{red}{x}</code>"))
    #expect(body.html.contains("<code class=\"math-source\">\\frac{a}{b</code>"))
    let warnings = lesson.diagnostics.filter { $0.message.contains("TeX") }
    #expect(warnings.map(\.line) == [6, 6])
    #expect(warnings.map(\.file) == ["/tmp/lesson/tutorial.md", "/tmp/lesson/tutorial.md"])
    #expect(warnings.first?.description.contains("tutorial.md:6: warning: unsupported TeX in $$…$$: unknown command \\color") == true)
  }

  @Test("a formula cannot inject markup: </math><script> stays escaped text")
  func injection() {
    let (_, body) = render("A $$</math><script>alert(1)</script>$$ b.\n\nC $$\\text{</math><img src=x onerror=alert(1)>}$$.\n\nD $$\\bad</math><script>$$\n")
    #expect(!body.html.contains("<script"))
    #expect(!body.html.contains("<img"))
    #expect(BodyTestSupport.xmlProblem(body.html) == nil)
  }

  @Test("a hostile formula (10,000 nested braces, 200 KB, 20,000 lines) renders without crashing")
  func hostile() {
    let deep = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
    // 200 KB on one line and 20,000 lines: through cmark and the dialect passes (TeXMath alone takes 1 MB in
    // RobustnessTests), kept this size so that the suite does not hold a test thread for long on a loaded machine.
    let big = String(repeating: "x_1 + ", count: 34_000) + "y"
    let lines = String(repeating: "a_1 *b* +\n", count: 20_000) + "c"
    let (lesson, body) = render("$$\(deep)$$\n\n$$\(big)$$\n\n$$\(lines)$$\n\nafter\n")
    #expect(body.html.contains("<code class=\"math-source\">{{{"))
    #expect(lesson.diagnostics.contains { $0.line == 4 && $0.message.contains("nesting deeper than 64") })
    #expect(body.html.contains("<msub><mi>x</mi><mn>1</mn></msub><mo>+</mo><mi>y</mi></math></div>"))
    #expect(body.html.contains("<mo>∗</mo><mi>b</mi><mo>∗</mo><mo>+</mo><mi>c</mi></math></div>\n<p>after</p>"))
  }

  @Test("the notebook keeps the $$…$$ TeX source for Jupyter to render")
  func notebookKeepsTeX() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("math-notebook-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent("tutorial.md").path
    try "---\ntitle: Math\n---\n\nLoss $$ \\mathcal{L} = -\\sum_{i=1}^{c} y_i \\ln \\hat{y}_i $$ here.\n\n$$\n\\frac{a_1}{b}\n$$\n"
      .write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/math")
    let json = try NotebookExport.notebook(for: lesson, results: nil)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let cells = try #require(object["cells"] as? [[String: Any]])
    let markdown = cells.compactMap { ($0["source"] as? [String])?.joined() }.joined()
    #expect(markdown.contains("Loss $$ \\mathcal{L} = -\\sum_{i=1}^{c} y_i \\ln \\hat{y}_i $$ here."))
    #expect(markdown.contains("$$\n\\frac{a_1}{b}\n$$"))
    #expect(!markdown.contains("<math"))
  }

  /// XML cannot hold C0 controls: a formula carrying one (YAML-escaped text, a pasted ESC) shows it as a control
  /// picture in the MathML and its alttext, as the rest of the page does.
  @Test("control characters in a formula become control pictures, and the page stays well-formed")
  func controlCharacters() {
    let (_, body) = render("Inline $$a\u{1B}b$$ here.\n\n$$\nx\u{01}\n$$\n")
    #expect(!body.html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "\(body.html.debugDescription)")
    #expect(body.html.contains("\u{241B}"))
    #expect(BodyTestSupport.xmlProblem(body.html) == nil)
  }
}
