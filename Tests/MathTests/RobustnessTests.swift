import Foundation
import Testing

@testable import Math

/// Unsupported TeX is an error with a message, never a crash; hostile input stays bounded and escaped.
@Suite("Unsupported and hostile TeX")
struct RobustnessTests {
  @Test(
    "unsupported TeX is a TeXError naming the problem",
    arguments: [
      ("\\foo x", "unknown command \\foo"),
      ("\\frac{a}{b", "{ is never closed"),
      ("a}", "} without a matching {"),
      ("\\left( x", "\\left without a matching \\right"),
      ("x \\right)", "\\right without a matching \\left"),
      ("\\begin{foo} x \\end{foo}", "unknown environment foo"),
      ("\\begin{matrix} x \\end{pmatrix}", "\\begin{matrix} is closed with \\end{pmatrix}"),
      ("\\begin{matrix} x", "\\begin{matrix} is never closed with \\end{matrix}"),
      ("x^", "^ is missing its argument"),
      ("x^1^2", "double superscript"),
      ("\\frac{a}", "\\frac is missing its argument"),
      ("\\text{a \\foo}", "unknown command \\foo inside \\text{…}"),
      ("\\color{red}{x}", "unknown command \\color"),
      ("\\hspace{1cm\"><script>}", "\\hspace{1cm\"><script>} is not a length such as 1em"),
    ])
  func unsupported(tex: String, message: String) {
    #expect(throws: TeXError(message)) { try TeXMath.mathML(tex, display: false) }
  }

  @Test("10,000 nested braces are an error, not a stack overflow")
  func deepNesting() {
    let tex = String(repeating: "{", count: 10_000) + "x" + String(repeating: "}", count: 10_000)
    #expect(throws: TeXError("nesting deeper than 64 levels")) { try TeXMath.mathML(tex, display: true) }
    let roots = String(repeating: "\\sqrt", count: 10_000) + " x"
    #expect(throws: TeXError("nesting deeper than 64 levels")) { try TeXMath.mathML(roots, display: true) }
    let fences = String(repeating: "\\left(", count: 10_000)
    #expect(throws: TeXError("nesting deeper than 64 levels")) { try TeXMath.mathML(fences, display: true) }
  }

  @Test("nesting up to the limit converts")
  func nestingAtLimit() throws {
    let tex = String(repeating: "{", count: 60) + "x" + String(repeating: "}", count: 60)
    #expect(try ConstructTests.body(tex) == "<mi>x</mi>")
  }

  @Test("a 1 MB formula converts in one linear pass")
  func megabyte() throws {
    let unit = "\\frac{a_1}{b^2} + "
    let tex = String(repeating: unit, count: 1_000_000 / unit.utf8.count) + "x"
    let math = try TeXMath.mathML(tex, display: true)
    #expect(math.utf8.count > tex.utf8.count)
    #expect(math.hasSuffix("<mi>x</mi></math>"))
  }

  @Test("markup in a formula is escaped: text, operators and alttext")
  func injection() throws {
    let tex = "\\text{</math><script>alert(1)</script>} < \"x\" & y"
    let math = try TeXMath.mathML(tex, display: false)
    #expect(!math.contains("<script"))
    #expect(!math.dropLast("</math>".count).contains("</math>"))
    #expect(math.contains("&lt;/math&gt;&lt;script&gt;"))
    #expect(math.contains("alttext=\"\\text{&lt;/math&gt;&lt;script&gt;alert(1)&lt;/script&gt;} &lt; &quot;x&quot; &amp; y\""))
    #expect(math.contains("<mo>&lt;</mo><mo>&quot;</mo><mi>x</mi><mo>&quot;</mo>"))
  }

  @Test("characters outside the subset become operators, not errors")
  func otherCharacters() throws {
    #expect(try ConstructTests.body("a < b") == "<mi>a</mi><mo>&lt;</mo><mi>b</mi>")
    #expect(try ConstructTests.body("é") == "<mi>é</mi>")
  }
}
