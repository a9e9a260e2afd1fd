import Markdown

/// Builds a GTN box from a blockquote and the attribute line that closes it, finding its title in either syntax:
/// `<question-title>Title</question-title>` or a `### {% icon question %} Question: Title` heading.
struct BoxBuilder {
  let context: DialectContext
  let transformer: BlockTransformer

  /// What the first line of a blockquote says about the box.
  private struct TitleInfo {
    /// The type the title names (`question` from `<question-title>` or from `{% icon question %}`).
    var type: String?
    /// True when the title came from a `<x-title>` tag, whose type must match the closing class.
    var fromTag: Bool
    /// True when the title is a heading's text.
    var isHeading = false
    var title: [Inline]
    var rest: [MarkdownNode]
  }

  func build(_ node: MarkdownNode, attributes: Attributes, attributeLine: Int?) -> Block {
    let line = node.startLine
    // The class that names a known box type decides (`{: .hidden .solution}`), else the first class.
    let boxClass = attributes.classes.first { BoxType($0).isKnown } ?? attributes.classes.first
    guard let boxClass else {
      // A plain blockquote, unless its first line says it meant to be a box.
      let looksLikeBox = startsWithTitleTag(node) || hasIconHeading(node)
      if looksLikeBox {
        let info = title(of: node.children, line: line, headingsCount: true)
        if let type = info.type, info.fromTag || BoxType(type).isKnown {
          let boxType = BoxType(type)
          context.warn(
            line,
            "box '\(boxType.name)' is not closed: add a line {: .\(boxType.name)} right after the blockquote; rendered as that box")
          return .box(
            Box(type: boxType, title: info.title, content: transformer.transform(info.rest, inBox: true),
              attributes: attributes, line: line, titleIsHeading: !info.fromTag))
        }
      }
      return .blockQuote(transformer.transform(node.children, inBox: false), attributes)
    }
    let type = BoxType(boxClass)
    var rest = attributes
    if let position = rest.classes.firstIndex(of: boxClass) { rest.classes.remove(at: position) }
    if !type.isKnown {
      context.warn(attributeLine ?? line, "unknown box type .\(boxClass); rendered as a plain box")
    }
    let info = title(of: node.children, line: line, headingsCount: true)
    if info.fromTag, let titleType = info.type, BoxType(titleType) != type {
      context.warn(
        line,
        "box opened with <\(titleType)-title> but closed with {: .\(boxClass)} at line \(attributeLine ?? line); rendered as .\(boxClass)")
    }
    return .box(
      Box(
        type: type, title: info.title, content: transformer.transform(info.rest, inBox: true), attributes: rest,
        line: line, titleIsHeading: info.isHeading))
  }

  private func startsWithTitleTag(_ node: MarkdownNode) -> Bool {
    guard let first = node.children.first else { return false }
    if first.kind == .htmlBlock { return first.literal?.hasPrefix("<") == true && first.literal?.contains("-title>") == true }
    guard first.kind == .paragraph, let opening = first.children.first, opening.kind == .htmlInline,
      let literal = opening.literal
    else { return false }
    return Self.titleTagType(literal, closing: false) != nil
  }

  private func hasIconHeading(_ node: MarkdownNode) -> Bool {
    guard let first = node.children.first, first.kind == .heading else { return false }
    return first.children.first?.literal?.hasPrefix("{% icon") == true
  }

  private func title(of children: [MarkdownNode], line: Int, headingsCount: Bool) -> TitleInfo {
    var info = TitleInfo(type: nil, fromTag: false, title: [], rest: children)
    guard let first = children.first else { return info }
    switch first.kind {
    case .paragraph:
      guard let opening = first.children.first, opening.kind == .htmlInline, let tag = opening.literal,
        let type = Self.titleTagType(tag, closing: false)
      else { return info }
      info.type = type
      info.fromTag = true
      var index = 1
      var titleNodes: [MarkdownNode] = []
      var closed = false
      while index < first.children.count {
        let child = first.children[index]
        index += 1
        if child.kind == .htmlInline, let literal = child.literal, Self.titleTagType(literal, closing: true) != nil {
          closed = true
          if Self.titleTagType(literal, closing: true) != type {
            context.warn(first.startLine, "<\(type)-title> is closed by \(literal)")
          }
          break
        }
        if child.kind == .softBreak || child.kind == .lineBreak { break }
        titleNodes.append(child)
      }
      if !closed { context.warn(first.startLine, "<\(type)-title> is not closed on its line; the line is the title") }
      info.title = InlineTransformer(context: context).transform(titleNodes, line: first.startLine)
      while index < first.children.count,
        first.children[index].kind == .softBreak || first.children[index].kind == .lineBreak
          || (first.children[index].kind == .text && first.children[index].literal?.trimmingSpaces.isEmpty == true)
      {
        index += 1
      }
      var remaining = Array(children.dropFirst())
      if index < first.children.count {
        var paragraph = first
        paragraph.children = Array(first.children[index...])
        paragraph.startLine = first.startLine + 1
        remaining.insert(paragraph, at: 0)
      }
      info.rest = remaining
    case .htmlBlock:
      let literal = first.literal ?? ""
      guard let open = literal.firstRange(of: "-title>"), literal.hasPrefix("<") else { return info }
      let type = String(literal[literal.index(after: literal.startIndex)..<open.lowerBound])
      guard Self.isTypeName(type) else { return info }
      info.type = type
      info.fromTag = true
      let afterOpen = literal[open.upperBound...]
      if let close = afterOpen.firstRange(of: "</\(type)-title>") {
        let text = afterOpen[..<close.lowerBound].trimmingSpaces
        if !text.isEmpty { info.title = [.text(String(text))] }
      } else {
        context.warn(first.startLine, "<\(type)-title> is not closed; the box has no title")
      }
      info.rest = Array(children.dropFirst())
    case .heading where headingsCount:
      var content = InlineTransformer(context: context).transform(first.children, line: first.startLine)
      if case .icon(let name, _) = content.first {
        info.type = name
        content.removeFirst()
        if case .text(let text) = content.first {
          let trimmed = String(text.drop(while: { $0 == " " }))
          if trimmed.isEmpty { content.removeFirst() } else { content[0] = .text(trimmed) }
        }
      }
      info.title = content
      info.isHeading = true
      info.rest = Array(children.dropFirst())
    default:
      break
    }
    return info
  }

  /// `question` for `<question-title>` (or `</question-title>` when `closing`).
  static func titleTagType(_ tag: String, closing: Bool) -> String? {
    // On bytes: a tag that is `<` (or `</`), a type name of ASCII letters, digits, `-` and `_`, then `-title>`, is
    // ASCII throughout, where bytes and Characters agree; any other tag is no title tag either way.
    let utf8 = tag.utf8
    let prefixCount = closing ? 2 : 1
    let suffix = "-title>".utf8
    guard utf8.count > prefixCount + suffix.count, utf8.first == UInt8(ascii: "<"),
      !closing || utf8.dropFirst().first == UInt8(ascii: "/"), utf8.suffix(suffix.count).elementsEqual(suffix)
    else { return nil }
    let name = utf8.dropFirst(prefixCount).dropLast(suffix.count)
    guard name.allSatisfy(isTypeNameByte) else { return nil }
    return String(Substring(name))
  }

  private static func isTypeName(_ name: String) -> Bool {
    !name.isEmpty && name.utf8.allSatisfy(isTypeNameByte)
  }

  private static func isTypeNameByte(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 || (byte >= 65 && byte <= 90)
  }
}
