/// A small single-pass lexer that writes escaped, highlighted HTML bytes: Swift and Python here, the table-driven
/// languages in `CodeLexer+Generic`, XML/HTML in `CodeLexer+Markup`.
///
/// It never fails: anything it does not recognise is copied (escaped) as plain text, and an unterminated string
/// or comment runs to the end of the code.
struct CodeLexer {
  let bytes: [UInt8]
  let grammar: HighlightGrammar
  var output: [UInt8] = []
  var index = 0
  /// Interpolations open around `index` (`"\(` inside `"\(`); past `maxNesting` an interpolation's opener is
  /// string text, so hostile nesting costs neither stack nor time.
  var nesting = 0
  static let maxNesting = 32

  init(bytes: [UInt8], grammar: HighlightGrammar) {
    self.bytes = bytes
    self.grammar = grammar
    output.reserveCapacity(bytes.count * 2)
  }

  mutating func run() {
    switch grammar.family {
    case .swift, .python: lex(until: bytes.count, closingParenthesis: false)
    case .generic: lexGeneric()
    case .markup: lexMarkup()
    }
  }

  func byte(at position: Int) -> UInt8 { position < bytes.count ? bytes[position] : 0 }

  static func isIdentifierStart(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == 95 || byte >= 0x80
  }

  static func isIdentifierPart(_ byte: UInt8) -> Bool {
    isIdentifierStart(byte) || (byte >= 48 && byte <= 57)
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

  mutating func emit(_ range: Range<Int>) {
    HTMLEscaping.escape(bytes: bytes[range], into: &output)
  }

  mutating func emit(_ range: Range<Int>, class name: StaticString) {
    guard !range.isEmpty else { return }
    append("<span class=\"")
    append(name)
    append("\">")
    emit(range)
    append("</span>")
  }

  /// Appends markup written in the lexer's source (no array made per token).
  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { output.append(contentsOf: $0) }
  }

  /// Lexes code up to `end`; inside an interpolation, stops after the `)` or `}` that closes it.
  mutating func lex(until end: Int, closingParenthesis: Bool) {
    var depth = 0
    var plainStart = index
    func flushPlain(_ lexer: inout CodeLexer) {
      if plainStart < lexer.index { lexer.emit(plainStart..<lexer.index) }
    }
    while index < end {
      let current = bytes[index]
      let next = byte(at: index + 1)
      if closingParenthesis {
        let open: UInt8 = grammar.family == .swift ? 40 : 123
        let close: UInt8 = grammar.family == .swift ? 41 : 125
        if current == open { depth += 1 }
        if current == close {
          if depth == 0 {
            flushPlain(&self)
            return
          }
          depth -= 1
        }
      }
      let start = index
      switch grammar.family {
      case .swift:
        if current == 47 && next == 47 {  // //
          flushPlain(&self)
          lineComment()
          emit(start..<index, class: "tok-com")
        } else if current == 47 && next == 42 {  // /*
          flushPlain(&self)
          blockComment()
          emit(start..<index, class: "tok-com")
        } else if current == 34 || (current == 35 && (next == 34 || next == 35) && rawStringAhead()) {
          flushPlain(&self)
          swiftString()
        } else if current == 35 && next == 35 {
          // A run of `#` that opens no raw string: plain up to its last `#` (which may start `#if`), in one step,
          // so that a long run is scanned once, not once per `#`.
          index = hashRunEnd(from: index) - 1
          continue
        } else if current == 64 || (current == 35 && Self.isIdentifierStart(next)) {  // @attr, #if
          flushPlain(&self)
          index += 1
          while index < end, Self.isIdentifierPart(bytes[index]) { index += 1 }
          emit(start..<index, class: current == 64 ? "tok-dec" : "tok-kw")
        } else if word(start: start, end: end, flush: { flushPlain(&$0) }) {
        } else {
          if index == start { index += 1 }
          continue
        }
      case .python:
        if current == 35 {  // #
          flushPlain(&self)
          lineComment()
          emit(start..<index, class: "tok-com")
        } else if current == 34 || current == 39 || (Self.isIdentifierStart(current) && pythonStringPrefixAhead()) {
          flushPlain(&self)
          pythonString()
        } else if current == 64 && atLineStart(start) {
          flushPlain(&self)
          index += 1
          while index < end, Self.isIdentifierPart(bytes[index]) || bytes[index] == 46 { index += 1 }
          emit(start..<index, class: "tok-dec")
        } else if word(start: start, end: end, flush: { flushPlain(&$0) }) {
        } else {
          if index == start { index += 1 }
          continue
        }
      case .generic, .markup:  // lexed by `lexGeneric` and `lexMarkup`
        index += 1
        continue
      }
      plainStart = index
    }
    flushPlain(&self)
  }

  /// A keyword, builtin, type or number at `start`, written as a token (true); a plain identifier is skipped over
  /// and left in the pending plain text (false, `index` moved past it); anything else returns false unmoved.
  mutating func word(start: Int, end: Int, flush: (inout CodeLexer) -> Void) -> Bool {
    let current = bytes[start]
    if Self.isDigit(current) && (start == 0 || !isWordPart(bytes[start - 1])) {
      flush(&self)
      index += 1
      while index < end {
        let byte = bytes[index]
        if Self.isIdentifierPart(byte) || (byte == 46 && Self.isDigit(self.byte(at: index + 1))) {
          index += 1
        } else if (byte == 43 || byte == 45) && (bytes[index - 1] == 101 || bytes[index - 1] == 69)
          && bytes[start] != 48
        {
          index += 1
        } else {
          break
        }
      }
      emit(start..<index, class: "tok-num")
      return true
    }
    guard Self.isIdentifierStart(current), start == 0 || !isWordPart(bytes[start - 1]) else {
      return false
    }
    var stop = start + 1
    while stop < end, isWordPart(bytes[stop]) { stop += 1 }
    let text = bytes[start..<stop]
    let lowercased = grammar.caseInsensitive
    let previousIsDot = start > 0 && bytes[start - 1] == 46
    if grammar.colonKeys && byte(at: stop) == 58 && [0, 9, 10, 13, 32].contains(byte(at: stop + 1)) {
      flush(&self)
      index = stop
      emit(start..<stop, class: "tok-type")
    } else if grammar.keywords.contains(text, lowercased: lowercased) && !previousIsDot {
      flush(&self)
      index = stop
      emit(start..<stop, class: "tok-kw")
    } else if grammar.builtins.contains(text, lowercased: lowercased) && !previousIsDot {
      flush(&self)
      index = stop
      emit(start..<stop, class: "tok-builtin")
    } else if grammar.capitalisedAreTypes && current >= 65 && current <= 90 {
      flush(&self)
      index = stop
      emit(start..<stop, class: "tok-type")
    } else {
      index = stop
      return false
    }
    return true
  }

  /// A byte that continues a word in this grammar: letters, digits, `_` and the grammar's extras.
  func isWordPart(_ byte: UInt8) -> Bool {
    Self.isIdentifierPart(byte) || grammar.identifierExtras.contains(byte)
  }

  private func atLineStart(_ position: Int) -> Bool {
    var cursor = position - 1
    while cursor >= 0 {
      if bytes[cursor] == 10 { return true }
      if bytes[cursor] != 32 && bytes[cursor] != 9 { return false }
      cursor -= 1
    }
    return true
  }
}
