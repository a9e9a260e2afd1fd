import Foundation
import Markdown
import Math

/// Turns cmark inline nodes into `Inline`s with the GTN dialect applied: Liquid tags (which cmark may have split
/// around a link, as in `{% tool [Label](id) %}`), inline attribute lists after images, `{ABBR}` abbreviations and
/// `$$…$$` math.
struct InlineTransformer {
  let context: DialectContext

  /// A Liquid tag opened in one text node and not yet closed.
  private struct PendingTag {
    var isOutput: Bool
    var body: String
    var line: Int
    var closer: String { isOutput ? "}}" : "%}" }
  }

  /// Transforms `nodes`, the inlines of a block whose first line is `line`.
  func transform(_ nodes: [MarkdownNode], line startLine: Int) -> [Inline] {
    var output: [Inline] = []
    var pending: PendingTag?
    var line = startLine
    for node in MathLines.joined(nodes) {
      if var tag = pending {
        if node.kind == .text, let literal = node.literal {
          if let range = literal.firstRange(of: tag.closer) {
            tag.body += literal[..<range.lowerBound]
            pending = nil
            emit(tag, into: &output)
            scan(literal[range.upperBound...], line: line, into: &output, pending: &pending)
          } else {
            tag.body += literal
            pending = tag
          }
        } else {
          tag.body += Self.markdownSource(node)
          pending = tag
        }
        if node.kind == .softBreak || node.kind == .lineBreak { line += 1 }
        continue
      }
      switch node.kind {
      case .text:
        let literal = node.literal ?? ""
        scan(literal[...], line: line, into: &output, pending: &pending)
        line += MathLines.newlines(in: literal[...])  // a formula joined across lines
      case .softBreak:
        output.append(.softBreak)
        line += 1
      case .lineBreak:
        output.append(.lineBreak)
        line += 1
      case .code:
        output.append(.code(node.literal ?? ""))
      case .emphasis:
        output.append(.emphasis(transform(node.children, line: line)))
      case .strong:
        output.append(.strong(transform(node.children, line: line)))
      case .link where node.children.count == 1 && node.children[0].literal?.hasPrefix("^") == true:
        // `[^2]: One-word.` is a link reference definition to CommonMark, so `[^2]` arrived as a link: it is
        // a footnote whose text is the "destination" (and title).
        let label = String((node.children[0].literal ?? "").dropFirst())
        if context.footnoteDefinitions[label] == nil {
          let text = [node.url, node.title].compactMap { $0 }.joined(separator: " ")
          context.footnoteDefinitions[label] = ([.text(text.removingPercentEncodingIfPossible)], line)
        }
        output.append(.footnoteReference(label: label, number: context.footnoteNumber(label)))
      case .link:
        context.checkLink(node.url ?? "", line: line)
        output.append(.link(url: node.url ?? "", title: node.title, content: transform(node.children, line: line)))
      case .image:
        let url = node.url ?? ""
        context.checkImage(url, line: line)
        output.append(.image(Image(source: url, alt: Self.plainText(of: node.children), title: node.title)))
      case .htmlInline:
        let literal = node.literal ?? ""
        if Self.isBoxTitleTag(literal) {
          context.warn(line, "\(literal) outside the first line of a box is left out")
        } else {
          let html = context.publishedHTML(literal, line: line)
          if !html.isEmpty { output.append(.html(html)) }
        }
      default:
        let text = node.plainText
        if !text.isEmpty { append(text[...], to: &output) }
      }
    }
    if let tag = pending {
      context.warn(tag.line, "Liquid tag opened with \(tag.isOutput ? "{{" : "{%") is never closed; shown as text")
      append(tag.body[...], to: &output)
    }
    return output
  }

  /// Scans a text node for `{% … %}`, `{{ … }}`, `{: … }`, `{ABBR}` and `$$…$$`.
  private func scan(
    _ text: Substring, line: Int, into output: inout [Inline], pending: inout PendingTag?
  ) {
    let bytes = text.utf8
    // Most text has nothing to look at: append it whole.
    let footnotes = !context.footnoteLabels.isEmpty
    let marked =
      bytes.withContiguousStorageIfAvailable { buffer in
        ByteSearch.firstOffset(of: UInt8(ascii: "{"), in: buffer) != nil
          || ByteSearch.firstOffset(of: UInt8(ascii: "$"), in: buffer) != nil
          || (footnotes && ByteSearch.firstOffset(of: UInt8(ascii: "["), in: buffer) != nil)
      }
      ?? bytes.contains {
        $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "$") || (footnotes && $0 == UInt8(ascii: "["))
      }
    guard marked else {
      append(text, to: &output)
      return
    }
    var segmentStart = bytes.startIndex
    var index = bytes.startIndex
    func flush(upTo end: String.Index) {
      if segmentStart < end { append(text[segmentStart..<end], to: &output) }
    }
    while index < bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "{") {
        let next = bytes.index(after: index)
        let nextByte = next < bytes.endIndex ? bytes[next] : 0
        if nextByte == UInt8(ascii: "%") || nextByte == UInt8(ascii: "{") {
          let isOutput = nextByte == UInt8(ascii: "{")
          let bodyStart = bytes.index(after: next)
          flush(upTo: index)
          let rest = text[bodyStart...]
          if let close = rest.firstRange(of: isOutput ? "}}" : "%}") {
            var tag = PendingTag(isOutput: isOutput, body: String(rest[..<close.lowerBound]), line: line)
            if !isOutput, tag.body.hasPrefix("-") { tag.body.removeFirst() }
            index = close.upperBound
            if !isOutput, tag.body.trimmingSpaces.trimmingCharacters(in: "-") == "raw" {
              // `{% raw %}…{% endraw %}`: what is between is text, Liquid-looking or not.
              let after = text[index...]
              let end = after.firstRange(of: "{% endraw %}") ?? after.firstRange(of: "{%- endraw -%}")
              append(after[..<(end?.lowerBound ?? after.endIndex)], to: &output)
              index = end?.upperBound ?? after.endIndex
              segmentStart = index
              continue
            }
            emit(tag, into: &output)
            segmentStart = index
            continue
          }
          pending = PendingTag(isOutput: isOutput, body: String(rest), line: line)
          return
        }
        if nextByte == UInt8(ascii: ":"),
          let length = AttributeListParser.prefixLength(ArraySlice(bytes[index...].prefix(400)))
        {
          let end = bytes.index(index, offsetBy: length)
          flush(upTo: index)
          if let attributes = AttributeListParser.parse(text[index..<end]) { applyInline(attributes, to: &output) }
          index = end
          segmentStart = index
          continue
        }
        if let close = text[next...].prefix(40).firstIndex(of: "}"),
          let abbreviation = context.abbreviation(text[next..<close])
        {
          flush(upTo: index)
          output.append(abbreviation)
          index = text.index(after: close)
          segmentStart = index
          continue
        }
      } else if byte == UInt8(ascii: "["), !context.footnoteLabels.isEmpty,
        bytes.index(after: index) < bytes.endIndex, bytes[bytes.index(after: index)] == UInt8(ascii: "^"),
        let close = text[index...].prefix(80).firstIndex(of: "]")
      {
        let label = String(text[bytes.index(index, offsetBy: 2)..<close])
        if context.footnoteLabels.contains(label) {
          flush(upTo: index)
          output.append(.footnoteReference(label: label, number: context.footnoteNumber(label)))
          index = text.index(after: close)
          segmentStart = index
          continue
        }
      } else if byte == UInt8(ascii: "$"), bytes.index(after: index) < bytes.endIndex,
        bytes[bytes.index(after: index)] == UInt8(ascii: "$")
      {
        let mathStart = bytes.index(index, offsetBy: 2)
        if let close = text[mathStart...].firstRange(of: "$$"), close.lowerBound > mathStart {
          flush(upTo: index)
          let tex = String(text[mathStart..<close.lowerBound])
          do {
            try TeXMath.validate(tex)
          } catch {
            let mathLine = line + MathLines.newlines(in: text[..<index])
            context.warn(mathLine, "unsupported TeX in $$…$$: \(error.message); the formula is shown as its source")
          }
          output.append(.math(tex))
          index = close.upperBound
          segmentStart = index
          continue
        }
      }
      index = bytes.index(after: index)
    }
    flush(upTo: bytes.endIndex)
  }

  /// Raw HTML with its Liquid tags resolved: the HTML between tags stays `.html`, text from `{{ … }}` is `.text`.
  func resolveLiquid(inRawHTML html: String, line: Int) -> [Inline] {
    var output: [Inline] = []
    var rest = html[...]
    while let open = [rest.firstRange(of: "{%"), rest.firstRange(of: "{{")].compactMap({ $0 }).min(by: {
      $0.lowerBound < $1.lowerBound
    }) {
      let isOutput = rest[open].hasPrefix("{{")
      guard let close = rest[open.upperBound...].firstRange(of: isOutput ? "}}" : "%}") else { break }
      if rest.startIndex < open.lowerBound { output.append(.html(String(rest[..<open.lowerBound]))) }
      let linesBefore = html[..<open.lowerBound].utf8.count { $0 == 10 }
      emit(
        PendingTag(isOutput: isOutput, body: String(rest[open.upperBound..<close.lowerBound]), line: line + linesBefore),
        into: &output)
      rest = rest[close.upperBound...]
    }
    if !rest.isEmpty { output.append(.html(String(rest))) }
    return output
  }

  private func emit(_ tag: PendingTag, into output: inout [Inline]) {
    var body = tag.body
    if body.hasSuffix("-") { body.removeLast() }
    if let inline = LiquidTag.resolve(body, isOutput: tag.isOutput, line: tag.line, context: context) {
      if case .text(let text) = inline { append(text[...], to: &output) } else { output.append(inline) }
    }
  }

  /// `{: width="50%"}` right after an image sets the image's attributes; elsewhere the list is dropped.
  private func applyInline(_ attributes: Attributes, to output: inout [Inline]) {
    if case .image(var image) = output.last {
      image.attributes = image.attributes.merging(attributes)
      output[output.count - 1] = .image(image)
    }
  }

  private func append(_ text: Substring, to output: inout [Inline]) {
    if case .text(var previous) = output.last {
      // The array's copy is dropped first, so that `previous` is the only reference and grows in place.
      output[output.count - 1] = .softBreak
      previous += text
      output[output.count - 1] = .text(previous)
    } else {
      output.append(.text(String(text)))
    }
  }

  static func isBoxTitleTag(_ html: String) -> Bool {
    html.hasSuffix("-title>") && html.hasPrefix("<") && !html.contains(" ")
  }

  /// The plain text of inline nodes (for `alt`).
  static func plainText(of nodes: [MarkdownNode]) -> String {
    var result = ""
    for node in nodes { result += node.plainText }
    return result
  }

  /// The Markdown an inline node was written as, near enough to read a Liquid tag's arguments back.
  static func markdownSource(_ node: MarkdownNode) -> String {
    let inner = node.children.map(markdownSource).joined()
    switch node.kind {
    case .text, .htmlInline: return node.literal ?? ""
    case .code: return "`" + (node.literal ?? "") + "`"
    case .softBreak, .lineBreak: return " "
    case .emphasis: return "*" + inner + "*"
    case .strong: return "**" + inner + "**"
    case .link: return "[" + inner + "](" + (node.url ?? "") + ")"
    case .image: return "![" + inner + "](" + (node.url ?? "") + ")"
    default: return inner
    }
  }
}

extension String {
  /// cmark percent-encodes link destinations; a footnote's text read back from one is decoded.
  fileprivate var removingPercentEncodingIfPossible: String { removingPercentEncoding ?? self }
}

extension Substring {
  /// The text without any of `characters` at either end.
  fileprivate func trimmingCharacters(in characters: String) -> Substring {
    var result = self
    while let first = result.first, characters.contains(first) { result.removeFirst() }
    while let last = result.last, characters.contains(last) { result.removeLast() }
    return result
  }
}
