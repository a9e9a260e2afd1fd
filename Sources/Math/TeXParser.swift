/// Reads TeX tokens into a `MathNode` tree by recursive descent.
///
/// Nesting (groups, arguments, `\left…\right`, environments) is bounded by `maximumDepth`, so a hostile
/// `{{{{…` of any depth is an error rather than a stack overflow; every token is read once, so the time is linear.
struct TeXParser {
  /// Deeper nesting than this is refused; real formulas stay below 10.
  static let maximumDepth = 64

  /// Where `parseList` stops: the tokens that end the list it reads (left for the caller to consume).
  struct Stops: OptionSet {
    let rawValue: Int
    /// `}`
    static let close = Stops(rawValue: 1)
    /// `\right`
    static let right = Stops(rawValue: 2)
    /// `&`, `\\` and `\end`
    static let cells = Stops(rawValue: 4)
    /// `]` (the optional argument of `\sqrt`)
    static let bracket = Stops(rawValue: 8)
  }

  let tokens: [TeXToken]
  var position = 0
  var depth = 0
  /// The font of letters and digits read now (`\mathbf{…}`, `{\bf …}`).
  var alphabet = MathAlphabet.normal

  init(_ source: String) {
    tokens = TeXTokenizer.tokens(source)
  }

  var current: TeXToken? { position < tokens.count ? tokens[position] : nil }

  mutating func skipSpaces() {
    while current == .space { position += 1 }
  }

  /// The whole formula: one expression, or lines (`\\`) and columns (`&`) as a table.
  mutating func parseFormula() throws(TeXError) -> MathNode {
    let rows = try parseRows()
    if let extra = current {
      throw TeXError("\(Self.describe(extra)) without a matching \(extra == .command("end") ? "\\begin" : "opening")")
    }
    if rows.count == 1, rows[0].count == 1 { return rows[0][0] }
    let width = rows.map(\.count).max() ?? 1
    let alignments = width == 1 ? ["center"] : (0..<width).map { $0 % 2 == 0 ? "right" : "left" }
    return .table(rows: rows, alignments: alignments, compact: width > 1)
  }

  /// A list of atoms (with their scripts) up to one of `stops` or the end of the formula.
  mutating func parseList(stops: Stops) throws(TeXError) -> [MathNode] {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else { throw TeXError("nesting deeper than \(Self.maximumDepth) levels") }
    var items: [MathNode] = []
    while let token = current {
      switch token {
      case .space:
        position += 1
      case .close:
        if stops.contains(.close) { return items }
        throw TeXError("} without a matching {")
      case .alignment, .command("\\"), .command("end"):
        if stops.contains(.cells) { return items }
        throw TeXError("\(Self.describe(token)) outside an environment such as matrix or aligned")
      case .command("right"):
        if stops.contains(.right) { return items }
        throw TeXError("\\right without a matching \\left")
      case .command("middle"):
        guard stops.contains(.right) else { throw TeXError("\\middle outside \\left … \\right") }
        position += 1
        items.append(.operator(try parseDelimiter(after: "\\middle"), OperatorForm(stretchy: true)))
      case .character("]") where stops.contains(.bracket):
        return items
      case .superscript, .subscript:
        position += 1
        try attachScript(to: &items, isSuperscript: token == .superscript)
      case .character("'"):
        var primes = ""
        while current == .character("'") {
          primes += "′"
          position += 1
        }
        if items.isEmpty {
          items.append(.operator(primes, .plain))  // `^{'}`: the prime is the whole superscript
        } else {
          try attach(.operator(primes, .plain), to: &items, isSuperscript: true)
        }
      case .command("limits"), .command("nolimits"):
        position += 1
        guard case .operator(let symbol, var form)? = items.last else {
          throw TeXError("\(Self.describe(token)) is allowed only after an operator such as \\sum")
        }
        form.movableLimits = false
        items[items.count - 1] = .scripts(
          base: .operator(symbol, form), sub: nil, sup: nil, limits: token == .command("limits"))
      case .command("displaystyle"), .command("textstyle"):
        position += 1
        let rest = try parseList(stops: stops)
        items.append(.style(display: token == .command("displaystyle"), .row(rest)))
        return items
      case .character(let scalar) where Self.isDigit(scalar):
        append(.number(alphabet.map(readNumber())), to: &items)
      default:
        if let atom = try parseAtom() { append(atom, to: &items) }
      }
    }
    return items
  }

  /// Appends `atom`, after a thin space when it is the argument of a function name (`\log n`, `\sin^2 x`), as TeX
  /// spaces them; none before an operator or a parenthesis (`\sin(x)`).
  func append(_ atom: MathNode, to items: inout [MathNode]) {
    if let last = items.last, Self.isFunction(last), Self.isOrdinary(atom) { items.append(.space(width: "0.1667em")) }
    items.append(atom)
  }

  static func isFunction(_ node: MathNode) -> Bool {
    switch node {
    case .identifier(let name, let upright): return upright && name.unicodeScalars.count > 1
    case .scripts(let base, _, _, false): return isFunction(base)
    default: return false
    }
  }

  static func isOrdinary(_ node: MathNode) -> Bool {
    switch node {
    case .operator, .space: return false
    case .scripts(let base, _, _, _): return isOrdinary(base)
    default: return true
    }
  }

  /// One atom: a group, a character or a command (with its arguments); nil for commands that draw nothing.
  mutating func parseAtom() throws(TeXError) -> MathNode? {
    guard let token = current else { throw TeXError("a command or script is missing its argument at the end") }
    switch token {
    case .open:
      return try parseGroup()
    case .character(let scalar):
      position += 1
      return character(scalar)
    case .command(let name):
      position += 1
      return try parseCommand(name)
    case .close, .superscript, .subscript, .alignment, .space:
      throw TeXError("\(Self.describe(token)) where an argument was expected")
    }
  }

  /// The argument of a command or script: a `{group}`, or a single character or command, as TeX reads it.
  mutating func parseArgument(of command: String) throws(TeXError) -> MathNode {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else { throw TeXError("nesting deeper than \(Self.maximumDepth) levels") }
    skipSpaces()
    guard let token = current else { throw TeXError("\(command) is missing its argument") }
    switch token {
    case .close, .superscript, .subscript, .alignment, .command("\\"), .command("end"), .command("right"):
      throw TeXError("\(command) is missing its argument")
    default:
      return try parseAtom() ?? .row([])
    }
  }

  /// `{ … }`, with the font switches made inside it ending at its `}`.
  mutating func parseGroup() throws(TeXError) -> MathNode {
    position += 1
    let saved = alphabet
    defer { alphabet = saved }
    let items = try parseList(stops: .close)
    guard current == .close else { throw TeXError("{ is never closed") }
    position += 1
    return items.count == 1 ? items[0] : .row(items)
  }

  /// Puts the next argument as a sub- or superscript on the last item.
  mutating func attachScript(to items: inout [MathNode], isSuperscript: Bool) throws(TeXError) {
    let script = try parseArgument(of: isSuperscript ? "^" : "_")
    try attach(script, to: &items, isSuperscript: isSuperscript)
  }

  mutating func attach(_ script: MathNode, to items: inout [MathNode], isSuperscript: Bool) throws(TeXError) {
    let base = items.popLast() ?? .row([])
    if case .scripts(let inner, let sub, let sup, let limits) = base {
      if isSuperscript, sup == nil {
        items.append(.scripts(base: inner, sub: sub, sup: script, limits: limits))
        return
      }
      if !isSuperscript, sub == nil {
        items.append(.scripts(base: inner, sub: script, sup: sup, limits: limits))
        return
      }
      if isSuperscript, case .operator(let primes, _)? = sup, primes.hasPrefix("′") {
        // `f'^2`: the primes and the power share the superscript.
        items.append(.scripts(base: inner, sub: sub, sup: .row([sup!, script]), limits: limits))
        return
      }
      throw TeXError(isSuperscript ? "double superscript" : "double subscript")
    }
    let limits = Self.takesLimits(base)
    items.append(
      .scripts(base: base, sub: isSuperscript ? nil : script, sup: isSuperscript ? script : nil, limits: limits))
  }

  /// Big operators and `\lim`-like names put their limits under and over them (in display style).
  static func takesLimits(_ node: MathNode) -> Bool {
    guard case .operator(let symbol, let form) = node else { return false }
    return form.movableLimits == true || TeXSymbols.largeOperators.values.contains(symbol)
  }

  /// Digits with at most one decimal point between digits (`3.14`).
  mutating func readNumber() -> String {
    var text = ""
    var seenPoint = false
    while case .character(let scalar)? = current {
      if Self.isDigit(scalar) {
        text.unicodeScalars.append(scalar)
      } else if scalar == ".", !seenPoint, position + 1 < tokens.count,
        case .character(let next) = tokens[position + 1], Self.isDigit(next)
      {
        seenPoint = true
        text.unicodeScalars.append(scalar)
      } else {
        break
      }
      position += 1
    }
    return text
  }

  /// A character written as itself: a letter is an identifier, a digit a number, anything else an operator.
  func character(_ scalar: Unicode.Scalar) -> MathNode {
    if Self.isDigit(scalar) { return .number(String(alphabet.map(scalar))) }
    if scalar.properties.isAlphabetic {
      return .identifier(String(alphabet.map(scalar)), upright: alphabet == .upright)
    }
    switch scalar {
    case "-": return .operator("−", .plain)
    case "*": return .operator("∗", .plain)
    case "~": return .text("\u{A0}")
    default:
      if TeXSymbols.delimiterCharacters.contains(scalar) { return .operator(String(scalar), .delimiter(String(scalar))) }
      return .operator(String(scalar), .plain)
    }
  }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

  /// A token as the author wrote it, for messages.
  static func describe(_ token: TeXToken) -> String {
    switch token {
    case .command(let name): return "\\" + name
    case .character(let scalar): return String(scalar)
    case .open: return "{"
    case .close: return "}"
    case .superscript: return "^"
    case .subscript: return "_"
    case .alignment: return "&"
    case .space: return "space"
    }
  }
}
