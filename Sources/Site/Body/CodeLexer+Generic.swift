/// The table-driven lexer for shell, R, YAML, JSON, SQL and Dockerfile: line and block comments, quoted strings,
/// shell variables, then words (keywords, builtins, keys, numbers) through `word`. One pass; every scan ahead
/// consumes what it scanned (an unterminated string or comment runs to its line end or the end), so the time is
/// linear in the code's length.
extension CodeLexer {
  mutating func lexGeneric() {
    var plainStart = index
    func flushPlain(_ lexer: inout CodeLexer) {
      if plainStart < lexer.index { lexer.emit(plainStart..<lexer.index) }
    }
    while index < bytes.count {
      let start = index
      let current = bytes[index]
      if lineCommentAhead() {
        flushPlain(&self)
        lineComment()
        emit(start..<index, class: "tok-com")
      } else if let block = grammar.blockComment, matches(block.open, at: index) {
        flushPlain(&self)
        index += block.open.count
        skip(through: block.close)
        emit(start..<index, class: "tok-com")
      } else if grammar.quotes.contains(current) {
        flushPlain(&self)
        quotedString()
      } else if grammar.dollarVariables, current == 36, let stop = variableEnd(at: index) {
        flushPlain(&self)
        index = stop
        emit(start..<index, class: "tok-interp")
      } else if word(start: start, end: bytes.count, flush: { flushPlain(&$0) }) {
      } else {
        if index == start { index += 1 }
        continue
      }
      plainStart = index
    }
    flushPlain(&self)
  }

  /// True when `marker` is at `position`.
  func matches(_ marker: [UInt8], at position: Int) -> Bool {
    guard position + marker.count <= bytes.count else { return false }
    for offset in 0..<marker.count where bytes[position + offset] != marker[offset] { return false }
    return true
  }

  /// Moves past the next `marker`, or to the end when there is none.
  mutating func skip(through marker: [UInt8]) {
    while index < bytes.count {
      if matches(marker, at: index) {
        index += marker.count
        return
      }
      index += 1
    }
  }

  private func lineCommentAhead() -> Bool {
    guard grammar.lineComments.contains(where: { matches($0, at: index) }) else { return false }
    guard grammar.commentAtWordStartOnly, index > 0 else { return true }
    return [9, 10, 13, 32, 59, 40].contains(bytes[index - 1])  // tab, newline, space, ;, (
  }

  /// The end of a shell variable at `position` (`$name`, `${…}` up to `}` or the line end, `$1`, `$?`), or nil.
  private func variableEnd(at position: Int) -> Int? {
    let next = byte(at: position + 1)
    if next == 123 {  // {
      var cursor = position + 2
      while cursor < bytes.count, bytes[cursor] != 125, bytes[cursor] != 10 { cursor += 1 }
      return cursor < bytes.count && bytes[cursor] == 125 ? cursor + 1 : cursor
    }
    if Self.isIdentifierStart(next) && next < 0x80 {
      var cursor = position + 2
      while cursor < bytes.count, Self.isIdentifierPart(bytes[cursor]), bytes[cursor] < 0x80 { cursor += 1 }
      return cursor
    }
    if (next >= 48 && next <= 57) || [63, 35, 64, 42, 33, 36, 45].contains(next) { return position + 2 }  // ?#@*!$-
    return nil
  }

  /// A quoted string at `index`; shell variables inside double quotes are split out as `tok-interp`, and a JSON or
  /// YAML string followed by `:` is a key (`tok-type`).
  private mutating func quotedString() {
    var start = index
    let quote = bytes[index]
    let escaping = grammar.escapingQuotes.contains(quote)
    index += 1
    while index < bytes.count {
      let current = bytes[index]
      if current == 10 && !grammar.multilineStrings { break }
      if escaping && current == 92 {
        index = min(index + 2, bytes.count)
        continue
      }
      if current == quote {
        index += 1
        break
      }
      if grammar.dollarVariables && quote == 34 && current == 36, let stop = variableEnd(at: index) {
        emit(start..<index, class: "tok-str")
        emit(index..<stop, class: "tok-interp")
        index = stop
        start = index
        continue
      }
      index += 1
    }
    emit(start..<index, class: grammar.stringKeys && colonFollows() ? "tok-type" : "tok-str")
  }

  /// True when the next byte after spaces and tabs is `:`.
  private func colonFollows() -> Bool {
    var cursor = index
    while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 9 { cursor += 1 }
    return byte(at: cursor) == 58
  }
}
