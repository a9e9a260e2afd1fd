/// Evaluates the expressions of GTN's Liquid: operands (`include.x`, `"text"`, `'text'`, numbers, `true`, `false`,
/// `nil`, `empty`), comparisons (`==`, `!=`, `contains`) and `and`/`or` (evaluated right to left, as Liquid does,
/// without parentheses).
enum LiquidExpression {
  /// The truth of a condition; unknown names are nil, so false.
  static func condition(_ text: Substring, scope: LiquidScope) -> Bool {
    var clauses: [[String]] = [[]]
    var connectives: [String] = []
    for word in tokens(text) {
      if word == "and" || word == "or" {
        connectives.append(word)
        clauses.append([])
      } else {
        clauses[clauses.count - 1].append(word)
      }
    }
    // Liquid has no precedence: `a or b and c` is `a or (b and c)`, folded from the right.
    var result = comparison(clauses[clauses.count - 1], scope: scope)
    for index in stride(from: connectives.count - 1, through: 0, by: -1) {
      let value = comparison(clauses[index], scope: scope)
      result = connectives[index] == "and" ? (value && result) : (value || result)
    }
    return result
  }

  private static func comparison(_ words: [String], scope: LiquidScope) -> Bool {
    guard let first = words.first else { return false }
    let left = operand(first, scope: scope)
    guard words.count >= 3 else { return left.isTruthy }
    let right = operand(words[2], scope: scope)
    switch words[1] {
    case "==": return equal(left, right)
    case "!=", "<>": return !equal(left, right)
    case "contains":
      if case .text(let haystack) = left, case .text(let needle) = right { return haystack.contains(needle) }
      if case .list(let items) = left { return items.contains { equal($0, right) } }
      return false
    default: return false
    }
  }

  /// `empty` equals the empty string and nil.
  static func equal(_ left: LiquidValue, _ right: LiquidValue) -> Bool {
    if left == right { return true }
    let isEmpty: (LiquidValue) -> Bool = { $0 == .none || $0 == .text("") }
    return (left == .text("") || right == .text("")) && isEmpty(left) && isEmpty(right)
  }

  /// The value of one operand; unknown names are nil.
  static func operand(_ word: String, scope: LiquidScope) -> LiquidValue {
    if word.count >= 2, let first = word.first, first == "\"" || first == "'", word.last == first {
      return .text(String(word.dropFirst().dropLast()))
    }
    switch word {
    case "true": return .bool(true)
    case "false": return .bool(false)
    case "nil", "null": return .none
    case "empty", "blank": return .text("")
    default: break
    }
    if let first = word.first, first.isNumber || first == "-" { return .text(word) }
    return scope.lookup(word) ?? .none
  }

  /// Words of an expression; quoted strings stay one word with their quotes.
  static func tokens(_ text: Substring) -> [String] {
    split(text, at: \.isWhitespace).filter { !$0.isEmpty }
  }

  /// `text` cut at each character `isSeparator` accepts outside quotes (empty pieces kept); quotes stay in.
  static func split(_ text: Substring, at isSeparator: (Character) -> Bool) -> [String] {
    var pieces: [String] = []
    var current = ""
    var quote: Character?
    for character in text {
      if let open = quote {
        current.append(character)
        if character == open { quote = nil }
      } else if character == "\"" || character == "'" {
        current.append(character)
        quote = character
      } else if isSeparator(character) {
        pieces.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    pieces.append(current)
    return pieces
  }
}
