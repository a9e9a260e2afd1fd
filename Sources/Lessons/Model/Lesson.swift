/// One tutorial, parsed: where it lives, what its front matter says, its body and its Swift cells.
///
/// Parsing never runs code: `cells` are what the execution step may run, `document` is what rendering shows.
public struct Lesson: Sendable {
  /// The tutorial file, e.g. `/…/content/topics/data-science/tutorials/python-multiprocessing/tutorial.md`.
  public var file: String
  /// `topics/<topic>/tutorials/<tutorial>` — the folder of the tutorial relative to the content root;
  /// the page is written to the same path under the output folder.
  public var relativePath: String
  /// The topic folder name, e.g. `data-science`.
  public var topic: String
  /// The tutorial folder name, e.g. `python-multiprocessing`.
  public var slug: String
  /// What the YAML front matter says.
  public var frontMatter: FrontMatter
  /// The body, as the GTN dialect means it (boxes, agenda, figures, …).
  public var document: Document
  /// The Swift cells of the body, in order.
  public var cells: [Cell]
  /// Every problem found while parsing; a lesson with an error diagnostic is not built.
  public var diagnostics: [Diagnostic]
  /// The file's text as read (front matter included), so later steps need not read the file again.
  public var source: String = ""
  /// The body the parser read: the file's text with its front matter's lines left empty and its snippets and
  /// includes expanded. Cells' `fenceLines` are lines of this text; `sourceMap` maps them back to files.
  public var expandedBody: String = ""
  /// Where each line of `expandedBody` came from (the identity when nothing was included).
  public var sourceMap = SourceMap()

  /// Creates a lesson.
  public init(
    file: String, relativePath: String, topic: String, slug: String, frontMatter: FrontMatter,
    document: Document, cells: [Cell], diagnostics: [Diagnostic]
  ) {
    self.file = file
    self.relativePath = relativePath
    self.topic = topic
    self.slug = slug
    self.frontMatter = frontMatter
    self.document = document
    self.cells = cells
    self.diagnostics = diagnostics
  }
}
