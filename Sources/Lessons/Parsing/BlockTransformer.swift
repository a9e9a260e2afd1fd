import Foundation
import Markdown

/// Turns cmark's block tree (after `AttributeLineSeparator`) into GTN `Block`s: boxes, figures, tables, the
/// agenda's table of contents, headings with ids, and Swift cells.
struct BlockTransformer {
  let context: DialectContext
  var inlines: InlineTransformer { InlineTransformer(context: context) }

  /// Transforms the children of one container; `inBox` keeps headings inside boxes out of the table of contents.
  func transform(_ nodes: [MarkdownNode], inBox: Bool) -> [Block] {
    var blocks: [Block] = []
    blocks.reserveCapacity(nodes.count)
    var index = 0
    while index < nodes.count {
      let node = nodes[index]
      index += 1
      if node.kind == .customBlock {
        if let attributes = AttributeListParser.parse((node.literal ?? "")[...]), !attributes.references.contains("toc") {
          context.warn(node.startLine, "attribute list \(node.literal ?? "") follows nothing it could apply to; left out")
        }
        continue
      }
      var attributes = Attributes()
      var attributeLine: Int?
      while index < nodes.count, nodes[index].kind == .customBlock {
        if let parsed = AttributeListParser.parse((nodes[index].literal ?? "")[...]) {
          attributes.merge(parsed)
          attributeLine = attributeLine ?? nodes[index].startLine
        }
        index += 1
      }
      if let parts = markdownInHTML(node, attributes: attributes, attributeLine: attributeLine) {
        blocks += parts
        continue
      }
      if let block = transform(node, attributes: attributes, attributeLine: attributeLine, inBox: inBox) {
        blocks.append(block)
      }
    }
    return blocks
  }

  private func transform(_ node: MarkdownNode, attributes: Attributes, attributeLine: Int?, inBox: Bool) -> Block? {
    switch node.kind {
    case .blockQuote:
      return BoxBuilder(context: context, transformer: self)
        .build(node, attributes: attributes, attributeLine: attributeLine)
    case .paragraph:
      if let table = PipeTableBuilder(context: context).table(from: node) { return .table(table) }
      return paragraph(node, attributes: attributes)
    case .heading:
      return heading(node, attributes: attributes, inBox: inBox)
    case .list:
      if isTableOfContentsList(node) { return .tableOfContents }
      let items = node.children.map { transform($0.children, inBox: inBox) }
      let info = node.list ?? MarkdownNode.ListInfo(ordered: false, start: 1, tight: true)
      return .list(ListBlock(ordered: info.ordered, start: info.start, tight: info.tight, items: items, attributes: attributes))
    case .codeBlock:
      let code = node.literal ?? ""
      let info = node.fenceInfo ?? ""
      let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" }).first.map(String.init)
      if language?.lowercased() == "swift" {
        let cell = CellBuilder.cell(
          code: code, info: info, fenceLine: node.startLine, fenceEndLine: node.endLine, index: context.cells.count,
          context: context)
        context.cells.append(cell)
        return .cell(cell.index)
      }
      return .code(CodeBlock(language: language, code: code, attributes: attributes, line: node.startLine))
    case .htmlBlock:
      let html = context.publishedHTML(
        htmlApplying(attributes, to: node.literal ?? "", attributeLine: attributeLine), line: node.startLine)
      if html.utf8.allSatisfy({ $0 == 10 || $0 == 32 }) { return nil }  // all of it removed
      if html.contains("-title>") {
        context.warn(node.startLine, "a box title tag outside the first line of a box is left out")
        return nil
      }
      if html.contains("{%") || html.contains("{{") {
        return .htmlParts(inlines.resolveLiquid(inRawHTML: html, line: node.startLine))
      }
      return .html(html)
    case .thematicBreak:
      return .thematicBreak
    default:
      return nil
    }
  }

  /// `html` with the classes and id of the attribute line after it on its first element, as kramdown applies a
  /// block attribute list to the block before it; a warning when the HTML opens no element to apply them to.
  func htmlApplying(_ attributes: Attributes, to html: String, attributeLine: Int?) -> String {
    guard !attributes.classes.isEmpty || attributes.id != nil else { return html }
    if let applied = HTMLOpeningTag.applying(attributes, to: html) { return applied }
    context.warn(
      attributeLine, "attribute list follows HTML that does not begin with an opening tag; its classes and id are left out")
    return html
  }

  private func paragraph(_ node: MarkdownNode, attributes: Attributes) -> Block? {
    if !context.footnoteLabels.isEmpty, let first = node.children.first, FootnoteScanner.definitionMarker(first) != nil {
      var line = node.startLine
      for group in FootnoteScanner.definitionGroups(node.children) {
        guard let head = group.first, let marker = FootnoteScanner.definitionMarker(head) else { continue }
        var children = Array(group)
        children[0].literal = String((head.literal ?? "")[marker.markerEnd...].drop { $0 == " " })
        context.footnoteDefinitions[marker.label] = (inlines.transform(children, line: line), line)
        line += group.filter { $0.kind == .softBreak || $0.kind == .lineBreak }.count + 1
      }
      return nil
    }
    if node.children.count == 1, let literal = node.children[0].literal, Self.isBibliographyTag(literal) {
      return .bibliography
    }
    let content = inlines.transform(node.children, line: node.startLine)
    // The inlines other than blank text: a lone image is a figure, nothing at all is no paragraph.
    var visibleCount = 0
    var lone: Inline?
    for inline in content {
      if case .text(let text) = inline, text.utf8.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 10 }) { continue }
      visibleCount += 1
      lone = visibleCount == 1 ? inline : nil
      if visibleCount > 1 { break }
    }
    if case .image(var image) = lone, let caption = image.title, !caption.isEmpty {
      image.attributes = image.attributes.merging(attributes)
      // GTN renders captions as Markdown, so they may hold emphasis, links and inline HTML.
      let parsed = Markdown.parse(MathSpanProtector.protect(caption)).children.first
      let captionNodes = parsed?.kind == .paragraph ? parsed?.children ?? [] : [MarkdownNode(kind: .text, literal: caption)]
      let captionInlines = inlines.transform(captionNodes, line: node.startLine)
      return .figure(Figure(number: context.nextFigureNumber(), image: image, caption: captionInlines))
    }
    if visibleCount == 0 { return nil }
    if case .image(var image) = lone, !attributes.isEmpty {
      // `{: width="50%"}` under a lone image is meant for the image, as GTN renders it.
      image.attributes = image.attributes.merging(attributes)
      return .paragraph([.image(image)], Attributes())
    }
    return .paragraph(content, attributes)
  }

  private func heading(_ node: MarkdownNode, attributes: Attributes, inBox: Bool) -> Block {
    let content = inlines.transform(node.children, line: node.startLine)
    let text = Self.plainText(content)
    let id = context.headingID(text: text, wanted: attributes.id)
    // GTN's kramdown has toc_levels 1..2: `#` and `##` headings, nested.
    if node.headingLevel <= 2, !inBox, !attributes.classes.contains("no_toc") {
      context.tableOfContents.append(HeadingReference(id: id, title: text, level: node.headingLevel))
    }
    return .heading(Heading(level: node.headingLevel, content: content, id: id, attributes: attributes, line: node.startLine))
  }

  /// `{% bibliography %}` (with jekyll-scholar options such as `--cited`) alone in its paragraph.
  static func isBibliographyTag(_ text: String) -> Bool {
    guard text.containsBytes("{%") else { return false }  // most paragraphs: no trimming
    let trimmed = text.trimmingSpaces
    guard trimmed.hasPrefix("{%"), trimmed.hasSuffix("%}") else { return false }
    let body = trimmed.dropFirst(2).dropLast(2).trimmingCharacters(in: CharacterSet(charactersIn: " -\t"))
    return body == "bibliography" || body.hasPrefix("bibliography ")
  }

  /// `1. TOC` followed by `{:toc}`: kramdown's marker for "the table of contents goes here".
  private func isTableOfContentsList(_ node: MarkdownNode) -> Bool {
    guard node.children.count == 1, let item = node.children.first, let first = item.children.first,
      first.kind == .paragraph, first.plainText.trimmingSpaces == "TOC"
    else { return false }
    return item.children.dropFirst().allSatisfy { $0.kind == .customBlock }
  }

  /// Plain text of inlines, as a heading's id and the table of contents need it.
  static func plainText(_ inlines: [Inline]) -> String {
    var result = ""
    for inline in inlines {
      switch inline {
      case .text(let text), .code(let text), .math(let text): result += text
      case .emphasis(let inner), .strong(let inner), .link(_, _, let inner): result += plainText(inner)
      case .softBreak, .lineBreak: result += " "
      case .tool(let label, _): result += label
      case .abbreviation(let abbreviation, let first):
        result += first ? "\(abbreviation.expansion) (\(abbreviation.short))" : abbreviation.short
      case .citation(let key): result += key
      case .image(let image): result += image.alt
      case .html, .icon, .snippet, .footnoteReference: break
      }
    }
    return result.trimmingSpaces.description
  }
}
