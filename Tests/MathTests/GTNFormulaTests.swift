import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import Math

/// Formulas as GTN tutorials write them, copied from the Galaxy Training Network's training-material repository
/// (https://github.com/galaxyproject/training-material, CC-BY 4.0):
/// topics/statistics/tutorials/FNN/tutorial.md (commit 0d5f9ea338f7ccabed6f6669fb40b132a4b9a684, by kxk302) and
/// topics/statistics/tutorials/CNN/tutorial.md (commit 0a8c9d88f0af30c0a65580043b744f598ab2676b, by kxk302).
@Suite("Real GTN formulas")
struct GTNFormulaTests {
  static let formulas: [String] = [
    // CNN
    " w_{i,j} ",
    " \\frac{(\\text{input size} - \\text{(filter size + (filter size -1)*(dilation - 1)})) + (2*padding)}{stride} + 1 ",
    // FNN
    " cm^{2} ",
    " 10^{3} to 10^{4} ",
    """
     f(x) =
    \\left\\{
    \t\\begin{array}{ll}
    \t\t1  & \\mbox{if } \\boldsymbol{x} \\cdot \\boldsymbol{w} + b \\geq 0 \\\\
    \t\t0  & \\mbox{otherwise }
    \t\\end{array}
    \\right.

    """,
    " {(\\boldsymbol{x^{(1)}}, \\boldsymbol{y^{(1)}}), ((\\boldsymbol{x^{(2)}}, \\boldsymbol{y^{(2)}}), ..., ((\\boldsymbol{x^{(m)}}, \\boldsymbol{y^{(m)}})} ",
    " \\hat{f}(\\boldsymbol{x}) ",
    " \\boldsymbol{y^{i}} \\in {1,2,...,c}",
    " \\mathcal{L}(\\boldsymbol{\\hat{y}^{(j)}}, \\boldsymbol{y^{(j)}}) = - \\sum_{i=1}^{c} \\boldsymbol{y_{i}^{(j)}}ln(\\boldsymbol{\\hat{y}_{i}^{(j)}}) ",
    " J(\\boldsymbol{W}, \\boldsymbol{b}) = - \\frac{1}{m} \\sum_{j=1}^{m} \\sum_{i=1}^{c} \\boldsymbol{y_{i}^{(j)}}ln(\\boldsymbol{\\hat{y}_{i}^{(j)}}) ",
    " \\mathcal{L}(\\boldsymbol{\\hat{y}^{(j)}}, \\boldsymbol{y^{(j)}}) = \\frac{1}{2} \\| \\boldsymbol{y^{(j)}} - \\boldsymbol{\\hat{y}^{(j)}} \\| ^ 2",
    " J(\\boldsymbol{W}, \\boldsymbol{b}) = \\frac{1}{2m} \\sum_{j=1}^{m} \\| \\boldsymbol{y^{(j)}} - \\boldsymbol{\\hat{y}^{(j)}} \\| ^ 2 ",
    "i^{th}",
    " z_{i}^{[l](j)} ",
    " \\delta_{i}^{[l](j)} = \\frac{\\partial \\mathcal{L}(\\boldsymbol{\\hat{y}^{(j)}}, \\boldsymbol{y^{(j)}})}{\\partial z_{i}^{[l](j)}}",
    " W^{[l]^{T}} ",
    " \\boldsymbol{\\delta}^{[L](j)} = \\nabla_{\\boldsymbol{\\hat{y}^{(j)}}}\\mathcal{L} \\odot (g^{[L]})^{'} (\\boldsymbol{z}^{[L](j)}) = \\boldsymbol{\\hat{y}^{(j)}} - \\boldsymbol{y^{(j)}} ",
    " \\boldsymbol{\\delta}^{[l](j)} = W^{[l+1]^{T}} \\boldsymbol{\\delta}^{[l+1](j)}  \\odot (g^{[l]})^{'} (\\boldsymbol{z}^{[l](j)}) ",
    " \\frac{\\partial L}{\\partial b_{i}^{[l]}} = \\boldsymbol{\\delta}_{i}^{[l](j)} ",
    " \\frac{\\partial L}{\\partial w_{ik}^{[l]}} = \\boldsymbol{\\delta}_{i}^{[l](j)} a_{k}^{[l-1](j)} ",
  ]

  @Test("every collected GTN formula converts to well-formed MathML", arguments: formulas)
  func converts(tex: String) throws {
    for display in [false, true] {
      let math = try TeXMath.mathML(tex, display: display)
      let parser = XMLParser(data: Data(math.utf8))
      #expect(parser.parse(), "not well-formed: \(math)")
    }
  }

  @Test("the perceptron's step function is a brace with a left-aligned two-column table")
  func stepFunction() throws {
    let math = try TeXMath.mathML(Self.formulas[4], display: true)
    #expect(math.contains("<mo fence=\"true\" form=\"prefix\" stretchy=\"true\">{</mo><mtable>"))
    #expect(math.contains("<mtd style=\"text-align: left;\"><mtext>otherwise\u{A0}</mtext></mtd>"))
    #expect(math.contains("<mi>𝒙</mi><mo>⋅</mo><mi>𝒘</mi>"))
    #expect(math.contains("<mo>≥</mo>"))
  }

  @Test("the cost function's sums carry their limits under and over, and 1/m is a fraction")
  func costFunction() throws {
    let math = try TeXMath.mathML(Self.formulas[9], display: true)
    #expect(math.contains("<mfrac><mn>1</mn><mi>m</mi></mfrac>"))
    #expect(math.contains("<munderover><mo>∑</mo><mrow><mi>j</mi><mo>=</mo><mn>1</mn></mrow><mi>m</mi></munderover>"))
    #expect(math.contains("<mover accent=\"true\"><mi>𝒚</mi><mo stretchy=\"false\">^</mo></mover>"))
  }

  @Test("a prime in braces and a superscript inside a superscript")
  func nestedScripts() throws {
    #expect(try ConstructTests.body("(g^{[L]})^{'}").hasSuffix("<msup><mo form=\"postfix\" stretchy=\"false\">)</mo><mo>′</mo></msup>"))
    #expect(try ConstructTests.body("W^{[l]^{T}}") == "<msup><mi>W</mi><mrow><mo form=\"prefix\" stretchy=\"false\">[</mo><mi>l</mi><msup><mo form=\"postfix\" stretchy=\"false\">]</mo><mi>T</mi></msup></mrow></msup>")
  }
}
