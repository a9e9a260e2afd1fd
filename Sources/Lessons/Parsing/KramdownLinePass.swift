/// Line-level fixes that make cmark read a body as GTN's kramdown does, without adding or removing a line (line
/// numbers stay the file's):
///
/// - a `---` line right after an attribute line (`{: .hands_on}` then `---`) is a rule, not the underline of a
///   setext heading whose text would be the attribute line (kramdown has no lazy setext headings there): it is
///   written `***`, which cmark also reads as a rule;
/// - `{{ page.x }}` and `{{ site.x }}` inside fenced code are substituted, as Jekyll's Liquid runs before the
///   Markdown (unless inside `{% raw %}`);
/// - a code fence still open at the end of the file is reported (cmark silently makes the rest of the file code);
/// - a fence in a list item whose lines are written less indented than it keeps them (see `realignedFenceContent`).
enum KramdownLinePass {
  /// The rewritten body, its lines when nothing was rewritten (the split is not done twice), and the problems
  /// found (line, message).
  static func apply(_ body: String, scope: LiquidScope) -> (
    body: String, unchangedLines: [Substring]?, problems: [(line: Int, message: String)]
  ) {
    let lines = SourceLines.lines(of: body[...])
    var changes: [Int: String] = [:]
    var problems: [(line: Int, message: String)] = []
    var fence: (marker: Substring, line: Int)?
    var inRaw = false
    // One look at the whole body spares a search in each of its lines when it holds no tag at all (most do not).
    let bodyHasTags = body.containsBytes("{%")
    let bodyHasOutput = body.containsBytes("{{")
    for index in lines.indices {
      let line = lines[index]
      let content = SourceLines.droppingQuoteMarkers(line)
      let hasLiquid = bodyHasTags && line.containsBytes("{%")
      if hasLiquid, line.containsBytes("raw") {
        if line.containsBytes("{% raw %}") || line.containsBytes("{%raw%}") || line.containsBytes("{%- raw") { inRaw = true }
        if line.containsBytes("endraw") { inRaw = false }
      }
      guard let first = content.utf8.first else { continue }
      if let open = fence {
        // The byte check first: most lines in a fence do not start like its marker (a Character past ASCII may).
        if first == open.marker.utf8.first || first >= 0x80, content.hasPrefix(open.marker), content.drop(while: { $0 == open.marker.first }).allSatisfy(\.isWhitespace) {
          fence = nil
        } else if !inRaw, bodyHasOutput, line.containsBytes("{{"), let substituted = substitute(changes[index] ?? String(line), scope: scope) {
          changes[index] = substituted
        }
        continue
      }
      if first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), content.hasPrefix("```") || content.hasPrefix("~~~") {
        fence = (content.prefix(while: { $0 == content.first }), index + 1)
        changes.merge(realignedFenceContent(lines, opener: index)) { first, _ in first }
        continue
      }
      if first == UInt8(ascii: "-"), index > 0, isDashRule(content), isAttributeLine(lines[index - 1]) {
        let prefix = line.prefix(line.count - content.count)
        changes[index] = prefix + String(content.map { $0 == "-" ? "*" : $0 })
      }
    }
    if let open = fence {
      problems.append((open.line, "code fence \(open.marker) is never closed; the rest of the file is shown as code"))
    }
    guard !changes.isEmpty else { return (body, lines, problems) }
    let rewritten = lines.indices.map { changes[$0] ?? String(lines[$0]) }.joined(separator: "\n")
    return (rewritten, nil, problems)
  }

  /// A fence in a list item (`>    - text` then `>      ```) whose content lines are written less indented than the
  /// fence: kramdown keeps them in the code block (lazy lines), cmark ends the list item there, shows an empty code
  /// block and the rest as a paragraph with a visible ```. The lines are indented to the fence (their relative
  /// indentation kept) when the closing fence is at the fence's own indentation.
  private static func realignedFenceContent(_ lines: [Substring], opener: Int) -> [Int: String] {
    func split(_ line: Substring) -> (markers: Int, indent: Int, content: Substring) {
      var markers = 0
      var indent = 0
      var index = line.startIndex
      while index < line.endIndex, line[index] == ">" || line[index] == " " || line[index] == "\t" {
        if line[index] == ">" {
          markers += 1
          indent = 0
        } else {
          indent += line[index] == "\t" ? 4 : 1
        }
        index = line.index(after: index)
      }
      return (markers, indent, line[index...])
    }
    let open = split(lines[opener])
    guard open.indent >= 2 else { return [:] }
    let marker = open.content.prefix(while: { $0 == open.content.first })
    var shallow: [Int] = []
    var index = opener + 1
    while index < lines.count, index - opener <= 500 {
      let line = split(lines[index])
      if line.content.hasPrefix(marker), line.content.drop(while: { $0 == marker.first }).allSatisfy(\.isWhitespace) {
        guard line.markers == open.markers, line.indent == open.indent, !shallow.isEmpty else { return [:] }
        let least = shallow.map { split(lines[$0]).indent }.min() ?? open.indent
        let prefix = lines[opener].prefix(lines[opener].count - open.content.count)
        var changes: [Int: String] = [:]
        for number in shallow {
          let parts = split(lines[number])
          changes[number] = prefix + String(repeating: " ", count: parts.indent - least) + parts.content
        }
        return changes
      }
      if line.markers != open.markers { return [:] }
      if !line.content.isEmpty, line.indent < open.indent { shallow.append(index) }
      index += 1
    }
    return [:]
  }

  /// Three or more `-`, spaces between allowed.
  private static func isDashRule(_ content: Substring) -> Bool {
    var dashes = 0
    for byte in content.utf8 {
      if byte == UInt8(ascii: "-") {
        dashes += 1
      } else if byte != 32 && byte != 9 {
        return false  // a list item ("- text") ends here, at its first letter
      }
    }
    return dashes >= 3
  }

  private static func isAttributeLine(_ line: Substring) -> Bool {
    let content = SourceLines.droppingQuoteMarkers(line).trimmingSpaces
    return content.hasPrefix("{:") && content.hasSuffix("}")
  }

  /// The line with each known `{{ page.x }}` / `{{ site.x }}` replaced; nil when none is known.
  private static func substitute(_ line: String, scope: LiquidScope) -> String? {
    var output = ""
    var rest = Substring(line)
    var replaced = false
    while let open = rest.firstRange(of: "{{"), let close = rest[open.upperBound...].firstRange(of: "}}") {
      output += rest[..<open.lowerBound]
      let name = String(rest[open.upperBound..<close.lowerBound].trimmingSpaces)
      if name.hasPrefix("page.") || name.hasPrefix("site."), let value = scope.lookup(name) {
        output += value.rendered
        replaced = true
      } else {
        output += rest[open.lowerBound..<close.upperBound]
      }
      rest = rest[close.upperBound...]
    }
    output += rest
    return replaced ? output : nil
  }
}
