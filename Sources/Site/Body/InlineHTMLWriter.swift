import Lessons

extension BodyHTMLWriter {
  /// Writes inline content.
  mutating func write(_ inlines: [Inline]) {
    for inline in inlines { write(inline) }
  }

  private mutating func write(_ inline: Inline) {
    switch inline {
    case .text(let text):
      HTMLEscaping.escape(text, into: &html)
    case .code(let code):
      html += "<code>"
      HTMLEscaping.escape(code, into: &html)
      html += "</code>"
    case .emphasis(let content):
      html += "<em>"
      write(content)
      html += "</em>"
    case .strong(let content):
      html += "<strong>"
      write(content)
      html += "</strong>"
    case .link(let url, let title, let content):
      html += "<a href=\""
      HTMLEscaping.escape(url, into: &html)
      html += "\""
      if let title {
        html += " title=\""
        HTMLEscaping.escape(title, into: &html)
        html += "\""
      }
      html += ">"
      write(content)
      html += "</a>"
    case .image(let image):
      writeImage(image)
    case .html(let raw):
      html += RawHTML.closingVoidElements(raw)
    case .softBreak:
      html += "\n"
    case .lineBreak:
      html += "<br />\n"
    case .icon(let name, let line):
      if !Icons.isKnown(name) {
        diagnostics.append(
          lesson.sourceMap.mapped(
            Diagnostic(.warning, file: lesson.file, line: line, "unknown icon '\(name)'; a generic icon is shown")))
      }
      html += "<span class=\"icon-wrap\">"
      Icons.append(name, to: &html)
      html += "</span>"
    case .tool(let label, let id):
      writeTool(label: label, id: id)
    case .abbreviation(let abbreviation, let firstUse):
      if firstUse {
        HTMLEscaping.escape(abbreviation.expansion, into: &html)
        html += " ("
        HTMLEscaping.escape(abbreviation.short, into: &html)
        html += ")"
      } else {
        html += "<abbr title=\""
        HTMLEscaping.escape(abbreviation.expansion, into: &html)
        html += "\">"
        HTMLEscaping.escape(abbreviation.short, into: &html)
        html += "</abbr>"
      }
    case .citation(let keys):
      writeCitation(keys)
    case .math(let tex):
      writeMath(tex, display: false)
    case .footnoteReference(let label, let number):
      let id = AttributeHTML.className(label)
      html += "<sup class=\"footnote-ref\""
      if referencedFootnotes.insert(label).inserted { html += " id=\"fnref-\(id)\"" }
      html += "><a href=\"#fn-\(id)\">\(number)</a></sup>"
    case .snippet(let path):
      html += "<span class=\"snippet-note\">(see the GTN snippet <code>"
      HTMLEscaping.escape(path, into: &html)
      html += "</code>)</span>"
    }
  }

  /// Plain text of a title, to compare it with the box's label.
  static func plainText(_ inlines: [Inline]) -> String {
    var result = ""
    for inline in inlines {
      switch inline {
      case .text(let text), .code(let text): result += text
      case .emphasis(let inner), .strong(let inner), .link(_, _, let inner): result += plainText(inner)
      case .softBreak, .lineBreak: result += " "
      case .tool(let label, _): result += label
      case .abbreviation(let abbreviation, _): result += abbreviation.short
      default: break
      }
    }
    let utf8 = result.utf8
    guard let first = utf8.firstIndex(where: { $0 != 32 }), let last = utf8.lastIndex(where: { $0 != 32 }) else {
      return ""
    }
    return String(result[first...last])
  }
}
