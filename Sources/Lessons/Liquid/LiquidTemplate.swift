/// Renders the Liquid GTN writes in snippets and includes: `{% if %}`/`{% elsif %}`/`{% else %}`/`{% endif %}`,
/// `{% unless %}`, `{% case %}`/`{% when %}`, `{% for %}`, `{% capture %}`, `{% comment %}`, `{% assign %}`,
/// `{{ include.x }}`, `{{ page.x }}`, `{{ site.x }}` and names set here, with the filters of `LiquidFilters`.
/// Every other tag (`{% icon %}`, `{% tool %}`, `{% snippet %}`, `{% raw %}`…) is left as
/// written for the stages after it.
///
/// Why not Stencil (which is on this machine): Stencil's `if` treats an empty string as false where Liquid treats
/// it as true, it has no `unless` and no `raw`, it reads `{#` as a comment opener (GTN text has `{#id}` attribute
/// lines), it stops at the first tag it does not know (GTN has dozens: icon, tool, cite, snippet…), and it keeps no
/// line numbers. This subset is small, and it keeps each output line's source line for `file:line` diagnostics.
///
/// A line holding only control tags (`{% if x %}` on its own) leaves no line behind, so a condition inside a
/// Markdown list does not split it into a loose list.
enum LiquidTemplate {
  /// What a template renders to.
  struct Output: Sendable, Equatable {
    /// The output lines, without their `\n`.
    var lines: [String] = []
    /// For each output line, the 1-based source line it started on.
    var origins: [Int] = []
    /// Problems found, at source lines.
    var problems: [Problem] = []

    /// The lines joined, each ending in `\n`.
    var text: String { lines.map { $0 + "\n" }.joined() }
  }

  /// A problem in a template: an unclosed or stray block tag, an unknown filter.
  struct Problem: Sendable, Equatable {
    var line: Int
    var message: String
    var isError: Bool
  }

  /// Renders `text`, whose first line is line `firstLine` of its file, within a budget of its own.
  static func render(_ text: String, scope: LiquidScope, firstLine: Int = 1) -> Output {
    var budget = ExpansionBudget()
    return render(text, scope: scope, firstLine: firstLine, budget: &budget)
  }

  /// Renders `text` spending from `budget`, the lesson's (see `ExpansionBudget`): once it runs out, the rest is
  /// left out with an error at the line where it did.
  static func render(_ text: String, scope: LiquidScope, firstLine: Int = 1, budget: inout ExpansionBudget) -> Output {
    var renderer = Renderer(scope: scope, budget: budget)
    defer { budget = renderer.budget }
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    var index = 0
    while index < lines.count {
      var line = lines[index]
      var consumed = 1
      // A tag may span lines (`{% snippet x.md\n   param="…" %}`); up to 20.
      while LiquidPiece.hasUnclosedTag(line), index + consumed < lines.count, consumed < 20 {
        line = Substring(String(line) + "\n" + lines[index + consumed])
        consumed += 1
      }
      renderer.process(line, number: firstLine + index)
      index += consumed
    }
    return renderer.finish()
  }
}

/// One piece of a line: text, `{% tag %}` or `{{ output }}`.
enum LiquidPiece {
  case text(Substring)
  case tag(name: String, arguments: Substring, source: Substring)
  case output(expression: Substring, source: Substring)

  static let controlTags: Set<String> = [
    "if", "elsif", "else", "endif", "unless", "endunless", "comment", "endcomment", "assign", "case", "when",
    "endcase", "for", "endfor", "break", "continue", "capture", "endcapture",
  ]

  /// True when a `{%` or `{{` on the line has no closing `%}`/`}}` after it.
  static func hasUnclosedTag(_ line: Substring) -> Bool {
    guard line.containsBytes("{") else { return false }  // most lines: no tag, no generic search
    guard let open = line.firstRange(of: "{%") ?? line.firstRange(of: "{{") else { return false }
    let closer = line[open].hasPrefix("{%") ? "%}" : "}}"
    return line[open.upperBound...].firstRange(of: closer) == nil
  }

  /// The pieces of `line`; an opener without a closer is text.
  static func split(_ line: Substring) -> [LiquidPiece] {
    var pieces: [LiquidPiece] = []
    var rest = line
    while let openIndex = rest.firstIndex(ofASCII: UInt8(ascii: "{")) {
      let open = openIndex..<rest.index(after: openIndex)  // firstRange(of:) would search generically, slower
      let after = rest[open.upperBound...]
      guard let kind = after.first, kind == "%" || kind == "{",
        let close = after.dropFirst().firstRange(of: kind == "%" ? "%}" : "}}")
      else {
        let next = rest.index(after: open.lowerBound)
        if !rest[..<next].isEmpty { pieces.append(.text(rest[..<next])) }
        rest = rest[next...]
        continue
      }
      if open.lowerBound > rest.startIndex { pieces.append(.text(rest[..<open.lowerBound])) }
      let source = rest[open.lowerBound..<close.upperBound]
      var body = after.dropFirst()[..<close.lowerBound]
      if body.first == "-" { body = body.dropFirst() }
      if body.last == "-" { body = body.dropLast() }
      body = body.trimmingSpaces
      if kind == "%" {
        let name = body.prefix(while: { !$0.isWhitespace })
        pieces.append(.tag(name: String(name), arguments: body.dropFirst(name.count).trimmingSpaces, source: source))
      } else {
        pieces.append(.output(expression: body, source: source))
      }
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { pieces.append(.text(rest)) }
    return pieces
  }
}
