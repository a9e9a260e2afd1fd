import Lessons

/// A lesson body rendered to HTML, with what the page around it needs.
public struct RenderedBody: Sendable {
  /// The body's HTML, well formed, to put inside the page template.
  public var html: String
  /// The `##` headings that go into the agenda, in order.
  public var tableOfContents: [TableOfContentsEntry]
  /// Abbreviations used, for the glossary at the end of the page.
  public var glossary: [Abbreviation]
  /// Problems found while rendering (unknown icons, a cell index out of range).
  public var diagnostics: [Diagnostic]

  /// Creates a rendered body.
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
  /// The heading's `id`, the link target.
  public var id: String
  /// The heading's plain text.
  public var title: String
  /// 1 for `#`, 2 for `##`: the page's agenda indents the second level.
  public var level: Int
  /// Creates an entry.
  public init(id: String, title: String, level: Int = 2) {
    self.id = id
    self.title = title
    self.level = level
  }
}

/// Renders a lesson's document to HTML.
///
/// The output is well formed (every element closed, void elements written `<br />`, attributes quoted, only the
/// entities `&amp; &lt; &gt; &quot; &#39;`), so it parses as XML once wrapped in a root element. Raw HTML the
/// author wrote passes through as GTN allows it.
public enum BodyRenderer {
  /// Renders `lesson.document`; `cellHTML` gives the HTML that stands for each Swift cell (its code, output,
  /// timing and charts), so that the body renderer needs to know nothing of execution.
  /// `galaxyURL` is the Galaxy server `{% tool %}` links open the tool on (none: the tool id is shown).
  public static func render(_ lesson: Lesson, galaxyURL: String? = nil, cellHTML: (Cell) -> String) -> RenderedBody {
    let (html, diagnostics) = withoutActuallyEscaping(cellHTML) { cellHTML in
      var writer = BodyHTMLWriter(lesson: lesson, cellHTML: cellHTML)
      writer.galaxyURL = galaxyURL
      writer.write(lesson.document.blocks)
      writer.writeFootnotes(lesson.document.footnotes)
      writer.writeReferences()
      return (writer.html, writer.diagnostics)
    }
    return RenderedBody(
      html: html,
      tableOfContents: lesson.document.tableOfContents.map { TableOfContentsEntry(id: $0.id, title: $0.title, level: $0.level) },
      glossary: lesson.document.usedAbbreviations, diagnostics: diagnostics)
  }
}
