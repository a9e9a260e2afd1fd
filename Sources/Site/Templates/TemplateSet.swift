import Foundation
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

  /// Loads every template under `folder`; a template that does not parse is an error with its file and line.
  init(folder: String) throws(SiteError) {
    guard try FileSystem.status(folder)?.isDirectory == true else {
      throw SiteError(.template, file: folder, reason: "the templates folder does not exist")
    }
    var library = MustacheLibrary()
    var names: Set<String> = []
    // A template linked to a file outside the folder would put that file into every page: refused.
    let realFolder = FileSystem.realPath(folder) ?? folder
    for (file, _) in try FileSystem.tree(under: folder) where file.hasSuffix(".mustache") {
      let path = folder + "/" + file
      guard let text = String(data: try FileSystem.read(path, confinedTo: realFolder), encoding: .utf8) else {
        throw SiteError(.template, file: path, reason: "the template is not UTF-8 text")
      }
      let name = String(file.dropLast(".mustache".count))
      do {
        library.register(try MustacheTemplate(string: text), named: name)
      } catch let error as MustacheTemplate.ParserError {
        throw SiteError(
          .template, file: path, line: error.context.lineNumber,
          reason: "the template does not parse (\(error.error)): \(error.context.line.trimmingCharacters(in: .whitespaces))")
      } catch {
        throw SiteError(.template, file: path, reason: "the template does not parse: \(error)")
      }
      names.insert(name)
    }
    for name in Self.required where !names.contains(name) {
      throw SiteError(.template, file: folder + "/" + name + ".mustache", reason: "a required template is missing")
    }
    self.library = library
    self.names = names
  }

  /// `template` rendered with `context`, then placed in the layout as `content`.
  func page(_ template: String, context: [String: Any]) -> String {
    var context = context
    context["content"] = library.render(context, withTemplate: template) ?? ""
    return library.render(context, withTemplate: "layout") ?? ""
  }
}
