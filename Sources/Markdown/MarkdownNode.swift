/// One node of a parsed CommonMark document, as a plain Swift value.
///
/// The tree mirrors cmark's: blocks contain blocks or inlines, inlines contain inlines. Fields that do not apply to
/// a kind are empty (`literal` is nil for a paragraph, `headingLevel` is 0 for anything but a heading), so that code
/// walking the tree never needs to reach back into C.
public struct MarkdownNode: Sendable, Hashable {
  /// What the node is.
  public enum Kind: Sendable, Hashable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, customInline, emphasis, strong, link, image

    /// True for the block kinds (document through thematic break).
    public var isBlock: Bool {
      switch self {
      case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading,
        .thematicBreak:
        return true
      default:
        return false
      }
    }
  }

  /// Whether a list is numbered, and how it was written.
  public struct ListInfo: Sendable, Hashable {
    /// True for `1.`/`1)` lists, false for `-`/`*`/`+` lists.
    public var ordered: Bool
    /// The first number of an ordered list.
    public var start: Int
    /// True when no blank line separates the items (their paragraphs render without `<p>`).
    public var tight: Bool

    /// Creates list data.
    public init(ordered: Bool, start: Int, tight: Bool) {
      self.ordered = ordered
      self.start = start
      self.tight = tight
    }
  }

  public var kind: Kind
  public var children: [MarkdownNode]
  /// Text of text, code, code block and HTML nodes.
  public var literal: String?
  /// Destination of a link or image.
  public var url: String?
  /// Title of a link or image (`[a](b "title")`).
  public var title: String?
  /// 1…6 for headings, 0 otherwise.
  public var headingLevel: Int
  /// Set for lists.
  public var list: ListInfo?
  /// The info string of a fenced code block (```` ```swift run=false ```` → `swift run=false`); nil when indented.
  public var fenceInfo: String?
  /// 1-based line and column where the node starts in the parsed text; 0 when cmark does not know (inlines).
  public var startLine: Int
  public var startColumn: Int
  /// 1-based line and column where the node ends.
  public var endLine: Int
  public var endColumn: Int

  /// Creates a node; every field but `kind` has an empty default.
  public init(
    kind: Kind, children: [MarkdownNode] = [], literal: String? = nil, url: String? = nil, title: String? = nil,
    headingLevel: Int = 0, list: ListInfo? = nil, fenceInfo: String? = nil, startLine: Int = 0,
    startColumn: Int = 0, endLine: Int = 0, endColumn: Int = 0
  ) {
    self.kind = kind
    self.children = children
    self.literal = literal
    self.url = url
    self.title = title
    self.headingLevel = headingLevel
    self.list = list
    self.fenceInfo = fenceInfo
    self.startLine = startLine
    self.startColumn = startColumn
    self.endLine = endLine
    self.endColumn = endColumn
  }

  /// The plain text of the node and its descendants (text, code, and line breaks as spaces).
  public var plainText: String {
    var result = ""
    appendPlainText(to: &result)
    return result
  }

  private func appendPlainText(to result: inout String) {
    switch kind {
    case .text, .code: result += literal ?? ""
    case .softBreak, .lineBreak: result += " "
    default: for child in children { child.appendPlainText(to: &result) }
    }
  }
}
