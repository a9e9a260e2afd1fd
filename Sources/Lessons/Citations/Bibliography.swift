import Foundation

/// Reads the `tutorial.bib` beside a lesson (GTN's place for a tutorial's references) into the parse context.
enum Bibliography {
  static let maximumBytes = 4 * 1024 * 1024

  /// Loads `tutorial.bib` from the folder of `file` when there is one; returns the problems found in it, at its
  /// own lines.
  /// A `tutorial.bib` that is a link leading out of `contentRoot` is refused (nothing outside the content folder
  /// reaches a page).
  static func load(besides file: String, contentRoot: String?, into context: DialectContext) -> [Diagnostic] {
    let path = (context.folder.isEmpty ? "." : context.folder) + "/tutorial.bib"
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    context.bibliographyFile = "tutorial.bib"
    if let contentRoot {
      let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
      let realRoot = URL(fileURLWithPath: contentRoot).resolvingSymlinksInPath().path
      guard real.hasPrefix(realRoot + "/") else {
        return [Diagnostic(.warning, file: path, "the bibliography leads outside the content folder; not read")]
      }
    }
    let data: Data
    switch RegularFile.read(path, limit: maximumBytes) {
    case .success(let read): data = read
    case .failure(.notRegular): return [Diagnostic(.warning, file: path, "the bibliography is not a regular file; not read")]
    case .failure(.tooLarge): return [Diagnostic(.warning, file: path, "the bibliography is larger than 4 MB; not read")]
    case .failure(.unreadable), .failure(.missing), .failure(.symbolicLink):
      return [Diagnostic(.warning, file: path, "cannot read the bibliography")]
    }
    let text = String(decoding: data, as: UTF8.self)
    let (entries, problems) = BibTeXParser.parse(text)
    var diagnostics = problems.map { Diagnostic(.warning, file: path, line: $0.line, $0.message) }
    for entry in entries {
      if context.bibliography[entry.key] != nil {
        diagnostics.append(Diagnostic(.warning, file: path, line: entry.line, "entry \(entry.key) is defined twice; the first is used"))
        continue
      }
      context.bibliography[entry.key] = ReferenceFormatter.reference(entry)
    }
    return diagnostics
  }
}
