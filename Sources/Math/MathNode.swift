/// The tiny syntax tree a formula is parsed into: one case per MathML Core element the writer emits.
indirect enum MathNode: Equatable, Sendable {
  /// `<mi>`: a variable or function name; `upright` asks for `mathvariant="normal"` on a single letter.
  case identifier(String, upright: Bool)
  /// `<mn>`
  case number(String)
  /// `<mo>`
  case `operator`(String, OperatorForm)
  /// `<mtext>`
  case text(String)
  /// `<mspace width="…">`
  case space(width: String)
  /// `<mrow>` (or the children alone where a single element is expected and there is one).
  case row([MathNode])
  /// `<mfrac>`; `displayStyle` nil inherits, true for `\dfrac`, false for `\tfrac`; `thickness` "0" for `\binom`.
  case fraction(numerator: MathNode, denominator: MathNode, displayStyle: Bool?, thickness: String?)
  /// `<msqrt>` or, with an index, `<mroot>`.
  case root(MathNode, index: MathNode?)
  /// `<msub>`/`<msup>`/`<msubsup>`, or `<munder>`/`<mover>`/`<munderover>` when `limits`.
  case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
  /// `<mover accent="true">` (or `<munder accentunder="true">` when `under`) with the mark as an `<mo>`.
  case accent(base: MathNode, mark: String, stretchy: Bool, under: Bool)
  /// `<mtable>`: rows of cells, with each column's alignment ("left", "center", "right").
  case table(rows: [[MathNode]], alignments: [String], compact: Bool)
  /// `<mstyle displaystyle="…">`: `\displaystyle` / `\textstyle` for the rest of a group.
  case style(display: Bool, MathNode)
}

/// How an `<mo>` is written: plain, a fixed-size delimiter, a stretchy fence, or a big operator.
struct OperatorForm: Equatable, Sendable {
  /// `stretchy="true"`/`"false"`, or nil for the operator dictionary's default.
  var stretchy: Bool?
  /// `fence="true"` and `form="prefix"`/`"postfix"` for `\left`/`\right` delimiters.
  var fence: String?
  /// `form="prefix"`/`"postfix"` for a delimiter written without `\left`/`\right`: inside a row, `(` is not the
  /// first child, and without its form the browser would space it as an infix operator (`f (x)`).
  var form: String?
  /// `minsize`/`maxsize` for `\big` and friends.
  var size: String?
  /// `movablelimits="true"`/`"false"` for `\lim`-like names and `\limits`/`\nolimits`.
  var movableLimits: Bool?

  static let plain = OperatorForm()

  /// A delimiter (`(`, `\langle`, `\big]`…): its form from which side it opens, fixed size unless `stretchy`.
  static func delimiter(_ symbol: String, stretchy: Bool = false, size: String? = nil) -> OperatorForm {
    let form = "([{⟨⌊⌈⌜".contains(symbol) ? "prefix" : ")]}⟩⌋⌉⌝".contains(symbol) ? "postfix" : nil
    return OperatorForm(stretchy: stretchy, form: symbol.count == 1 ? form : nil, size: size)
  }
}

extension MathNode {
  /// True when the node has no content (an empty group).
  var isEmptyRow: Bool {
    if case .row(let items) = self { return items.isEmpty }
    return false
  }
}
