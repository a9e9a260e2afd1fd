/// The body of a lesson as a tree of GTN constructs.
///
/// The parser (`LessonParser`) builds it from cmark's syntax tree with the GTN dialect applied: boxes, figures,
/// tables, Liquid tags and abbreviations are already resolved, so rendering is a plain walk over `blocks`.
public struct Document: Sendable, Hashable {
  /// The top-level blocks, in order.
  public var blocks: [Block]
  /// The `#` and `##` headings outside boxes and without `{:.no_toc}`, in order: what the agenda's `1. TOC` lists
  /// (GTN's kramdown has toc_levels 1..2), the `##` ones nested under the `#` before them.
  public var tableOfContents: [HeadingReference]
  /// The abbreviations the body uses, in the order of first use, for the glossary.
  public var usedAbbreviations: [Abbreviation]
  /// Footnotes (`[^label]: text`) in the order of their numbers, for the end of the page.
  public var footnotes: [Footnote]
  /// The entries `{% cite %}` names, sorted as the list shows them (author, then year): where `{% bibliography %}`
  /// stands (`Block.bibliography`), else at the end of the page.
  public var references: [Reference] = []

  /// Creates a document.
  public init(
    blocks: [Block] = [], tableOfContents: [HeadingReference] = [], usedAbbreviations: [Abbreviation] = [],
    footnotes: [Footnote] = []
  ) {
    self.blocks = blocks
    self.tableOfContents = tableOfContents
    self.usedAbbreviations = usedAbbreviations
    self.footnotes = footnotes
  }
}

/// A footnote: `[^label]: content`, referenced in the text as `[^label]`.
public struct Footnote: Sendable, Hashable {
  /// The label written in `[^label]`.
  public var label: String
  /// 1-based, in the order of first reference.
  public var number: Int
  /// The footnote's text.
  public var content: [Inline]

  /// Creates a footnote.
  public init(label: String, number: Int, content: [Inline]) {
    self.label = label
    self.number = number
    self.content = content
  }
}

/// A heading as the table of contents lists it.
public struct HeadingReference: Sendable, Hashable {
  /// The heading's `id`, unique within the page.
  public var id: String
  /// The heading's plain text.
  public var title: String
  /// 1…6.
  public var level: Int

  /// Creates a reference.
  public init(id: String, title: String, level: Int) {
    self.id = id
    self.title = title
    self.level = level
  }
}
