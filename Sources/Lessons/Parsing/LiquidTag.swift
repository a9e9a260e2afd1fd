/// Liquid tags GTN lessons use inside text: `{% icon x %}`, `{% tool … %}`, `{% snippet … %}`, `{% include … %}`,
/// `{% cite … %}`, `{{ page.title }}`. Each becomes an inline element or a warning; raw Liquid never reaches the page.
enum LiquidTag {
  /// The inline for `{% body %}` (statement) or `{{ body }}` (output); nil when it renders to nothing.
  static func resolve(_ body: String, isOutput: Bool, line: Int, context: DialectContext) -> Inline? {
    let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
    guard let name = words.first else {
      context.warn(line, "empty Liquid tag left out")
      return nil
    }
    if isOutput { return output(String(name), line: line, context: context) }
    switch name {
    case "icon":
      guard words.count >= 2 else {
        context.warn(line, "{% icon %} needs a name")
        return nil
      }
      return .icon(name: String(words[1]), line: line)
    case "tool":
      return tool(body.drop(while: { $0 == " " || $0 == "\t" }).dropFirst(4), line: line, context: context)
    case "snippet", "include":
      let path = words.count >= 2 ? String(words[1]) : ""
      if !context.reportedIncludeLines.contains(line) {
        context.warn(line, "{% \(name) \(path) %}: not expanded (only a tag alone on its line, in a lesson under a content folder, is); shown as a note")
      }
      return .snippet(path)
    case "cite":
      let keys = words.dropFirst().filter { !$0.hasPrefix("--") }.map(String.init)
      guard !keys.isEmpty else {
        context.warn(line, "{% cite %} needs a key")
        return nil
      }
      for key in keys {
        if context.bibliography[key] != nil {
          if !context.citedKeys.contains(key) { context.citedKeys.append(key) }
        } else if let bib = context.bibliographyFile {
          context.warn(line, "{% cite \(key) %}: no entry '\(key)' in \(bib); the key is shown")
        } else {
          context.warn(line, "{% cite \(key) %}: no tutorial.bib beside the lesson; the key is shown")
        }
      }
      return .citation(keys.joined(separator: " "))
    case "raw", "endraw", "comment", "endcomment":
      return nil
    default:
      context.warn(line, "Liquid tag {% \(name) … %} is not supported; left out")
      return nil
    }
  }

  private static func output(_ expression: String, line: Int, context: DialectContext) -> Inline? {
    switch expression {
    case "page.title":
      return .text(context.frontMatter.title)
    case "page.zenodo_link":
      if let link = context.frontMatter.zenodoLink, !link.isEmpty { return .text(link) }
      context.warn(line, "{{ page.zenodo_link }} used but the front matter has no zenodo_link")
      return nil
    case "site.baseurl", "site.url":
      return nil
    default:
      context.warn(line, "Liquid output {{ \(expression) }} is not supported; left out")
      return nil
    }
  }

  /// `[Label](id)` or `Label|id` or just `id`.
  private static func tool(_ text: Substring, line: Int, context: DialectContext) -> Inline? {
    let trimmed = text.trimmingSpaces
    if trimmed.hasPrefix("["), let close = trimmed.firstRange(of: "]("), trimmed.hasSuffix(")") {
      let label = trimmed[trimmed.index(after: trimmed.startIndex)..<close.lowerBound]
      let id = trimmed[close.upperBound..<trimmed.index(before: trimmed.endIndex)]
      return .tool(label: String(label), id: String(id))
    }
    if let bar = trimmed.firstIndex(of: "|") {
      return .tool(
        label: String(trimmed[..<bar].trimmingSpaces), id: String(trimmed[trimmed.index(after: bar)...].trimmingSpaces))
    }
    guard !trimmed.isEmpty else {
      context.warn(line, "{% tool %} needs a tool")
      return nil
    }
    let label = trimmed.split(separator: "/").dropLast().last.map(String.init) ?? String(trimmed)
    return .tool(label: label, id: String(trimmed))
  }
}

extension StringProtocol where SubSequence == Substring {
  /// The text without leading and trailing spaces, tabs and newlines.
  var trimmingSpaces: Substring {
    let text = self[...]
    // Most text starts and ends with an ASCII byte that is no space: nothing to trim, no Character to look at. (A
    // Character is whitespace when its first scalar is; the last Character's first scalar is a prepended mark or that
    // very byte, and neither is whitespace.)
    let utf8 = text.utf8
    if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80,
      !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last)
    {
      return text
    }
    guard let start = text.firstIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
    guard let end = text.lastIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
    return text[start...end]
  }

  /// Tab, line feed, vertical tab, form feed, carriage return and space: the ASCII bytes Unicode calls white space.
  private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 32 || (byte >= 9 && byte <= 13)
  }
}
