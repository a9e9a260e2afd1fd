/// The XML/HTML lexer: tags and their names (`tok-kw`), attribute names (`tok-type`) and values (`tok-str`),
/// comments (`tok-com`), declarations and processing instructions (`tok-dec`), CDATA (`tok-str`) and entities
/// (`tok-builtin`). An unterminated comment, tag or value runs to the end; time is linear.
extension CodeLexer {
  mutating func lexMarkup() {
    var plainStart = index
    func flushPlain(_ lexer: inout CodeLexer) {
      if plainStart < lexer.index { lexer.emit(plainStart..<lexer.index) }
    }
    while index < bytes.count {
      let start = index
      let next = byte(at: index + 1)
      if bytes[index] == 60 && matches(Array("<!--".utf8), at: index) {
        flushPlain(&self)
        skip(through: Array("-->".utf8))
        emit(start..<index, class: "tok-com")
      } else if bytes[index] == 60 && matches(Array("<![CDATA[".utf8), at: index) {
        flushPlain(&self)
        skip(through: Array("]]>".utf8))
        emit(start..<index, class: "tok-str")
      } else if bytes[index] == 60 && (next == 63 || next == 33) {  // <? or <!
        flushPlain(&self)
        skip(through: [62])
        emit(start..<index, class: "tok-dec")
      } else if bytes[index] == 60 && (next == 47 || Self.isIdentifierStart(next)) {
        flushPlain(&self)
        tag()
      } else if bytes[index] == 38, let stop = entityEnd(at: index) {
        flushPlain(&self)
        index = stop
        emit(start..<index, class: "tok-builtin")
      } else {
        index += 1
        continue
      }
      plainStart = index
    }
    flushPlain(&self)
  }

  private static func isNamePart(_ byte: UInt8) -> Bool {
    isIdentifierPart(byte) || byte == 45 || byte == 58 || byte == 46  // - : .
  }

  /// A start or end tag at `index`: its name, attributes and values, up to and including `>`.
  private mutating func tag() {
    let start = index
    index += byte(at: index + 1) == 47 ? 2 : 1
    while index < bytes.count, Self.isNamePart(bytes[index]) { index += 1 }
    emit(start..<index, class: "tok-kw")
    var plainStart = index
    while index < bytes.count {
      let current = bytes[index]
      if current == 62 {  // >
        index += 1
        break
      }
      if current == 60 { break }  // an unclosed tag ends where the next one starts
      let attributeStart = index
      if current == 34 || current == 39 {
        emit(plainStart..<index)
        index += 1
        while index < bytes.count, bytes[index] != current { index += 1 }
        index = min(index + 1, bytes.count)
        emit(attributeStart..<index, class: "tok-str")
        plainStart = index
      } else if Self.isIdentifierStart(current) {
        emit(plainStart..<index)
        while index < bytes.count, Self.isNamePart(bytes[index]) { index += 1 }
        emit(attributeStart..<index, class: "tok-type")
        plainStart = index
      } else if current == 61 && !Self.endsUnquotedValue(byte(at: index + 1)) {  // =value
        index += 1
        emit(plainStart..<index)
        let valueStart = index
        while index < bytes.count, !Self.endsUnquotedValue(bytes[index]) { index += 1 }
        emit(valueStart..<index, class: "tok-str")
        plainStart = index
      } else {
        index += 1
      }
    }
    emit(plainStart..<index)
  }

  /// A byte that cannot be part of an unquoted attribute value (or starts a quoted one).
  private static func endsUnquotedValue(_ byte: UInt8) -> Bool {
    [0, 9, 10, 13, 32, 34, 39, 60, 62].contains(byte)
  }

  /// The end of a character reference at `position` (`&amp;`, `&#233;`, `&#x1F600;`), or nil.
  private func entityEnd(at position: Int) -> Int? {
    var cursor = position + 1
    while cursor < bytes.count, cursor - position <= 32, Self.isIdentifierPart(bytes[cursor]) || bytes[cursor] == 35 {
      cursor += 1
    }
    return cursor > position + 1 && byte(at: cursor) == 59 ? cursor + 1 : nil
  }
}
