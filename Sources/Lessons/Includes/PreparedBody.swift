/// A lesson body made ready for Markdown, as Jekyll makes a page ready for kramdown: its Liquid control flow
/// rendered (`{% if page.x %}…{% endif %}`, with the front matter and site settings), then its snippets and
/// includes expanded. `map` gives every resulting line's file and line, for diagnostics.
struct PreparedBody {
  var text: String
  var map = SourceMap()
  var diagnostics: [Diagnostic] = []
  /// Lines holding an include tag already reported (see `IncludeExpander.Expansion.reportedLines`).
  var reportedLines: Set<Int> = []
  /// "Choose your own tutorial" branch names.
  var choices: Set<String> = []

  /// `body` (the front matter's lines left empty) of `file`; includes are resolved under `root` when there is one.
  static func prepare(_ body: String, file: String, root: String?, scope: LiquidScope) -> PreparedBody {
    var prepared = PreparedBody(text: body)
    var origins: [SourceMap.Origin]?
    if hasControlTags(body) {
      let output = LiquidTemplate.render(body, scope: scope)
      prepared.text = output.lines.joined(separator: "\n") + (body.hasSuffix("\n") ? "\n" : "")
      origins = output.origins.map { SourceMap.Origin(file: file, line: $0) }
      prepared.map = SourceMap(origins: origins ?? [])
      prepared.diagnostics += output.problems.map {
        Diagnostic($0.isError ? .error : .warning, file: file, line: $0.line, $0.message)
      }
    }
    if IncludeExpander.mayInclude(prepared.text), let root {
      let expansion = IncludeExpander.expand(
        prepared.text, file: file, origins: origins, files: IncludeFiles(root: root), scope: scope)
      prepared.text = expansion.text
      prepared.map = expansion.map
      prepared.reportedLines = expansion.reportedLines
      prepared.choices = expansion.choices
      prepared.diagnostics += expansion.diagnostics
    }
    return prepared
  }

  /// True when `text` has a Liquid control tag (`if`, `unless`, `assign`, `comment`): most lessons have none, and
  /// are then left exactly as written.
  static func hasControlTags(_ text: String) -> Bool {
    var rest = Substring(text)
    while let open = rest.firstRange(of: "{%") {
      let after = rest[open.upperBound...].drop { $0 == "-" || $0 == " " || $0 == "\t" }
      let name = after.prefix { $0.isLetter }
      if LiquidPiece.controlTags.contains(String(name)) { return true }
      rest = rest[open.upperBound...]
    }
    return false
  }
}
