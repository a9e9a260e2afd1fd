/// What the lexer needs to know about a language: its keywords, builtins and string and comment forms.
///
/// Swift and Python have their own lexing rules (`Family.swift`, `.python`); the other languages share one
/// table-driven lexer (`.generic`) configured by the fields below, and XML/HTML has a tag lexer (`.markup`).
struct HighlightGrammar: Sendable {
  enum Family: Sendable { case swift, python, generic, markup }
  let family: Family
  let keywords: HighlightWordSet
  let builtins: HighlightWordSet
  /// Markers that start a comment running to the end of the line (`#`, `--`).
  var lineComments: [[UInt8]] = []
  /// A `#` comment only where a word could start (shell: `a#b` and `$#` are not comments).
  var commentAtWordStartOnly = false
  /// Opening and closing markers of a block comment (`/*`, `*/`).
  var blockComment: (open: [UInt8], close: [UInt8])? = nil
  /// Bytes that open (and close) a string.
  var quotes: [UInt8] = []
  /// Quotes in which a backslash escapes the next byte.
  var escapingQuotes: [UInt8] = []
  /// Strings may span lines; otherwise an unterminated string stops at the end of the line.
  var multilineStrings = false
  /// Keywords and builtins match whatever their case (SQL, Dockerfile); the tables hold lower case.
  var caseInsensitive = false
  /// Bytes that may continue an identifier besides letters, digits and `_` (`-` in YAML keys, `.` in R).
  var identifierExtras: Set<UInt8> = []
  /// A capitalised identifier is a type (`tok-type`).
  var capitalisedAreTypes = false
  /// A word followed by `:` and a space or line end is a key (`tok-type`): YAML mappings.
  var colonKeys = false
  /// A string followed by `:` is a key (`tok-type`): JSON objects.
  var stringKeys = false
  /// `$name`, `${…}`, `$1`, `$?` are variables (`tok-interp`), also inside double quotes: shell.
  var dollarVariables = false

  static func grammar(for language: String?) -> HighlightGrammar? {
    switch language?.lowercased() {
    case "swift": return swift
    case "python", "py", "python3": return python
    case "bash", "sh", "shell", "zsh", "console", "shell-session": return shell
    case "r": return r
    case "yaml", "yml": return yaml
    case "json", "jsonc", "geojson": return json
    case "xml", "html", "xhtml", "svg", "galaxy": return markup
    case "sql", "sqlite", "postgresql", "mysql": return sql
    case "dockerfile", "docker", "containerfile": return dockerfile
    default: return nil
    }
  }

  static func set(_ words: String) -> HighlightWordSet {
    HighlightWordSet(words)
  }

  static let swift = HighlightGrammar(
    family: .swift,
    keywords: set(
      "associatedtype async await break case catch class continue default defer deinit do else enum extension fallthrough false fileprivate final for func guard if import in init inout internal is let mutating nil nonisolated open operator override private protocol public repeat rethrows return self Self some any static struct subscript super switch throw throws true try typealias var where while consuming borrowing sending actor get set willSet didSet lazy weak unowned convenience required indirect"
    ),
    builtins: set(
      "print debugPrint min max abs zip stride sequence precondition assert fatalError withTaskGroup withThrowingTaskGroup type readLine dump"
    ), capitalisedAreTypes: true)

  static let python = HighlightGrammar(
    family: .python,
    keywords: set(
      "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case"
    ),
    builtins: set(
      "print len range open int float str list dict set tuple bool bytes type isinstance issubclass enumerate zip map filter sorted reversed sum min max abs any all iter next repr round input super object property staticmethod classmethod getattr setattr hasattr vars dir id hash format Exception ValueError TypeError KeyError IndexError RuntimeError OSError self"
    ), capitalisedAreTypes: true)
}
