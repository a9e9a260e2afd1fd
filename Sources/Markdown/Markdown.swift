/// CommonMark parsing with cmark, returning a pure-Swift tree.
///
/// This module is the only code that touches cmark's C API: `parse` copies cmark's tree into `MarkdownNode` values
/// and frees the C tree before returning. cmark 0.30 is plain CommonMark (no tables or other GitHub extensions);
/// the GTN dialect is layered on top of this tree by the `Lessons` module.
public enum Markdown {
  /// The version of the cmark library in use.
  public static var cmarkVersion: String { CmarkConverter.versionString }

  /// Parses `text` as CommonMark, with source positions, keeping raw HTML as `htmlBlock`/`htmlInline` nodes and
  /// with adjacent text nodes merged. Never fails: CommonMark gives every input a meaning.
  public static func parse(_ text: String) -> MarkdownNode {
    CmarkConverter.parse(text)
  }
}
