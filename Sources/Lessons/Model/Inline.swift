/// Inline content of a paragraph, heading, title or table cell.
///
/// Only the large cases are `indirect`: text and code need no allocation beyond their string.
public enum Inline: Sendable, Hashable {
  case text(String)
  /// A code span.
  case code(String)
  case emphasis([Inline])
  case strong([Inline])
  case link(url: String, title: String?, content: [Inline])
  indirect case image(Image)
  /// Raw inline HTML the author wrote (`<kbd>`, `<br>`), passed through.
  case html(String)
  case softBreak
  case lineBreak
  /// `{% icon name %}`; `line` is where it was written, for a warning when the name is unknown.
  case icon(name: String, line: Int)
  /// `{% tool [Label](id) %}` or `{% tool Label|id %}`.
  case tool(label: String, id: String)
  /// `{GIL}`: the first use in a page is written out ("Global Interpreter Lock (GIL)"), later ones abbreviated.
  indirect case abbreviation(Abbreviation, firstUse: Bool)
  /// `{% cite Key %}`.
  case citation(String)
  /// `$$…$$`, kept as TeX text.
  case math(String)
  /// A `{% snippet … %}` / `{% include … %}` whose content is not available: the path, shown as a note.
  case snippet(String)
  /// `[^label]` where the lesson defines `[^label]: …`; `number` is the footnote's 1-based number in the page.
  case footnoteReference(label: String, number: Int)
}

/// An image: where it is, its alternative text and its `{: …}` attributes.
public struct Image: Sendable, Hashable {
  /// The image URL as written (relative to the tutorial).
  public var source: String
  /// Alternative text.
  public var alt: String
  /// The title (`"caption"` in `![alt](src "caption")`).
  public var title: String?
  /// From `{: width="50%"}` after the image.
  public var attributes: Attributes

  /// Creates an image.
  public init(source: String, alt: String, title: String? = nil, attributes: Attributes = Attributes()) {
    self.source = source
    self.alt = alt
    self.title = title
    self.attributes = attributes
  }
}
