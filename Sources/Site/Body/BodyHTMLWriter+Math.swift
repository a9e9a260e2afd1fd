import Lessons
import Math

extension BodyHTMLWriter {
  /// The TeX of a paragraph holding nothing but one `$$…$$` formula: kramdown's display math (a block of its own),
  /// as opposed to a formula inside running text. Nil for any other paragraph.
  static func displayFormula(_ content: [Inline]) -> String? {
    var formula: String?
    for inline in content {
      switch inline {
      case .math(let tex) where formula == nil:
        formula = tex
      case .softBreak, .lineBreak:
        continue
      case .text(let text) where text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 }):
        continue
      default:
        return nil
      }
    }
    return formula
  }

  /// A formula as MathML Core (`display` for a block of its own). TeX outside the supported subset (the parser
  /// already warned with the line) is shown as its source in `<code class="math-source">`.
  mutating func writeMath(_ tex: String, display: Bool) {
    // XML cannot hold C0 controls: they reach the MathML and its alttext as control pictures, as elsewhere on the page.
    if let mathML = try? TeXMath.mathML(ControlPictures.replacing(in: tex), display: display) {
      html += mathML
    } else {
      html += "<code class=\"math-source\">"
      HTMLEscaping.escape(tex, into: &html)
      html += "</code>"
    }
  }

  /// A display formula in a `<div class="math-display">` (which scrolls sideways when the formula is wider than the
  /// page), with the paragraph's `{: …}` attributes.
  mutating func writeDisplayMath(_ tex: String, attributes: Attributes) {
    // A tab stop so a formula wider than the page can be scrolled by keyboard; site.js removes it where it fits.
    html += "<div class=\"math-display\" tabindex=\"0\""
    AttributeHTML.write(attributes, to: &html)
    html += ">"
    writeMath(tex, display: true)
    html += "</div>\n"
  }
}
