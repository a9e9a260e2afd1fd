import Lessons

/// A lesson body rendered to HTML, with what the page around it needs.
public struct RenderedBody: Sendable {
  public var html: String
  /// The `##` headings that go into the agenda, in order.
  public var tableOfContents: [TableOfContentsEntry]
  /// Abbreviations used, for the glossary at the end of the page.
  public var glossary: [Abbreviation]
  /// Problems found while rendering (unknown box types, missing images, unsupported Liquid tags).
  public var diagnostics: [Diagnostic]

  public init(
    html: String, tableOfContents: [TableOfContentsEntry] = [], glossary: [Abbreviation] = [],
    diagnostics: [Diagnostic] = []
  ) {
    self.html = html
    self.tableOfContents = tableOfContents
    self.glossary = glossary
    self.diagnostics = diagnostics
  }
}

/// A heading in the table of contents.
public struct TableOfContentsEntry: Sendable, Hashable {
  public var id: String
  public var title: String
  public init(id: String, title: String) {
    self.id = id
    self.title = title
  }
}

/// Renders a lesson's document to HTML.
///
/// PLACEHOLDER: implemented by the parsing/rendering work.
public enum BodyRenderer {
  /// Renders `lesson.document`; `cellHTML` gives the HTML that stands for each Swift cell (its code, output,
  /// timing and charts), so that the body renderer needs to know nothing of execution.
  public static func render(_ lesson: Lesson, cellHTML: (Cell) -> String) -> RenderedBody {
    RenderedBody(html: lesson.cells.map(cellHTML).joined(separator: "\n"))
  }
}
