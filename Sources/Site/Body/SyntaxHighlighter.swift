/// Server-side highlighting of code blocks, so that pages need no JavaScript.
///
/// Swift and Python are tokenised on UTF-8 bytes (keywords, strings with multi-line forms and interpolation,
/// comments, numbers, types and builtins, decorators/attributes); every token goes in a
/// `<span class="tok-…">`: `tok-kw`, `tok-str`, `tok-interp`, `tok-com`, `tok-num`, `tok-type`, `tok-builtin`,
/// `tok-dec`. Shell, R, YAML, JSON, SQL and Dockerfile go through one table-driven lexer and XML/HTML through a tag
/// lexer, with the same classes (keys and attribute names `tok-type`, shell variables `tok-interp`, tags `tok-kw`).
/// Every lexer is linear in the code's length, whatever the code (the tests' hostile lines: 100 KB of `#`,
/// of `"\(`, of `/*`); interpolations are highlighted 32 levels deep, deeper ones as string text, so nesting costs no
/// stack. Other languages are escaped only.
public enum SyntaxHighlighter {
  /// The HTML for the inside of a `<code>` element: escaped code, with `<span class="tok-…">` around tokens.
  public static func highlight(_ code: String, language: String?) -> String {
    guard let grammar = HighlightGrammar.grammar(for: language) else { return HTMLEscaping.escape(code) }
    var lexer = CodeLexer(bytes: Array(code.utf8), grammar: grammar)
    lexer.run()
    return String(decoding: lexer.output, as: UTF8.self)
  }

  /// True when `language` is highlighted (not only escaped).
  public static func supports(_ language: String?) -> Bool {
    HighlightGrammar.grammar(for: language) != nil
  }
}
