/// A block of a lesson's body.
///
/// Only the cases with large payloads are `indirect`, so that paragraphs and other small blocks need no extra
/// allocation.
public enum Block: Sendable, Hashable {
  /// A paragraph, with the attributes of a `{: …}` line after it.
  case paragraph([Inline], Attributes)
  indirect case heading(Heading)
  /// A GTN box: a blockquote closed by `{: .type}`.
  indirect case box(Box)
  /// A blockquote that is not a box.
  case blockQuote([Block], Attributes)
  indirect case list(ListBlock)
  /// A code block in a language other than Swift (or none).
  indirect case code(CodeBlock)
  /// A Swift code cell; the index points into `Lesson.cells`.
  case cell(Int)
  /// A captioned image, numbered in order of appearance.
  indirect case figure(Figure)
  /// A pipe table.
  indirect case table(Table)
  /// Raw HTML the author wrote, passed through as is.
  case html(String)
  /// Raw HTML in which Liquid tags (`{% icon … %}`) were resolved: its `.html` parts pass through, the other
  /// inlines render as usual.
  case htmlParts([Inline])
  case thematicBreak
  /// Where the agenda's `1. TOC` / `{:toc}` stood: the table of contents goes here.
  case tableOfContents
  /// Where `{% bibliography %}` stood: the cited references go here.
  case bibliography
}

/// A heading with its anchor id.
public struct Heading: Sendable, Hashable {
  /// 1…6, from the number of `#`.
  public var level: Int
  /// The heading's text.
  public var content: [Inline]
  /// Unique id within the page, from `{: #id}` or made from the text.
  public var id: String
  /// Attributes from the `{: …}` line after the block.
  public var attributes: Attributes
  /// 1-based line in the lesson file.
  public var line: Int

  /// Creates a heading.
  public init(level: Int, content: [Inline], id: String, attributes: Attributes = Attributes(), line: Int) {
    self.level = level
    self.content = content
    self.id = id
    self.attributes = attributes
    self.line = line
  }
}

/// A GTN box (question, solution, hands-on, tip, …).
public struct Box: Sendable, Hashable {
  /// The type from the closing line's class.
  public var type: BoxType
  /// The title from `<question-title>…</question-title>` or from a `### {% icon question %} Question: …` heading;
  /// empty when the author gave none (the renderer shows the type's label).
  public var title: [Inline]
  /// What the box holds (its title line removed).
  public var content: [Block]
  /// Attributes of the closing line besides the type class (`cite=`, `author=` of quotes, extra classes).
  public var attributes: Attributes
  /// 1-based line of the box's first line in the lesson file.
  public var line: Int
  /// True when the title came from a heading (`### {% icon comment %} Different servers`), which GTN shows as
  /// written; a `<x-title>` title is shown after the type's label ("Comment: Different servers").
  public var titleIsHeading: Bool

  /// Creates a box.
  public init(
    type: BoxType, title: [Inline], content: [Block], attributes: Attributes = Attributes(), line: Int,
    titleIsHeading: Bool = false
  ) {
    self.type = type
    self.title = title
    self.content = content
    self.attributes = attributes
    self.line = line
    self.titleIsHeading = titleIsHeading
  }
}

/// A bulleted or numbered list.
public struct ListBlock: Sendable, Hashable {
  /// True for numbered lists.
  public var ordered: Bool
  /// The first number of a numbered list.
  public var start: Int
  /// Tight lists show their items' paragraphs without `<p>`.
  public var tight: Bool
  /// The blocks of each item.
  public var items: [[Block]]
  /// Attributes from the `{: …}` line after the block.
  public var attributes: Attributes

  /// Creates a list.
  public init(ordered: Bool, start: Int, tight: Bool, items: [[Block]], attributes: Attributes = Attributes()) {
    self.ordered = ordered
    self.start = start
    self.tight = tight
    self.items = items
    self.attributes = attributes
  }
}

/// A code block that is not a cell.
public struct CodeBlock: Sendable, Hashable {
  /// The first word of the fence's info string (`python`, `bash`, …), nil when none.
  public var language: String?
  /// The code, as written.
  public var code: String
  /// Attributes from the `{: …}` line after the block.
  public var attributes: Attributes
  /// 1-based line of the fence in the lesson file.
  public var line: Int

  /// Creates a code block.
  public init(language: String?, code: String, attributes: Attributes = Attributes(), line: Int) {
    self.language = language
    self.code = code
    self.attributes = attributes
    self.line = line
  }
}

/// An image with a caption (`![alt](src "caption")`), which GTN numbers as "Figure N".
public struct Figure: Sendable, Hashable {
  /// 1-based figure number in the page.
  public var number: Int
  /// The image shown.
  public var image: Image
  /// The caption, from the image's title.
  public var caption: [Inline]

  /// Creates a figure.
  public init(number: Int, image: Image, caption: [Inline]) {
    self.number = number
    self.image = image
    self.caption = caption
  }
}

/// A pipe table (`| a | b |` rows with a `|---|---|` delimiter row).
public struct Table: Sendable, Hashable {
  /// How a column's cells are aligned.
  public enum Alignment: String, Sendable, Hashable {
    case none, left, center, right
  }

  /// One alignment per column.
  public var alignments: [Alignment]
  /// The header row's cells.
  public var header: [[Inline]]
  /// The body rows, each padded or cut to the header's width.
  public var rows: [[[Inline]]]

  /// Creates a table.
  public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
    self.alignments = alignments
    self.header = header
    self.rows = rows
  }
}
