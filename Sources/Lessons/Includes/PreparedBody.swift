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
    var budget = ExpansionBudget()
    if hasControlTags(body) || body.containsBytes("{{ include.") || body.containsBytes("{{include.") {
      let output = LiquidTemplate.render(body, scope: scope, budget: &budget)
      prepared.text = output.lines.joined(separator: "\n") + (body.hasSuffix("\n") ? "\n" : "")
      origins = output.origins.map { SourceMap.Origin(file: file, line: $0) }
      prepared.map = SourceMap(origins: origins ?? [])
      prepared.diagnostics += output.problems.map {
        Diagnostic($0.isError ? .error : .warning, file: file, line: $0.line, $0.message)
      }
    }
    if IncludeExpander.mayInclude(prepared.text), let root {
      let expansion = IncludeExpander.expand(
        prepared.text, file: file, origins: origins, files: IncludeFiles(root: root), scope: scope, budget: budget)
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
    tagNames(in: text) { LiquidPiece.controlTags.contains($0) }
  }

  /// True when a `{% name …` in `text` has a name `matches` accepts; a scan of the bytes (this runs on every lesson).
  static func tagNames(in text: String, _ matches: (String) -> Bool) -> Bool {
    guard text.containsBytes("{%") else { return false }
    var copy = text
    return copy.withUTF8 { utf8 in tagNames(in: utf8, matches) }
  }

  private static func tagNames(in utf8: UnsafeBufferPointer<UInt8>, _ matches: (String) -> Bool) -> Bool {
    var from = 0
    while let index = ByteSearch.firstOffset(of: UInt8(ascii: "{"), in: utf8, from: from), index + 1 < utf8.count {
      from = index + 1
      guard utf8[index + 1] == UInt8(ascii: "%") else { continue }
      var cursor = index + 2
      while cursor < utf8.count, utf8[cursor] == UInt8(ascii: "-") || utf8[cursor] == 32 || utf8[cursor] == 9 { cursor += 1 }
      var end = cursor
      while end < utf8.count, (utf8[end] >= 97 && utf8[end] <= 122) || (utf8[end] >= 65 && utf8[end] <= 90) { end += 1 }
      if end > cursor, matches(String(decoding: utf8[cursor..<end], as: UTF8.self)) { return true }
    }
    return false
  }
}
