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

  /// What the node is.
  public var kind: Kind
  /// Child nodes, in order.
  public var children: [MarkdownNode]
  /// Text of text, code, code block and HTML nodes.
  public var literal: String?
  /// The fields few nodes have, kept out of line so that the common node stays small to copy.
  private var details: Details?
  private var position: Position

  /// Destination of a link or image.
  public var url: String? {
    get { details?.url }
    set { updateDetails { $0.url = newValue } }
  }
  /// Title of a link or image (`[a](b "title")`).
  public var title: String? {
    get { details?.title }
    set { updateDetails { $0.title = newValue } }
  }
  /// 1…6 for headings, 0 otherwise.
  public var headingLevel: Int {
    get { details?.headingLevel ?? 0 }
    set { updateDetails { $0.headingLevel = newValue } }
  }
  /// Set for lists.
  public var list: ListInfo? {
    get { details?.list }
    set { updateDetails { $0.list = newValue } }
  }
  /// The info string of a fenced code block (```` ```swift run=false ```` → `swift run=false`); nil when indented.
  public var fenceInfo: String? {
    get { details?.fenceInfo }
    set { updateDetails { $0.fenceInfo = newValue } }
  }
  /// 1-based line where the node starts in the parsed text; 0 when cmark does not know (inlines).
  public var startLine: Int {
    get { Int(position.startLine) }
    set { position.startLine = Int32(clamping: newValue) }
  }
  /// 1-based column where the node starts.
  public var startColumn: Int {
    get { Int(position.startColumn) }
    set { position.startColumn = Int32(clamping: newValue) }
  }
  /// 1-based line where the node ends.
  public var endLine: Int {
    get { Int(position.endLine) }
    set { position.endLine = Int32(clamping: newValue) }
  }
  /// 1-based column where the node ends.
  public var endColumn: Int {
    get { Int(position.endColumn) }
    set { position.endColumn = Int32(clamping: newValue) }
  }

  /// Creates a node; every field but `kind` has an empty default.
  public init(
    kind: Kind, children: [MarkdownNode] = [], literal: String? = nil, url: String? = nil, title: String? = nil,
    headingLevel: Int = 0, list: ListInfo? = nil, fenceInfo: String? = nil, startLine: Int = 0,
    startColumn: Int = 0, endLine: Int = 0, endColumn: Int = 0
  ) {
    self.kind = kind
    self.children = children
    self.literal = literal
    self.position = Position(
      startLine: Int32(clamping: startLine), startColumn: Int32(clamping: startColumn),
      endLine: Int32(clamping: endLine), endColumn: Int32(clamping: endColumn))
    if url != nil || title != nil || headingLevel != 0 || list != nil || fenceInfo != nil {
      details = Details(url: url, title: title, headingLevel: headingLevel, list: list, fenceInfo: fenceInfo)
    }
  }

  private mutating func updateDetails(_ change: (inout Details.Fields) -> Void) {
    var fields = details?.fields ?? Details.Fields()
    change(&fields)
    details = Details(fields)
  }

  /// Where a node is in the source.
  private struct Position: Sendable, Hashable {
    var startLine: Int32
    var startColumn: Int32
    var endLine: Int32
    var endColumn: Int32
  }

  /// The rarely set fields. Immutable, so sharing one between copies of a node is safe (hence `Sendable`).
  private final class Details: Sendable, Hashable {
    struct Fields: Hashable {
      var url: String?
      var title: String?
      var headingLevel = 0
      var list: ListInfo?
      var fenceInfo: String?
    }

    let fields: Fields
    var url: String? { fields.url }
    var title: String? { fields.title }
    var headingLevel: Int { fields.headingLevel }
    var list: ListInfo? { fields.list }
    var fenceInfo: String? { fields.fenceInfo }

    init(_ fields: Fields) { self.fields = fields }

    convenience init(url: String?, title: String?, headingLevel: Int, list: ListInfo?, fenceInfo: String?) {
      self.init(Fields(url: url, title: title, headingLevel: headingLevel, list: list, fenceInfo: fenceInfo))
    }

    static func == (lhs: Details, rhs: Details) -> Bool { lhs.fields == rhs.fields }
    func hash(into hasher: inout Hasher) { hasher.combine(fields) }
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
