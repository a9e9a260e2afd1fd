extension TeXParser {
  /// The node for `\name` and its arguments (the command token already read); nil for commands that draw nothing.
  mutating func parseCommand(_ name: String) throws(TeXError) -> MathNode? {
    if let symbol = TeXSymbols.identifiers[name] { return .identifier(alphabet.map(symbol), upright: false) }
    if let symbol = TeXSymbols.uprightIdentifiers[name] {
      return .identifier(alphabet.map(symbol), upright: alphabet != .bold && alphabet != .boldItalic)
    }
    if let symbol = TeXSymbols.operators[name] { return .operator(symbol, .plain) }
    if let symbol = TeXSymbols.delimiters[name] { return .operator(symbol, .delimiter(symbol)) }
    if let symbol = TeXSymbols.largeOperators[name] { return .operator(symbol, .plain) }
    if let symbol = TeXSymbols.integrals[name] { return .operator(symbol, .plain) }
    if let width = TeXSymbols.spaces[name] { return .space(width: width) }
    if TeXSymbols.escapedCharacters.contains(name) { return .operator(name, .plain) }
    if TeXSymbols.ignored.contains(name) { return nil }
    if TeXSymbols.functions.contains(name) { return .identifier(name, upright: true) }
    if TeXSymbols.limitFunctions.contains(name) {
      return .operator(name == "argmax" ? "arg max" : name == "argmin" ? "arg min" : name, OperatorForm(movableLimits: true))
    }
    if let accent = TeXSymbols.accents[name] {
      let base = try parseArgument(of: "\\" + name)
      return .accent(base: base, mark: accent.mark, stretchy: accent.stretchy, under: accent.under)
    }
    if let size = TeXSymbols.bigSizes[name] {
      let symbol = try parseDelimiter(after: "\\" + name)
      return .operator(symbol, .delimiter(symbol, stretchy: true, size: size))
    }
    if let font = MathAlphabet.named(name) { return try parseFont(font, command: name) }
    switch name {
    case "frac", "dfrac", "tfrac", "cfrac":
      let numerator = try parseArgument(of: "\\" + name)
      let denominator = try parseArgument(of: "\\" + name)
      let style: Bool? = name == "dfrac" || name == "cfrac" ? true : name == "tfrac" ? false : nil
      return .fraction(numerator: numerator, denominator: denominator, displayStyle: style, thickness: nil)
    case "binom", "dbinom", "tbinom":
      let top = try parseArgument(of: "\\" + name)
      let bottom = try parseArgument(of: "\\" + name)
      let style: Bool? = name == "dbinom" ? true : name == "tbinom" ? false : nil
      return .row([
        .operator("(", OperatorForm(stretchy: true, fence: "prefix")),
        .fraction(numerator: top, denominator: bottom, displayStyle: style, thickness: "0"),
        .operator(")", OperatorForm(stretchy: true, fence: "postfix")),
      ])
    case "sqrt":
      skipSpaces()
      var index: MathNode?
      if current == .character("[") {
        position += 1
        let items = try parseList(stops: .bracket)
        guard current == .character("]") else { throw TeXError("\\sqrt[ is never closed with ]") }
        position += 1
        index = items.count == 1 ? items[0] : .row(items)
      }
      return .root(try parseArgument(of: "\\sqrt"), index: index)
    case "left":
      return try parseFenced()
    case "begin":
      return try parseEnvironment()
    case "text", "textnormal", "mbox", "hbox", "textup", "textmd":
      return .text(try parseText(of: name))
    case "overset", "stackrel", "underset":
      let script = try parseArgument(of: "\\" + name)
      let base = try parseArgument(of: "\\" + name)
      let under = name == "underset"
      return .scripts(base: base, sub: under ? script : nil, sup: under ? nil : script, limits: true)
    case "not":
      return try parseNegation()
    case "hspace", "hskip", "kern", "mkern":
      return .space(width: try parseLength(of: name))
    case "pmod":
      let argument = try parseArgument(of: "\\pmod")
      return .row([
        .space(width: "1em"), .operator("(", .delimiter("(")), .operator("mod", .plain), argument,
        .operator(")", .delimiter(")")),
      ])
    default:
      throw TeXError("unknown command \\\(name)")
    }
  }

  /// `\mathbf{…}` (argument in that font) or `\bf` (the rest of the group in that font); `\text…` fonts read text.
  mutating func parseFont(_ font: MathAlphabet, command: String) throws(TeXError) -> MathNode? {
    if ["rm", "bf", "it", "cal", "sf", "tt"].contains(command) {
      alphabet = font
      return nil
    }
    if command.hasPrefix("text") { return .text(font.map(try parseText(of: command))) }
    if command == "operatorname" {
      if current == .character("*") {
        // `\operatorname*{argmax}`: limits under and over, as for `\lim`.
        position += 1
        return .operator(try parseText(of: command), OperatorForm(movableLimits: true))
      }
      return .identifier(try parseText(of: command), upright: true)
    }
    let saved = alphabet
    alphabet = font
    defer { alphabet = saved }
    return try parseArgument(of: "\\" + command)
  }

  /// The text of `\text{…}`: characters and spaces as written, `\%`-style escapes as their character, nested
  /// braces kept balanced.
  mutating func parseText(of command: String) throws(TeXError) -> String {
    skipSpaces()
    guard current == .open else { throw TeXError("\\\(command) needs {text}") }
    position += 1
    var text = ""
    var open = 1
    while let token = current {
      position += 1
      switch token {
      case .open: open += 1
      case .close:
        open -= 1
        if open == 0 { return text }
      case .space: text += " "
      case .character(let scalar): text.unicodeScalars.append(scalar)
      case .superscript: text += "^"
      case .subscript: text += "_"
      case .alignment: throw TeXError("& inside \\\(command){…}")
      case .command(let name):
        if TeXSymbols.escapedCharacters.contains(name) || name == "{" || name == "}" {
          text += name
        } else if name == " " || name == "," || name == "quad" {
          text += " "
        } else {
          throw TeXError("unknown command \\\(name) inside \\\(command){…}")
        }
      }
    }
    throw TeXError("\\\(command){ is never closed")
  }

  /// The `{1em}` of `\hspace{1em}`: a number and a unit (em, ex, pt, px, mu as 1/18 em), nothing else.
  mutating func parseLength(of command: String) throws(TeXError) -> String {
    let text = try parseText(of: command).filter { $0 != " " }
    let number = text.prefix { $0.isNumber || $0 == "." || $0 == "-" }
    let unit = text.dropFirst(number.count)
    guard let value = Double(number), ["em", "ex", "pt", "px", "mu"].contains(unit) else {
      throw TeXError("\\\(command){\(text)} is not a length such as 1em")
    }
    if unit == "mu" { return "\((value / 18 * 10_000).rounded() / 10_000)em" }
    return String(number) + unit
  }

  /// `\left( … \right)`: the content between stretchy fences; `\left.` and `\right.` draw no fence.
  mutating func parseFenced() throws(TeXError) -> MathNode {
    let open = try parseDelimiter(after: "\\left")
    let content = try parseList(stops: .right)
    guard current == .command("right") else { throw TeXError("\\left without a matching \\right") }
    position += 1
    let close = try parseDelimiter(after: "\\right")
    var items: [MathNode] = []
    if !open.isEmpty { items.append(.operator(open, OperatorForm(stretchy: true, fence: "prefix"))) }
    items += content
    if !close.isEmpty { items.append(.operator(close, OperatorForm(stretchy: true, fence: "postfix"))) }
    return .row(items)
  }

  /// The delimiter after `\left`, `\right`, `\middle` or `\big`: a character such as `(`, or a command such as
  /// `\langle`; `.` is no delimiter (empty).
  mutating func parseDelimiter(after command: String) throws(TeXError) -> String {
    skipSpaces()
    guard let token = current else { throw TeXError("\(command) is missing its delimiter") }
    position += 1
    switch token {
    case .character("."): return ""
    case .character(let scalar) where TeXSymbols.delimiterCharacters.contains(scalar) || scalar == "<" || scalar == ">":
      return scalar == "<" ? "⟨" : scalar == ">" ? "⟩" : String(scalar)
    case .command(let name):
      if let symbol = TeXSymbols.delimiters[name] { return symbol }
      if ["uparrow", "downarrow", "Uparrow", "Downarrow"].contains(name), let symbol = TeXSymbols.operators[name] {
        return symbol
      }
      throw TeXError("\\\(name) is not a delimiter for \(command)")
    default:
      throw TeXError("\(Self.describe(token)) is not a delimiter for \(command)")
    }
  }

  /// `\not=`, `\not\in`: the symbol struck through (≠, ∉, or the symbol with U+0338).
  mutating func parseNegation() throws(TeXError) -> MathNode {
    let negated = try parseArgument(of: "\\not")
    guard case .operator(let symbol, let form) = negated else { throw TeXError("\\not needs a relation after it") }
    let known = ["=": "≠", "∈": "∉", "≡": "≢", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "⊂": "⊄", "∣": "∤"]
    return .operator(known[symbol] ?? symbol + "\u{338}", form)
  }
}
