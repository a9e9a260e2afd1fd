internal import CCmark
internal import Glibc

/// The one place that calls cmark: parse, copy the tree into Swift values, free the C memory.
enum CmarkConverter {
  static var versionString: String { String(cString: cmark_version_string()) }

  static func parse(_ text: String) -> MarkdownNode {
    let options = CMARK_OPT_SOURCEPOS | CMARK_OPT_UNSAFE
    var text = text
    return text.withUTF8 { buffer in
      let root = buffer.withMemoryRebound(to: CChar.self) { chars in
        cmark_parse_document(chars.baseAddress, chars.count, options)
      }
      guard let root else { return MarkdownNode(kind: .document) }
      defer { cmark_node_free(root) }
      cmark_consolidate_text_nodes(root)
      return convert(root, source: Source(buffer), depth: 0)
    }
  }

  /// True when the code block starting at `line`/`column` opens with a backtick or tilde fence; cmark 0.30 has
  /// no accessor for this, but the source says it.
  private static func isFenced(line: Int, column: Int, source: Source) -> Bool {
    guard line >= 1, let start = source.offset(ofLine: line) else { return false }
    let position = start + column - 1
    guard position >= 0, position < source.bytes.count else { return false }
    return source.bytes[position] == UInt8(ascii: "`") || source.bytes[position] == UInt8(ascii: "~")
  }

  /// The parsed text's bytes (valid while the conversion runs), to look up what cmark's positions point at.
  private final class Source {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The last line looked up and where it starts: code blocks come in document order, so the scan for line
    /// starts moves forward through the text once.
    private var line = 1
    private var lineStart = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// Where line `number` (1-based) starts; nil past the last line.
    func offset(ofLine number: Int) -> Int? {
      if number < line {
        line = 1
        lineStart = 0
      }
      while line < number {
        guard let base = bytes.baseAddress, lineStart < bytes.count,
          let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), bytes.count - lineStart)
        else { return nil }
        lineStart = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        line += 1
      }
      return lineStart
    }
  }

  /// Deeper nesting than this (blockquotes, lists, emphasis) is flattened to its text, so that recursion over the
  /// tree (here and in the passes above it) stays far from the stack's limit on any input.
  static let maximumDepth = 48

  private static func convert(_ node: OpaquePointer, source: Source, depth: Int) -> MarkdownNode {
    let kind = kind(of: cmark_node_get_type(node))
    if depth >= maximumDepth && cmark_node_first_child(node) != nil {
      return flattened(node, kind: kind)
    }
    var literal: String?
    var url: String?
    var title: String?
    var headingLevel = 0
    var list: MarkdownNode.ListInfo?
    var fenceInfo: String?
    let startLine = Int(cmark_node_get_start_line(node))
    let startColumn = Int(cmark_node_get_start_column(node))
    switch kind {
    case .text, .code, .htmlBlock, .htmlInline:
      literal = string(cmark_node_get_literal(node))
    case .codeBlock:
      literal = string(cmark_node_get_literal(node))
      if isFenced(line: startLine, column: startColumn, source: source) {
        fenceInfo = string(cmark_node_get_fence_info(node)) ?? ""
      }
    case .heading:
      headingLevel = Int(cmark_node_get_heading_level(node))
    case .list:
      list = MarkdownNode.ListInfo(
        ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
        start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
    case .link, .image:
      url = string(cmark_node_get_url(node)) ?? ""
      let text = string(cmark_node_get_title(node)) ?? ""
      title = text.isEmpty ? nil : text
    default:
      break
    }
    // The children are counted first so that their array is allocated once, at its size, and handed to the node
    // (appending to the node's own array grew it step by step, with a uniqueness check per child).
    var children: [MarkdownNode] = []
    if let first = cmark_node_first_child(node) {
      var count = 1
      var next = cmark_node_next(first)
      while let current = next {
        count += 1
        next = cmark_node_next(current)
      }
      children.reserveCapacity(count)
      var child: OpaquePointer? = first
      while let current = child {
        children.append(convert(current, source: source, depth: depth + 1))
        child = cmark_node_next(current)
      }
    }
    return MarkdownNode(
      kind: kind, children: children, literal: literal, url: url, title: title, headingLevel: headingLevel,
      list: list, fenceInfo: fenceInfo, startLine: startLine, startColumn: startColumn,
      endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
  }

  /// The text of `node`'s subtree, gathered with cmark's iterator (no recursion), as one paragraph (for blocks) or
  /// one text node (for inlines).
  private static func flattened(_ node: OpaquePointer, kind: MarkdownNode.Kind) -> MarkdownNode {
    var text = ""
    if let iterator = cmark_iter_new(node) {
      defer { cmark_iter_free(iterator) }
      while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
        guard event == CMARK_EVENT_ENTER, let current = cmark_iter_get_node(iterator) else { continue }
        switch cmark_node_get_type(current) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
          text += string(cmark_node_get_literal(current)) ?? ""
        case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK, CMARK_NODE_PARAGRAPH:
          text += " "
        default:
          break
        }
      }
    }
    let line = Int(cmark_node_get_start_line(node))
    let textNode = MarkdownNode(kind: .text, literal: text, startLine: line)
    guard kind.isBlock else { return textNode }
    return MarkdownNode(
      kind: .paragraph, children: [textNode], startLine: line, startColumn: Int(cmark_node_get_start_column(node)),
      endLine: Int(cmark_node_get_end_line(node)), endColumn: Int(cmark_node_get_end_column(node)))
  }

  private static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
    guard let pointer else { return nil }
    return String(cString: pointer)
  }

  private static func kind(of type: cmark_node_type) -> MarkdownNode.Kind {
    switch type {
    case CMARK_NODE_DOCUMENT: return .document
    case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
    case CMARK_NODE_LIST: return .list
    case CMARK_NODE_ITEM: return .item
    case CMARK_NODE_CODE_BLOCK: return .codeBlock
    case CMARK_NODE_HTML_BLOCK: return .htmlBlock
    case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
    case CMARK_NODE_PARAGRAPH: return .paragraph
    case CMARK_NODE_HEADING: return .heading
    case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
    case CMARK_NODE_SOFTBREAK: return .softBreak
    case CMARK_NODE_LINEBREAK: return .lineBreak
    case CMARK_NODE_CODE: return .code
    case CMARK_NODE_HTML_INLINE: return .htmlInline
    case CMARK_NODE_CUSTOM_INLINE: return .customInline
    case CMARK_NODE_EMPH: return .emphasis
    case CMARK_NODE_STRONG: return .strong
    case CMARK_NODE_LINK: return .link
    case CMARK_NODE_IMAGE: return .image
    default: return .text
    }
  }
}
