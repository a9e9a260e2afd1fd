import Testing

@testable import Math

/// Golden MathML for each construct: the body of `<math>` for inline formulas.
@Suite("TeX constructs → MathML Core")
struct ConstructTests {
  /// The children of `<math>` for `tex` (inline).
  static func body(_ tex: String) throws -> String {
    let math = try TeXMath.mathML(tex, display: false)
    let start = try #require(math.firstRange(of: "\">"))
    return String(math[start.upperBound...].dropLast("</math>".count))
  }

  @Test(
    "each construct has its MathML",
    arguments: [
      ("x", "<mi>x</mi>"),
      ("3.14", "<mn>3.14</mn>"),
      ("a+b-c", "<mi>a</mi><mo>+</mo><mi>b</mi><mo>−</mo><mi>c</mi>"),
      ("\\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
      ("\\frac 3 2", "<mfrac><mn>3</mn><mn>2</mn></mfrac>"),
      ("\\dfrac{1}{2}", "<mfrac displaystyle=\"true\"><mn>1</mn><mn>2</mn></mfrac>"),
      ("\\tfrac{1}{2}", "<mfrac displaystyle=\"false\"><mn>1</mn><mn>2</mn></mfrac>"),
      ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
      ("x_i", "<msub><mi>x</mi><mi>i</mi></msub>"),
      ("x_i^2", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
      ("x^2_i", "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"),
      ("x^{10}", "<msup><mi>x</mi><mn>10</mn></msup>"),
      ("x^23", "<msup><mi>x</mi><mn>2</mn></msup><mn>3</mn>"),
      ("f'", "<msup><mi>f</mi><mo>′</mo></msup>"),
      ("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>"),
      ("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>"),
      ("\\sum_{i=1}^{n} i", "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>i</mi>"),
      ("\\prod_k", "<munder><mo>∏</mo><mi>k</mi></munder>"),
      ("\\int_0^1", "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
      ("\\int\\limits_0^1", "<munderover><mo movablelimits=\"false\">∫</mo><mn>0</mn><mn>1</mn></munderover>"),
      ("\\sum\\nolimits_i", "<msub><mo movablelimits=\"false\">∑</mo><mi>i</mi></msub>"),
      ("\\lim_{x \\to 0}", "<munder><mo movablelimits=\"true\">lim</mo><mrow><mi>x</mi><mo>→</mo><mn>0</mn></mrow></munder>"),
      ("\\alpha\\Omega", "<mi>α</mi><mi mathvariant=\"normal\">Ω</mi>"),
      ("a \\cdot b \\times c \\le d \\ge e \\neq f \\approx g \\pm h",
       "<mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi><mo>≤</mo><mi>d</mi><mo>≥</mo><mi>e</mi><mo>≠</mo><mi>f</mi><mo>≈</mo><mi>g</mi><mo>±</mo><mi>h</mi>"),
      ("\\infty \\to \\in", "<mi>∞</mi><mo>→</mo><mo>∈</mo>"),
      ("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo stretchy=\"false\">^</mo></mover>"),
      ("\\bar x", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">¯</mo></mover>"),
      ("\\tilde{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">~</mo></mover>"),
      ("\\vec{v}", "<mover accent=\"true\"><mi>v</mi><mo stretchy=\"false\">→</mo></mover>"),
      ("\\dot{x}", "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">˙</mo></mover>"),
      ("\\overline{AB}", "<mover accent=\"true\"><mrow><mi>A</mi><mi>B</mi></mrow><mo stretchy=\"true\">‾</mo></mover>"),
      ("\\left( x \\right)",
       "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mi>x</mi><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo>"),
      ("\\left\\{ x \\right.", "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mi>x</mi>"),
      ("\\left\\langle x \\middle| y \\right\\rangle",
       "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">⟨</mo><mi>x</mi><mo stretchy=\"true\">|</mo><mi>y</mi><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">⟩</mo>"),
      ("f(x)", "<mi>f</mi><mo form=\"prefix\" stretchy=\"false\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"false\">)</mo>"),
      ("\\big( x", "<mo form=\"prefix\" stretchy=\"true\" minsize=\"1.2em\" maxsize=\"1.2em\">(</mo><mi>x</mi>"),
      ("\\begin{matrix} a & b \\\\ c & d \\end{matrix}",
       "<mtable><mtr><mtd><mi>a</mi></mtd><mtd><mi>b</mi></mtd></mtr><mtr><mtd><mi>c</mi></mtd><mtd><mi>d</mi></mtd></mtr></mtable>"),
      ("\\begin{pmatrix} 1 \\end{pmatrix}",
       "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo>"),
      ("\\begin{bmatrix} 1 \\\\ \\end{bmatrix}",
       "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">[</mo><mtable><mtr><mtd><mn>1</mn></mtd></mtr></mtable><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">]</mo>"),
      ("\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}",
       "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable><mtr><mtd style=\"text-align: left;\"><mn>1</mn></mtd><mtd style=\"text-align: left;\"><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mtd></mtr><mtr><mtd style=\"text-align: left;\"><mn>0</mn></mtd><mtd style=\"text-align: left;\"><mtext>otherwise</mtext></mtd></mtr></mtable>"),
      ("\\text{if } x", "<mtext>if\u{A0}</mtext><mi>x</mi>"),
      ("\\mathrm{d}x", "<mi mathvariant=\"normal\">d</mi><mi>x</mi>"),
      ("\\mathbf{W}", "<mi>𝐖</mi>"),
      ("\\boldsymbol{x}", "<mi>𝒙</mi>"),
      ("\\mathbb{R}", "<mi>ℝ</mi>"),
      ("\\mathcal{L}", "<mi>ℒ</mi>"),
      ("a\\,b\\quad c", "<mi>a</mi><mspace width=\"0.1667em\"/><mi>b</mi><mspace width=\"1em\"/><mi>c</mi>"),
      ("\\sin x", "<mi>sin</mi><mspace width=\"0.1667em\"/><mi>x</mi>"),
      ("\\binom{n}{k}",
       "<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">(</mo><mfrac linethickness=\"0\"><mi>n</mi><mi>k</mi></mfrac><mo fence=\"true\" form=\"postfix\" stretchy=\"true\">)</mo>"),
      ("\\not= \\not\\in", "<mo>≠</mo><mo>∉</mo>"),
      ("a \\\\ b", "<mtable><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"),
      ("% a comment\nx", "<mi>x</mi>"),
      ("\\displaystyle x", "<mstyle displaystyle=\"true\"><mi>x</mi></mstyle>"),
      ("{}", ""),
      ("\\log_2 n + \\sin(x)", "<msub><mi>log</mi><mn>2</mn></msub><mspace width=\"0.1667em\"/><mi>n</mi><mo>+</mo><mi>sin</mi><mo form=\"prefix\" stretchy=\"false\">(</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"false\">)</mo>"),
      ("\\langle x \\rangle |y|", "<mo form=\"prefix\" stretchy=\"false\">⟨</mo><mi>x</mi><mo form=\"postfix\" stretchy=\"false\">⟩</mo><mo stretchy=\"false\">|</mo><mi>y</mi><mo stretchy=\"false\">|</mo>"),
      ("\\operatorname*{arg\\,max}_x", "<munder><mo movablelimits=\"true\">arg max</mo><mi>x</mi></munder>"),
      ("a\\hspace{2em}b\\mkern{9mu}", "<mi>a</mi><mspace width=\"2em\"/><mi>b</mi><mspace width=\"0.5em\"/>"),
    ])
  func construct(tex: String, mathML: String) throws {
    #expect(try Self.body(tex) == mathML)
  }

  @Test("inline and display differ by display=\"block\"; alttext holds the source")
  func inlineAndDisplay() throws {
    let inline = try TeXMath.mathML("x^2", display: false)
    let display = try TeXMath.mathML(" x^2\n", display: true)
    #expect(inline == "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"x^2\"><msup><mi>x</mi><mn>2</mn></msup></math>")
    #expect(display.hasPrefix("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\" alttext=\"x^2\">"))
  }
}
