/// What the lexer needs to know about a language: its keywords, builtins and string and comment forms.
struct HighlightGrammar: Sendable {
  enum Family: Sendable { case swift, python }
  let family: Family
  let keywords: Set<[UInt8]>
  let builtins: Set<[UInt8]>

  static func grammar(for language: String?) -> HighlightGrammar? {
    switch language?.lowercased() {
    case "swift": return swift
    case "python", "py", "python3": return python
    default: return nil
    }
  }

  private static func set(_ words: String) -> Set<[UInt8]> {
    Set(words.split(separator: " ").map { Array($0.utf8) })
  }

  static let swift = HighlightGrammar(
    family: .swift,
    keywords: set(
      "associatedtype async await break case catch class continue default defer deinit do else enum extension fallthrough false fileprivate final for func guard if import in init inout internal is let mutating nil nonisolated open operator override private protocol public repeat rethrows return self Self some any static struct subscript super switch throw throws true try typealias var where while consuming borrowing sending actor get set willSet didSet lazy weak unowned convenience required indirect"
    ),
    builtins: set(
      "print debugPrint min max abs zip stride sequence precondition assert fatalError withTaskGroup withThrowingTaskGroup type readLine dump"
    ))

  static let python = HighlightGrammar(
    family: .python,
    keywords: set(
      "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case"
    ),
    builtins: set(
      "print len range open int float str list dict set tuple bool bytes type isinstance issubclass enumerate zip map filter sorted reversed sum min max abs any all iter next repr round input super object property staticmethod classmethod getattr setattr hasattr vars dir id hash format Exception ValueError TypeError KeyError IndexError RuntimeError OSError self"
    ))
}
