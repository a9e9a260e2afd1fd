/// One lexical unit of TeX math: what the parser reads instead of characters.
enum TeXToken: Equatable, Sendable {
  /// `\name` (letters) or `\x` (one other character, e.g. `\,` `\{` `\\`); the name is without the backslash.
  case command(String)
  /// Any other character: a letter, digit, operator or punctuation.
  case character(Unicode.Scalar)
  /// `{`
  case open
  /// `}`
  case close
  /// `^`
  case superscript
  /// `_`
  case `subscript`
  /// `&`, the column separator of environments.
  case alignment
  /// A run of white space (ignored in math, kept in `\text{}`).
  case space
}

/// Splits TeX source into tokens in one pass (linear in the length of the formula). `%` starts a comment that runs
/// to the end of the line, as in TeX.
enum TeXTokenizer {
  static func tokens(_ source: String) -> [TeXToken] {
    let scalars = Array(source.unicodeScalars)
    var tokens: [TeXToken] = []
    tokens.reserveCapacity(scalars.count)
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      index += 1
      switch scalar {
      case "\\":
        guard index < scalars.count else {
          tokens.append(.command(""))
          break
        }
        if isLetter(scalars[index]) {
          let start = index
          while index < scalars.count, isLetter(scalars[index]) { index += 1 }
          var name = ""
          name.unicodeScalars.append(contentsOf: scalars[start..<index])
          tokens.append(.command(name))
        } else {
          tokens.append(.command(String(scalars[index])))
          index += 1
        }
      case "{": tokens.append(.open)
      case "}": tokens.append(.close)
      case "^": tokens.append(.superscript)
      case "_": tokens.append(.subscript)
      case "&": tokens.append(.alignment)
      case "%":
        while index < scalars.count, scalars[index] != "\n" { index += 1 }
      case " ", "\t", "\n", "\r":
        while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
        if tokens.last != .space { tokens.append(.space) }
      default:
        tokens.append(.character(scalar))
      }
    }
    return tokens
  }

  /// ASCII letters: TeX command names are made of them only.
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
  }
}
