/// Server-side highlighting of code blocks, so that pages need no JavaScript.
///
/// PLACEHOLDER: the parsing/rendering work implements Swift and Python highlighting.
public enum SyntaxHighlighter {
  /// The HTML for the inside of a `<code>` element: escaped code, with `<span class="tok-…">` around tokens.
  public static func highlight(_ code: String, language: String?) -> String {
    HTMLEscaping.escape(code)
  }
}
