/// Comments and string literals (with their interpolations) for `CodeLexer`.
extension CodeLexer {
  mutating func lineComment() {
    while index < bytes.count, bytes[index] != 10 { index += 1 }
  }

  mutating func blockComment() {
    var depth = 0
    while index < bytes.count {
      if bytes[index] == 47 && byte(at: index + 1) == 42 {
        depth += 1
        index += 2
      } else if bytes[index] == 42 && byte(at: index + 1) == 47 {
        depth -= 1
        index += 2
        if depth == 0 { return }
      } else {
        index += 1
      }
    }
  }

  func rawStringAhead() -> Bool {
    let end = hashRunEnd(from: index)
    return end < bytes.count && bytes[end] == 34
  }

  /// The position after the run of `#` that starts at `position`.
  func hashRunEnd(from position: Int) -> Int {
    var cursor = position
    while cursor < bytes.count, bytes[cursor] == 35 { cursor += 1 }
    return cursor
  }

  /// Lexes an interpolation's code (its opener at `opener`, already scanned) up to and including its closer.
  private mutating func interpolation(opener: Range<Int>) {
    emit(opener, class: "tok-interp")
    index = opener.upperBound
    nesting += 1
    lex(until: bytes.count, closingParenthesis: true)
    nesting -= 1
    if index < bytes.count {
      emit(index..<(index + 1), class: "tok-interp")
      index += 1
    }
  }

  /// A Swift string at `index`: `"…"`, `"""…"""`, `#"…"#`, with `\(…)` (or `\#(…)`) interpolation.
  mutating func swiftString() {
    var hashes = 0
    var start = index
    while byte(at: index) == 35 {
      hashes += 1
      index += 1
    }
    let multiline = byte(at: index) == 34 && byte(at: index + 1) == 34 && byte(at: index + 2) == 34
    index += multiline ? 3 : 1
    while index < bytes.count {
      let current = bytes[index]
      if current == 10 && !multiline { break }
      if current == 92 {  // backslash
        var cursor = index + 1
        var count = 0
        while count < hashes, byte(at: cursor) == 35 {
          count += 1
          cursor += 1
        }
        if count == hashes && byte(at: cursor) == 40 && nesting < Self.maxNesting {  // interpolation
          emit(start..<index, class: "tok-str")
          interpolation(opener: index..<(cursor + 1))
          start = index
          continue
        }
        index = count == hashes ? min(cursor + 1, bytes.count) : index + 1
        continue
      }
      if current == 34 {
        let closesQuotes = !multiline || (byte(at: index + 1) == 34 && byte(at: index + 2) == 34)
        if closesQuotes {
          var cursor = index + (multiline ? 3 : 1)
          var count = 0
          while count < hashes, byte(at: cursor) == 35 {
            count += 1
            cursor += 1
          }
          if count == hashes {
            index = cursor
            break
          }
        }
      }
      index += 1
    }
    emit(start..<index, class: "tok-str")
  }

  func pythonStringPrefixAhead() -> Bool {
    var cursor = index
    var length = 0
    while cursor < bytes.count, length < 3 {
      switch bytes[cursor] {
      case 114, 82, 98, 66, 117, 85, 102, 70:  // r R b B u U f F
        cursor += 1
        length += 1
      case 34, 39:
        return length > 0 && (index == 0 || !Self.isIdentifierPart(bytes[index - 1]))
      default:
        return false
      }
    }
    return false
  }

  /// A Python string at `index`, with its prefix: `'…'`, `"…"`, triple-quoted forms, `f"{…}"` interpolation.
  mutating func pythonString() {
    var start = index
    var raw = false
    var formatted = false
    while bytes[index] != 34 && bytes[index] != 39 {
      let lower = bytes[index] | 0x20
      if lower == 114 { raw = true }
      if lower == 102 { formatted = true }
      index += 1
    }
    let quote = bytes[index]
    let triple = byte(at: index + 1) == quote && byte(at: index + 2) == quote
    index += triple ? 3 : 1
    while index < bytes.count {
      let current = bytes[index]
      if current == 10 && !triple { break }
      if current == 92 && !raw {
        index = min(index + 2, bytes.count)
        continue
      }
      if formatted && current == 123 && nesting < Self.maxNesting {  // {
        if byte(at: index + 1) == 123 {
          index += 2
          continue
        }
        emit(start..<index, class: "tok-str")
        interpolation(opener: index..<(index + 1))
        start = index
        continue
      }
      if current == quote && (!triple || (byte(at: index + 1) == quote && byte(at: index + 2) == quote)) {
        index += triple ? 3 : 1
        break
      }
      index += 1
    }
    emit(start..<index, class: "tok-str")
  }
}
