import Markdown

/// Moves kramdown attribute lines (`{: .solution}`) out of the paragraphs cmark put them in.
///
/// In CommonMark an attribute line right after a paragraph is part of that paragraph, and a line such as
/// `> {: .solution}` after `> > text` is a *lazy continuation* of the inner paragraph. kramdown sees each attribute
/// line as a block of its own that closes the element before it. This pass restores kramdown's reading: each
/// attribute line becomes a `customBlock` node (literal = the line) placed, using the number of `>` that open
/// the line in the source, in the container it was written in, right after the block it closes.
struct AttributeLineSeparator {
  let source: SourceLines

  /// A node that has to move out to a container with fewer `>`.
  private struct Escaped {
    var node: MarkdownNode
    var depth: Int
  }

  func separate(_ document: consuming MarkdownNode) -> MarkdownNode {
    _ = separate(&document.children, depth: 0)
    return document
  }

  /// Separates the attribute lines of `nodes` in place (a container without any keeps its array and nodes as they
  /// are, nothing copied); returns the nodes that escape to a container with fewer `>`.
  private func separate(_ nodes: inout [MarkdownNode], depth: Int) -> [Escaped] {
    var escaped: [Escaped] = []
    var index = 0
    while index < nodes.count {
      var moved: [Escaped] = []
      var replacement: [MarkdownNode]?
      switch nodes[index].kind {
      case .blockQuote:
        moved = separate(&nodes[index].children, depth: depth + 1)
      case .list:
        for item in nodes[index].children.indices {
          moved += separate(&nodes[index].children[item].children, depth: depth)
        }
      case .paragraph:
        // Most paragraphs hold no attribute line: kept where they are.
        if nodes[index].children.contains(where: { Self.looksLikeAttributeLine($0) }) {
          let split = splitParagraph(nodes[index], depth: depth)
          replacement = split.nodes
          moved = split.escaped
        }
      case .htmlBlock:
        if let literal = nodes[index].literal, literal.containsBytes("{:") {
          let split = splitHTMLBlock(nodes[index], depth: depth)
          replacement = split.nodes
          moved = split.escaped
        }
      default:
        break
      }
      guard replacement != nil || !moved.isEmpty else {
        index += 1
        continue
      }
      var output = replacement ?? [nodes[index]]
      for item in moved {
        if item.depth >= depth && escaped.isEmpty { output.append(item.node) } else { escaped.append(item) }
      }
      nodes.replaceSubrange(index...index, with: output)
      index += output.count
    }
    return escaped
  }

  /// Splits a paragraph that holds attribute lines at them. Lines written with fewer `>` than `depth` (lazy lines) escape,
  /// and so does everything after the first of them.
  private func splitParagraph(_ paragraph: MarkdownNode, depth: Int) -> (
    nodes: [MarkdownNode], escaped: [Escaped]
  ) {
    var nodes: [MarkdownNode] = []
    var escaped: [Escaped] = []
    var current: [MarkdownNode] = []
    var currentStart = paragraph.startLine
    var line = paragraph.startLine
    var escaping = false

    func flush(endLine: Int, nextLine: Int) {
      while let last = current.last, last.kind == .softBreak || last.kind == .lineBreak { current.removeLast() }
      if !current.isEmpty {
        var piece = paragraph
        piece.children = current
        piece.startLine = currentStart
        piece.endLine = max(currentStart, endLine)
        if escaping {
          escaped.append(Escaped(node: piece, depth: source.quoteDepth(ofLine: currentStart)))
        } else {
          nodes.append(piece)
        }
      }
      current = []
      currentStart = nextLine
    }

    let children = paragraph.children
    var groupStart = 0
    while groupStart < children.count {
      var groupEnd = groupStart
      while groupEnd < children.count, children[groupEnd].kind != .softBreak, children[groupEnd].kind != .lineBreak {
        groupEnd += 1
      }
      let contentEnd = groupEnd
      if groupEnd < children.count { groupEnd += 1 }  // the break belongs to the line it ends
      let group = children[groupStart..<groupEnd]
      let single = contentEnd - groupStart == 1 ? children[groupStart] : nil
      groupStart = groupEnd
      if let single, single.kind == .text, let literal = single.literal, literal.utf8.first == UInt8(ascii: "{"),
        AttributeListParser.parse(literal[...]) != nil
      {
        // A code span or raw HTML running over a line break holds no break node: find the line it is on.
        // (The attribute line's own text is trimmed once, not again for every line compared with it.)
        let wanted = literal.trimmingSpaces
        var at = line
        while at < paragraph.endLine, source.content(ofLine: at).trimmingSpaces != wanted { at += 1 }
        if source.content(ofLine: at).trimmingSpaces == wanted { line = at }
        let lineDepth = source.quoteDepth(ofLine: line)
        let isLazy = lineDepth < depth && source.content(ofLine: line).hasPrefix("{:")
        flush(endLine: line - 1, nextLine: line + 1)
        let node = MarkdownNode(kind: .customBlock, literal: literal, startLine: line, startColumn: 1)
        if isLazy || escaping {
          escaping = true
          escaped.append(Escaped(node: node, depth: lineDepth))
        } else {
          nodes.append(node)
        }
      } else {
        if current.isEmpty { currentStart = line }
        current += group
      }
      line += 1
    }
    flush(endLine: paragraph.endLine, nextLine: line)
    return (nodes, escaped)
  }

  /// Splits an HTML block at its attribute lines: CommonMark runs an HTML block on to the next blank line, so
  /// `</details>` then `{: .question}` keeps the attribute line as HTML, where kramdown applies it.
  private func splitHTMLBlock(_ block: MarkdownNode, depth: Int) -> (nodes: [MarkdownNode], escaped: [Escaped]) {
    guard let literal = block.literal else { return ([block], []) }
    let lines = literal.split(separator: "\n", omittingEmptySubsequences: false)
    var nodes: [MarkdownNode] = []
    var escaped: [Escaped] = []
    var pending: [Substring] = []
    var pendingStart = block.startLine
    var escaping = false
    func flush() {
      guard !pending.isEmpty else { return }
      var piece = block
      piece.literal = pending.joined(separator: "\n") + "\n"
      piece.startLine = pendingStart
      piece.endLine = pendingStart + pending.count - 1
      if escaping {
        escaped.append(Escaped(node: piece, depth: source.quoteDepth(ofLine: pendingStart)))
      } else {
        nodes.append(piece)
      }
      pending = []
    }
    for (offset, text) in lines.enumerated() {
      let line = block.startLine + offset
      let trimmed = text.trimmingSpaces
      if offset > 0, trimmed.hasPrefix("{:"), AttributeListParser.parse(trimmed) != nil {
        flush()
        let lineDepth = source.quoteDepth(ofLine: line)
        let node = MarkdownNode(kind: .customBlock, literal: String(trimmed), startLine: line, startColumn: 1)
        if lineDepth < depth || escaping {
          escaping = true
          escaped.append(Escaped(node: node, depth: lineDepth))
        } else {
          nodes.append(node)
        }
        pendingStart = line + 1
      } else if !(text.isEmpty && offset == lines.count - 1) {
        if pending.isEmpty { pendingStart = line }
        pending.append(text)
      }
    }
    flush()
    return (nodes, escaped)
  }

  private static func looksLikeAttributeLine(_ node: MarkdownNode) -> Bool {
    guard node.kind == .text, let literal = node.literal else { return false }
    let utf8 = literal.utf8
    return utf8.first == UInt8(ascii: "{") && utf8.dropFirst().first == UInt8(ascii: ":")
  }
}
