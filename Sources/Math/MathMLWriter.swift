/// Writes a `MathNode` tree as MathML Core. Every piece of text (identifiers, operators, `\text`, the TeX source in
/// `alttext`) is XML-escaped, so no formula can close the `<math>` element or inject markup.
struct MathMLWriter {
  private(set) var output = ""

  /// `<math>` around `tree`, `display="block"` for a formula on its own; the source goes into `alttext`.
  mutating func writeMath(_ tree: MathNode, source: String, display: Bool) {
    output += "<math xmlns=\"http://www.w3.org/1998/Math/MathML\""
    if display { output += " display=\"block\"" }
    output += " alttext=\""
    escape(source.trimmingWhitespace, newlinesAsSpaces: true)
    output += "\">"
    if case .row(let items) = tree {
      for item in items { write(item) }
    } else {
      write(tree)
    }
    output += "</math>"
  }

  /// Writes `node` as exactly one element (what `mfrac`, `msub` and friends require of each child).
  mutating func write(_ node: MathNode) {
    switch node {
    case .identifier(let name, let upright):
      output += upright && name.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>"
      escape(name)
      output += "</mi>"
    case .number(let digits):
      output += "<mn>"
      escape(digits)
      output += "</mn>"
    case .operator(let symbol, let form):
      writeOperator(symbol, form)
    case .text(let text):
      // HTML collapses white space at the ends of an element; TeX's `\text{if }` keeps it.
      let leading = text.prefix { $0 == " " }.count
      let trailing = leading == text.count ? 0 : text.reversed().prefix { $0 == " " }.count
      output += "<mtext>"
      escape(String(repeating: "\u{A0}", count: leading) + text.dropFirst(leading).dropLast(trailing)
        + String(repeating: "\u{A0}", count: trailing))
      output += "</mtext>"
    case .space(let width):
      output += "<mspace width=\"\(width)\"/>"
    case .row(let items):
      if items.count == 1 {
        write(items[0])
      } else {
        output += "<mrow>"
        for item in items { write(item) }
        output += "</mrow>"
      }
    case .fraction(let numerator, let denominator, let displayStyle, let thickness):
      output += "<mfrac"
      if let displayStyle { output += " displaystyle=\"\(displayStyle)\"" }
      if let thickness { output += " linethickness=\"\(thickness)\"" }
      output += ">"
      write(numerator)
      write(denominator)
      output += "</mfrac>"
    case .root(let radicand, let index):
      if let index {
        output += "<mroot>"
        write(radicand)
        write(index)
        output += "</mroot>"
      } else {
        output += "<msqrt>"
        write(radicand)
        output += "</msqrt>"
      }
    case .scripts(let base, let sub, let sup, let limits):
      writeScripts(base: base, sub: sub, sup: sup, limits: limits)
    case .accent(let base, let mark, let stretchy, let under):
      output += under ? "<munder accentunder=\"true\">" : "<mover accent=\"true\">"
      write(base)
      writeOperator(mark, OperatorForm(stretchy: stretchy))
      output += under ? "</munder>" : "</mover>"
    case .table(let rows, let alignments, let compact):
      writeTable(rows: rows, alignments: alignments, compact: compact)
    case .style(let display, let content):
      output += "<mstyle displaystyle=\"\(display)\">"
      write(content)
      output += "</mstyle>"
    }
  }

  private mutating func writeOperator(_ symbol: String, _ form: OperatorForm) {
    output += "<mo"
    if let fence = form.fence {
      output += " fence=\"true\" form=\"\(fence)\""
    } else if let position = form.form {
      output += " form=\"\(position)\""
    }
    if let stretchy = form.stretchy { output += " stretchy=\"\(stretchy)\"" }
    if let size = form.size { output += " minsize=\"\(size)\" maxsize=\"\(size)\"" }
    if let movable = form.movableLimits { output += " movablelimits=\"\(movable)\"" }
    output += ">"
    escape(symbol)
    output += "</mo>"
  }

  private mutating func writeScripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool) {
    let element: String
    switch (sub, sup) {
    case (nil, nil):
      write(base)
      return
    case (_?, nil): element = limits ? "munder" : "msub"
    case (nil, _?): element = limits ? "mover" : "msup"
    case (_?, _?): element = limits ? "munderover" : "msubsup"
    }
    output += "<\(element)>"
    write(base)
    if let sub { write(sub) }
    if let sup { write(sup) }
    output += "</\(element)>"
  }

  /// `<mtable>`; MathML Core has no `columnalign`, so alignment other than centred is a `text-align` style, and
  /// aligned equations (`compact`) lose the padding between a relation's two sides.
  private mutating func writeTable(rows: [[MathNode]], alignments: [String], compact: Bool) {
    output += "<mtable>"
    for row in rows {
      output += "<mtr>"
      for (column, cell) in row.enumerated() {
        let alignment = column < alignments.count ? alignments[column] : "center"
        var style = alignment == "center" ? "" : "text-align: \(alignment);"
        if compact { style += column % 2 == 0 ? " padding-right: 0;" : " padding-left: 0;" }
        output += style.isEmpty ? "<mtd>" : "<mtd style=\"\(style.trimmingWhitespace)\">"
        write(cell)
        output += "</mtd>"
      }
      output += "</mtr>"
    }
    output += "</mtable>"
  }

  /// Appends `text` with `&`, `<`, `>` and `"` as entities.
  private mutating func escape(_ text: String, newlinesAsSpaces: Bool = false) {
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      case "\n", "\r", "\t":
        if newlinesAsSpaces { output += " " } else { output.unicodeScalars.append(scalar) }
      default: output.unicodeScalars.append(scalar)
      }
    }
  }
}

extension String {
  /// The text without white space at either end.
  fileprivate var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[first...last])
  }
}
