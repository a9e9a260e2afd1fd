/// Where each line of a lesson's expanded text came from: its own file, or a snippet or include it pulled in.
///
/// Snippets and includes are expanded before Markdown is parsed (as Jekyll runs Liquid before kramdown), so the
/// parser sees line numbers of the expanded text; this maps them back, so that a problem inside
/// `faqs/galaxy/x.md` is reported at that file's line, not at a line the lesson does not have.
public struct SourceMap: Sendable, Hashable {
  /// A file and a 1-based line in it.
  public struct Origin: Sendable, Hashable {
    /// The file.
    public var file: String
    /// The 1-based line.
    public var line: Int

    /// Creates an origin.
    public init(file: String, line: Int) {
      self.file = file
      self.line = line
    }
  }

  /// The origin of each expanded line (index 0 is line 1); empty when nothing was included, and the map is the
  /// identity.
  public var origins: [Origin]
  /// The files pulled in, in the order first included (for rebuilds when one changes).
  public var includedFiles: [String]

  /// Creates a map; the default is the identity.
  public init(origins: [Origin] = [], includedFiles: [String] = []) {
    self.origins = origins
    self.includedFiles = includedFiles
  }

  /// The origin of expanded line `line` of `file`; lines the map does not cover are `file`'s own.
  public func origin(of line: Int, in file: String) -> Origin {
    guard line >= 1, line <= origins.count else { return Origin(file: file, line: line) }
    return origins[line - 1]
  }

  /// `diagnostic` moved to the file and line its expanded line came from.
  public func mapped(_ diagnostic: Diagnostic) -> Diagnostic {
    guard !origins.isEmpty, let line = diagnostic.line else { return diagnostic }
    var moved = diagnostic
    let origin = origin(of: line, in: diagnostic.file)
    moved.file = origin.file
    moved.line = origin.line
    return moved
  }
}
