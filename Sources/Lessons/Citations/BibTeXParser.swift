/// Reads the entries of a BibTeX file (GTN's `tutorial.bib`): `@type{key, field = {value}, field = "value",
/// field = 2016}`, values with nested braces, `#` concatenation of strings, `@string` abbreviations;
/// `@comment` and `@preamble` are skipped. A malformed entry is reported with its line and skipped, the rest read.
enum BibTeXParser {
  /// One entry: its type and key, its fields (names lowercased, values as written without the outer delimiters),
  /// and the line it starts on.
  struct Entry: Sendable, Equatable {
    var type: String
    var key: String
    var fields: [String: String]
    var line: Int
  }

  /// The entries of `text`, and the problems found (line, message).
  static func parse(_ text: String) -> (entries: [Entry], problems: [(line: Int, message: String)]) {
    var scanner = Scanner(Array(text.unicodeScalars))
    var entries: [Entry] = []
    var problems: [(line: Int, message: String)] = []
    var strings: [String: String] = [:]
    while scanner.skip(to: "@") {
      let line = scanner.line
      scanner.advance()
      let type = scanner.word().lowercased()
      scanner.skipSpace()
      guard let open = scanner.peek, open == "{" || open == "(" else {
        problems.append((line, "@\(type) is not followed by { or ("))
        continue
      }
      scanner.advance()
      if type == "comment" || type == "preamble" {
        _ = scanner.balanced(closing: open == "{" ? "}" : ")")
        continue
      }
      if type == "string" {
        if let (name, value) = field(&scanner, strings: strings) { strings[name] = value }
        _ = scanner.skip(to: open == "{" ? "}" : ")")
        scanner.advance()
        continue
      }
      scanner.skipSpace()
      let key = scanner.until { $0 == "," || $0 == "}" || $0 == ")" || $0 == "\n" }.trimmingSpaces
      guard scanner.peek == ",", !key.isEmpty else {
        problems.append((line, "@\(type) entry has no key followed by a comma"))
        continue
      }
      scanner.advance()
      var fields: [String: String] = [:]
      var broken = false
      while true {
        scanner.skipSpace()
        guard let next = scanner.peek else {
          problems.append((line, "entry \(key) is never closed"))
          broken = true
          break
        }
        if next == "}" || next == ")" {
          scanner.advance()
          break
        }
        if next == "," {
          scanner.advance()
          continue
        }
        guard let (name, value) = field(&scanner, strings: strings) else {
          problems.append((scanner.line, "entry \(key): a field is not `name = value`"))
          broken = true
          break
        }
        fields[name] = value
      }
      if !broken { entries.append(Entry(type: type, key: String(key), fields: fields, line: line)) }
    }
    return (entries, problems)
  }

  /// `name = value`, the value being `{…}`, `"…"`, a number or a `@string` name, joined by `#`.
  private static func field(_ scanner: inout Scanner, strings: [String: String]) -> (String, String)? {
    scanner.skipSpace()
    let name = scanner.word().lowercased()
    scanner.skipSpace()
    guard !name.isEmpty, scanner.peek == "=" else { return nil }
    scanner.advance()
    var value = ""
    while true {
      scanner.skipSpace()
      switch scanner.peek {
      case "{":
        scanner.advance()
        guard let inner = scanner.balanced(closing: "}") else { return nil }
        value += inner
      case "\"":
        scanner.advance()
        guard let inner = scanner.quoted() else { return nil }
        value += inner
      case .some:
        let word = scanner.word()
        guard !word.isEmpty else { return nil }
        value += strings[word.lowercased()] ?? word
      case .none:
        return nil
      }
      scanner.skipSpace()
      guard scanner.peek == "#" else { break }
      scanner.advance()
    }
    return (name, value)
  }

  /// A cursor over the file's scalars that counts lines.
  struct Scanner {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private(set) var line = 1

    init(_ scalars: [Unicode.Scalar]) {
      self.scalars = scalars
    }

    var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func advance() {
      if index < scalars.count {
        if scalars[index] == "\n" { line += 1 }
        index += 1
      }
    }

    /// Moves to the next `target`; false at the end.
    mutating func skip(to target: Unicode.Scalar) -> Bool {
      while let scalar = peek, scalar != target { advance() }
      return peek != nil
    }

    mutating func skipSpace() {
      while let scalar = peek, scalar.properties.isWhitespace { advance() }
    }

    /// Letters, digits and `_-:.+/'` (BibTeX names, keys and bare values).
    mutating func word() -> String {
      until { !($0.properties.isAlphabetic || $0.properties.numericType != nil || "_-:.+/'".unicodeScalars.contains($0)) }
    }

    mutating func until(_ stop: (Unicode.Scalar) -> Bool) -> String {
      var result = String.UnicodeScalarView()
      while let scalar = peek, !stop(scalar) {
        result.append(scalar)
        advance()
      }
      return String(result)
    }

    /// The text up to the `closing` that balances an opening already read; nil at the end of the file.
    mutating func balanced(closing: Unicode.Scalar) -> String? {
      let opening: Unicode.Scalar = closing == "}" ? "{" : "("
      var depth = 1
      var result = String.UnicodeScalarView()
      while let scalar = peek {
        advance()
        if scalar == opening { depth += 1 }
        if scalar == closing {
          depth -= 1
          if depth == 0 { return String(result) }
        }
        result.append(scalar)
      }
      return nil
    }

    /// The text up to a `"` outside braces.
    mutating func quoted() -> String? {
      var depth = 0
      var result = String.UnicodeScalarView()
      while let scalar = peek {
        advance()
        if scalar == "{" { depth += 1 }
        if scalar == "}" { depth -= 1 }
        if scalar == "\"" && depth == 0 { return String(result) }
        result.append(scalar)
      }
      return nil
    }
  }
}
