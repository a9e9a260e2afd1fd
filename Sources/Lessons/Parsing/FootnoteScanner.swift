import Markdown

/// Finds the footnote definitions of a lesson (`[^label]: text` paragraphs; CommonMark has no footnotes) before the
/// body is transformed, so that references earlier in the text than their definitions are recognised.
enum FootnoteScanner {
  /// The labels defined anywhere in `nodes`.
  static func labels(in nodes: [MarkdownNode]) -> Set<String> {
    var labels: Set<String> = []
    for node in nodes {
      if node.kind == .paragraph, let first = node.children.first, definitionLabel(first) != nil {
        for group in definitionGroups(node.children) {
          if let label = group.first.flatMap(definitionLabel) { labels.insert(label) }
        }
      } else if node.kind.isBlock, node.kind != .paragraph, node.kind != .heading {  // those hold only inlines
        labels.formUnion(Self.labels(in: node.children))
      }
    }
    return labels
  }

  /// A paragraph of definitions on consecutive lines (`[^1]: a` then `[^2]: b`) cut into one group of inlines per
  /// definition, as kramdown reads them; each group starts with its `[^label]:` text.
  static func definitionGroups(_ children: [MarkdownNode]) -> [ArraySlice<MarkdownNode>] {
    var groups: [ArraySlice<MarkdownNode>] = []
    var start = 0
    for index in children.indices.dropFirst() where children[index - 1].kind == .softBreak || children[index - 1].kind == .lineBreak {
      if definitionMarker(children[index]) != nil {
        groups.append(children[start..<(index - 1)])
        start = index
      }
    }
    groups.append(children[start...])
    return groups
  }

  /// The label of `[^label]:` at the start of a paragraph's first text node, with the length of the marker.
  static func definitionLabel(_ node: MarkdownNode) -> String? {
    definitionMarker(node).map(\.label)
  }

  static func definitionMarker(_ node: MarkdownNode) -> (label: String, markerEnd: String.Index)? {
    guard node.kind == .text, let text = node.literal, text.hasPrefix("[^"),
      let close = text.firstIndex(of: "]")
    else { return nil }
    let afterClose = text.index(after: close)
    guard afterClose < text.endIndex, text[afterClose] == ":" else { return nil }
    let label = String(text[text.index(text.startIndex, offsetBy: 2)..<close])
    guard !label.isEmpty, !label.contains(" ") else { return nil }
    return (label, text.index(after: afterClose))
  }
}
