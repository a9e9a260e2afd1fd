import Execution
import Lessons

/// Renders one Swift cell on the page: its code (unless `echo: false`), what it printed, how long it took, its
/// charts and how it ended.
///
/// PLACEHOLDER: implemented by the execution work.
public enum CellRenderer {
  /// `result` is nil when the lesson has not been executed.
  public static func render(_ cell: Cell, result: CellResult?) -> String {
    "<pre><code class=\"language-swift\">\(SyntaxHighlighter.highlight(cell.code, language: "swift"))</code></pre>"
  }
}
