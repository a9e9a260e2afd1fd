import Markdown

/// `<div markdown="1">` and `<details markdown="1">`: kramdown parses the Markdown inside such an element, while
/// CommonMark keeps a whole HTML block (up to the next blank line) as raw HTML. The block is cut into its opening
/// line, leading lines that are whole HTML elements (`<summary>…</summary>`), the Markdown inside, and a closing
/// tag line; the Markdown is parsed and transformed like the rest of the lesson, at its own line numbers.
extension BlockTransformer {
  /// The blocks for an HTML block whose first line has `markdown="1"`; nil for any other node.
  /// `attributes` (from an attribute line after the block) go on the opening tag.
  func markdownInHTML(_ node: MarkdownNode, attributes: Attributes, attributeLine: Int?) -> [Block]? {
    guard node.kind == .htmlBlock, let literal = node.literal else { return nil }
    var lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last == "" { lines.removeLast() }
    guard let first = lines.first, let attribute = Self.markdownAttribute(in: first) else { return nil }
    let hasClosingLine = lines.count > 1 && lines.last.map { $0.trimmingSpaces.hasPrefix("</") } == true
    // An element that goes on past this block (its Markdown runs on after a blank line): an attribute line right after
    // the block closes what the Markdown inside ends with (`> …` then `{: .details}`), as in kramdown, not the element.
    var attributes = attributes
    var innerAttributeLine: Int?
    if !hasClosingLine, let line = attributeLine, lines.count > 1 {
      innerAttributeLine = line
      attributes = Attributes()
    }
    var opening = first
    opening.removeSubrange(attribute)
    var blocks: [Block] = []
    var head = [String(opening)]
    var index = 1
    while index < lines.count, Self.isWholeElement(lines[index]) {
      head.append(String(lines[index]))
      index += 1
    }
    let headHTML = htmlApplying(
      attributes, to: head.joined(separator: "\n") + "\n", attributeLine: innerAttributeLine == nil ? attributeLine : nil)
    blocks.append(.html(context.publishedHTML(headHTML, line: node.startLine)))
    if let branch = Self.choiceBranch(opening, choices: context.choices) {
      blocks.append(.paragraph([.strong([.text("Version: \(branch)")])], Attributes(classes: ["cyoa-branch"])))
    }
    var end = lines.count
    var closing: String?
    if end > index, let last = lines.last, last.trimmingSpaces.hasPrefix("</"), last.trimmingSpaces.hasSuffix(">") {
      closing = String(last)
      end -= 1
    }
    if end > index {
      // Padding with empty lines gives cmark the file's line numbers.
      var inner = String(repeating: "\n", count: node.startLine + index - 1) + lines[index..<end].joined(separator: "\n")
      if let line = innerAttributeLine {
        let lastLine = node.startLine + end - 1
        inner += String(repeating: "\n", count: max(1, line - lastLine)) + context.source[line]
      }
      let tree = AttributeLineSeparator(source: context.source).separate(Markdown.parse(inner))
      blocks += transform(tree.children, inBox: true)
    }
    if let closing { blocks.append(.html(context.publishedHTML(closing + "\n", line: node.startLine + lines.count - 1))) }
    return blocks
  }

  /// The choice a `<div class="Name">` opening belongs to, when the lesson offers that choice.
  private static func choiceBranch(_ opening: Substring, choices: Set<String>) -> String? {
    guard !choices.isEmpty, opening.hasPrefix("<div"), let start = opening.firstRange(of: "class=\"") else { return nil }
    let classes = opening[start.upperBound...].prefix(while: { $0 != "\"" }).split(separator: " ").map(String.init)
    return classes.first { choices.contains($0) }
  }

  /// The range of ` markdown="1"` (also `'1'`, `block`, `span`) in an opening tag line.
  private static func markdownAttribute(in line: Substring) -> Range<Substring.Index>? {
    guard line.hasPrefix("<") else { return nil }
    for value in ["\"1\"", "'1'", "\"block\"", "'block'", "\"span\"", "1"] {
      if let range = line.firstRange(of: " markdown=" + value) { return range }
    }
    return nil
  }

  /// A line that is one complete element: `<summary>Title</summary>`.
  private static func isWholeElement(_ line: Substring) -> Bool {
    let trimmed = line.trimmingSpaces
    guard trimmed.hasPrefix("<"), !trimmed.hasPrefix("</"), trimmed.hasSuffix(">") else { return false }
    let name = trimmed.dropFirst().prefix(while: { $0.isLetter || $0.isNumber })
    return !name.isEmpty && trimmed.hasSuffix("</\(name)>")
  }
}
