import Foundation
import Markdown

/// Reads a tutorial file in the GTN dialect into a `Lesson`.
///
/// The front matter is read with Yams, the body with cmark (through the `Markdown` module), then the GTN dialect is
/// applied to cmark's syntax tree: attribute lines, boxes, the agenda, figures, tables, Liquid tags, abbreviations
/// and Swift cells. Every problem becomes a `Diagnostic` with the file and line.
public enum LessonParser {
  /// Parses the tutorial at `file`; `relativePath` is its folder relative to the content root.
  /// Problems are reported in `Lesson.diagnostics`; this only throws (`LessonParserError`) when the file cannot be
  /// read at all. `site` holds the site settings snippets read as `{{ site.x }}`; `rawHTML` (the site's setting)
  /// says whether the lesson's raw HTML is sanitised (the default) or published as written.
  public static func parse(
    file: String, relativePath: String, site: [String: String] = [:], rawHTML: RawHTMLMode = .sanitized
  ) throws -> Lesson {
    // Read by path: a file URL made the path absolute (a `getcwd` per lesson) and decoded it back, which cost
    // more than the read. Only when that fails is the file read again through a URL, for the error's wording.
    if let data = FileManager.default.contents(atPath: file) {
      return parse(data: data, file: file, relativePath: relativePath, site: site, rawHTML: rawHTML)
    }
    let data: Data
    do {
      // `isDirectory: false`: without it the URL asks the file system whether the path is a folder.
      data = try Data(contentsOf: URL(fileURLWithPath: file, isDirectory: false))
    } catch {
      throw LessonParserError(file: file, reason: "cannot read the file: \(error.localizedDescription)")
    }
    return parse(data: data, file: file, relativePath: relativePath, site: site, rawHTML: rawHTML)
  }

  /// Parses lesson text already in memory (what `parse(file:relativePath:)` does after reading), for tests and
  /// tools; `file` names the lesson in diagnostics and locates its images.
  public static func parse(
    data: Data, file: String, relativePath: String, site: [String: String] = [:], rawHTML: RawHTMLMode = .sanitized
  ) -> Lesson {
    var diagnostics: [Diagnostic] = []
    let text: String
    if let decoded = String(validatingUTF8Data: data) {
      text = decoded
    } else {
      let line = firstInvalidLine(data)
      diagnostics.append(Diagnostic(.error, file: file, line: line, "the file is not valid UTF-8"))
      text = String(decoding: data, as: UTF8.self)
    }
    return parse(text: text, file: file, relativePath: relativePath, site: site, rawHTML: rawHTML, diagnostics: diagnostics)
  }

  /// Parses lesson text.
  public static func parse(
    text: String, file: String, relativePath: String, site: [String: String] = [:], rawHTML: RawHTMLMode = .sanitized
  ) -> Lesson {
    parse(text: text, file: file, relativePath: relativePath, site: site, rawHTML: rawHTML, diagnostics: [])
  }

  private static func parse(
    text: String, file: String, relativePath: String, site: [String: String], rawHTML: RawHTMLMode,
    diagnostics: [Diagnostic]
  ) -> Lesson {
    var diagnostics = diagnostics
    let parts = relativePath.split(separator: "/").map(String.init)
    let slug = parts.last ?? ""
    let topic = parts.count > 1 && parts[0] == "topics" ? parts[1] : (parts.first ?? "")
    let split = FrontMatterSplitter.split(text)
    var frontMatter = FrontMatter(title: slug)
    if let yaml = split.yaml {
      let (parsed, problems) = FrontMatterParser.parse(yaml, firstLine: 2, file: file, fallbackTitle: slug)
      frontMatter = parsed
      diagnostics += problems
    } else if split.unclosed {
      diagnostics.append(Diagnostic(.error, file: file, line: 1, "front matter opened with --- is never closed"))
    } else {
      diagnostics.append(Diagnostic(.warning, file: file, line: 1, "no YAML front matter (--- … ---) at the top"))
    }
    var page = frontMatter.liquidVariables
    // GTN's page.url: the page's path from the site root (`/topics/x/tutorials/y/tutorial.html`).
    let pageName = PathText.deletingExtension(ofName: PathText.lastComponent(file)) + ".html"
    page["url"] = "/" + (relativePath.isEmpty ? "" : relativePath + "/") + pageName
    let scope = LiquidScope(page: page, site: site)
    let root = contentRoot(file: file, relativePath: relativePath)
    let prepared = PreparedBody.prepare(split.body, file: file, root: root, scope: scope)
    let expandedBody = prepared.text
    let sourceMap = prepared.map
    diagnostics += prepared.diagnostics
    let kramdown = KramdownLinePass.apply(expandedBody, scope: scope)
    let body = SiteLinkRewriter.rewrite(kramdown.body, relativePath: relativePath)
    let source = SourceLines(body, lines: body == kramdown.body ? kramdown.unchangedLines : nil)
    let context = DialectContext(file: file, frontMatter: frontMatter, source: source)
    context.rawHTML = rawHTML
    context.reportedIncludeLines = prepared.reportedLines
    context.choices = prepared.choices
    context.links = LinkChecker(contentRoot: root, folder: context.folder)
    for problem in kramdown.problems { context.warn(problem.line, problem.message) }
    diagnostics += Bibliography.load(besides: file, contentRoot: root, into: context)
    let tree = AttributeLineSeparator(source: source).separate(Markdown.parse(MathSpanProtector.protect(body)))
    context.footnoteLabels = FootnoteScanner.labels(in: tree.children)
    let blocks = BlockTransformer(context: context).transform(tree.children, inBox: false)
    var document = Document(
      blocks: blocks, tableOfContents: context.tableOfContents, usedAbbreviations: context.usedAbbreviations,
      footnotes: context.footnotes())
    document.references = context.citedReferences()
    var cells = context.cells
    for index in cells.indices {
      let origin = sourceMap.origin(of: cells[index].line, in: file)
      if origin.file == file { cells[index].line = origin.line }
    }
    var lesson = Lesson(
      file: file, relativePath: relativePath, topic: topic, slug: slug, frontMatter: frontMatter, document: document,
      cells: cells, diagnostics: sortedByLine(diagnostics + context.diagnostics.map(sourceMap.mapped)))
    lesson.source = text
    lesson.expandedBody = expandedBody
    lesson.sourceMap = sourceMap
    return lesson
  }

  /// The content root: the lesson's folder without its `relativePath`; nil when the file is not laid out so
  /// (a lesson parsed on its own), and then nothing is included.
  static func contentRoot(file: String, relativePath: String) -> String? {
    let folder = PathText.deletingLastComponent(file)
    guard !relativePath.isEmpty else { return folder.isEmpty ? "." : folder }
    if folder == relativePath { return "." }
    guard folder.hasSuffix("/" + relativePath) else { return nil }
    let root = String(folder.dropLast(relativePath.count + 1))
    return root.isEmpty ? "/" : root
  }

  /// The front matter's title of lesson text, without parsing the body (another lesson's title for a link to it);
  /// nil when the text has no readable front matter or no title.
  public static func title(of text: String) -> String? {
    guard let yaml = FrontMatterSplitter.split(text).yaml else { return nil }
    let (frontMatter, problems) = FrontMatterParser.parse(yaml, firstLine: 2, file: "", fallbackTitle: "")
    return problems.isEmpty && !frontMatter.title.isEmpty ? frontMatter.title : nil
  }

  /// Diagnostics in file order (whole-file ones first); the passes find them in tree order.
  private static func sortedByLine(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { left, right in
      let leftLine = left.element.line ?? 0
      let rightLine = right.element.line ?? 0
      return leftLine != rightLine ? leftLine < rightLine : left.offset < right.offset
    }.map(\.element)
  }

  private static func firstInvalidLine(_ data: Data) -> Int {
    var line = 1
    var start = 0
    let bytes = [UInt8](data)
    while start < bytes.count {
      var end = start
      while end < bytes.count, bytes[end] != 10 { end += 1 }
      if String(validating: bytes[start..<end], as: UTF8.self) == nil { return line }
      line += 1
      start = end + 1
    }
    return line
  }
}

/// Why a lesson file could not be parsed at all (it could not be read).
public struct LessonParserError: Error, Sendable, CustomStringConvertible {
  /// The file that failed.
  public var file: String
  /// What went wrong.
  public var reason: String

  /// Creates an error.
  public init(file: String, reason: String) {
    self.file = file
    self.reason = reason
  }

  /// `file: error: reason`.
  public var description: String { "\(file): error: \(reason)" }
}

extension String {
  fileprivate init?(validatingUTF8Data data: Data) {
    guard let text = String(validating: data, as: UTF8.self) else { return nil }
    self = text
  }
}
