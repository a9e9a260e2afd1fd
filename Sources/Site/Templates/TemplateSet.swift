import Foundation
import Lessons
import Mustache

/// The Mustache templates of the site, read from the templates folder at build time so that an author restyles
/// the site by editing them, without recompiling.
///
/// Every `*.mustache` file under the folder is registered under its path without the extension
/// (`layout`, `tutorial`, `partials/overview`), so any of them can be used as a partial. Pages are rendered in two
/// steps: the page's own template, then `layout` around it with the result as `{{{content}}}`.
struct TemplateSet: Sendable {
  /// Templates a site cannot be built without.
  static let required = ["layout", "tutorial", "index"]

  private let library: MustacheLibrary
  let names: Set<String>
  /// What the build says about the templates (`RetiredTemplateKeys`): each template's file and line.
  let warnings: [Diagnostic]
  /// The templates `TemplateRenderer` renders (all of them unless one uses what it does not reproduce).
  let program: TemplateProgram

  /// Loads every template under `folder`; a template that does not parse is an error with its file and line.
  init(folder: String) throws(SiteError) {
    guard try FileSystem.status(folder)?.isDirectory == true else {
      throw SiteError(.template, file: folder, reason: "the templates folder does not exist")
    }
    var library = MustacheLibrary()
    var names: Set<String> = []
    var compiled: [String: CompiledTemplate] = [:]
    var warnings: [Diagnostic] = []
    TemplateEscaping.register()
    // A template linked to a file outside the folder would put that file into every page: refused.
    let realFolder = FileSystem.realPath(folder) ?? folder
    for (file, _) in try FileSystem.tree(under: folder) where file.hasSuffix(".mustache") {
      let path = folder + "/" + file
      guard let text = String(data: try FileSystem.read(path, confinedTo: realFolder), encoding: .utf8) else {
        throw SiteError(.template, file: path, reason: "the template is not UTF-8 text")
      }
      let name = String(file.dropLast(".mustache".count))
      // Every template escapes `{{…}}` with `TemplateEscaping` (its pragma line leaves no trace in the output).
      guard let template = try? MustacheTemplate(string: TemplateEscaping.pragma + text) else {
        // The error as the author wrote the template, with its own line numbers.
        _ = try Self.parse(text, path: path)
        throw SiteError(.template, file: path, reason: "the template does not parse")
      }
      warnings += RetiredTemplateKeys.warnings(in: text, path: path)
      library.register(template, named: name)
      names.insert(name)
      compiled[name] = CompiledTemplate(template)
    }
    for name in Self.required where !names.contains(name) {
      throw SiteError(.template, file: folder + "/" + name + ".mustache", reason: "a required template is missing")
    }
    self.library = library
    self.names = names
    self.warnings = warnings.sorted { ($0.file, $0.line ?? 0) < ($1.file, $1.line ?? 0) }
    self.program = TemplateProgram(compiled, library: names)
  }

  /// `text` parsed as a template; a template that does not parse is an error with its file and line.
  private static func parse(_ text: String, path: String) throws(SiteError) -> MustacheTemplate {
    do {
      return try MustacheTemplate(string: text)
    } catch let error as MustacheTemplate.ParserError {
      throw SiteError(
        .template, file: path, line: error.context.lineNumber,
        reason: "the template does not parse (\(error.error)): \(error.context.line.trimmingCharacters(in: .whitespaces))")
    } catch {
      throw SiteError(.template, file: path, reason: "the template does not parse: \(error)")
    }
  }

  /// `template` rendered with `context`, then placed in the layout as `content`.
  ///
  /// `TemplateRenderer` renders it, with swift-mustache's output; a page whose templates or values it does not
  /// reproduce is rendered by the library.
  func page(_ template: String, context: [String: Any]) -> String {
    guard let bytes = try? renderedPage(template, context: context) else { return libraryPage(template, context: context) }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// `page` as the UTF-8 bytes to write (a lesson page is never made a `String`).
  func pageUTF8(_ template: String, context: [String: Any]) -> [UInt8] {
    (try? renderedPage(template, context: context)) ?? Array(libraryPage(template, context: context).utf8)
  }

  /// The page as `TemplateRenderer` renders it; throws for templates or values it leaves to the library.
  func renderedPage(_ template: String, context: [String: Any]) throws(TemplateRenderer.Unsupported) -> [UInt8] {
    // A template the renderer did not compile is known at load: no page is rendered halfway to find it out.
    guard program.index["layout"] != nil, program.index[template] != nil else { throw TemplateRenderer.Unsupported() }
    var renderer = TemplateRenderer(program: program, capacity: 1 << 15)
    try renderer.render(template, context: context)
    let content = RenderedHTML(bytes: renderer.output)
    renderer = TemplateRenderer(program: program, capacity: content.bytes.count + 8192)
    try renderer.render("layout", context: LayoutContext(page: context, content: content))
    return renderer.output
  }

  /// The page as swift-mustache renders it.
  func libraryPage(_ template: String, context: [String: Any]) -> String {
    var context = context
    context["content"] = library.render(context, withTemplate: template) ?? ""
    return library.render(context, withTemplate: "layout") ?? ""
  }
}
