import Lessons

/// Writes a document's blocks as HTML into one growing string.
struct BodyHTMLWriter {
  let lesson: Lesson
  let cellHTML: (Cell) -> String
  var html = ""
  var diagnostics: [Diagnostic] = []
  /// Line of the block being written, for diagnostics about its inlines.
  var currentLine: Int?
  /// Footnotes already referenced (only the first reference carries the id the back link points to).
  var referencedFootnotes: Set<String> = []
  /// True once the references list is written (where `{% bibliography %}` stands, else at the end).
  var referencesWritten = false
  /// Where `{% tool %}` links go (see `BodyRenderer.render`).
  var galaxyURL: String?

  /// Writes the footnotes section at the end of the body.
  mutating func writeFootnotes(_ footnotes: [Footnote]) {
    guard !footnotes.isEmpty else { return }
    html += "<section class=\"footnotes\">\n<ol>\n"
    for footnote in footnotes {
      let id = AttributeHTML.className(footnote.label)
      html += "<li id=\"fn-\(id)\">"
      write(footnote.content)
      html += " <a class=\"footnote-back\" href=\"#fnref-\(id)\" aria-label=\"Back to the text\">\u{21A9}</a></li>\n"
    }
    html += "</ol>\n</section>\n"
  }

  init(lesson: Lesson, cellHTML: @escaping (Cell) -> String) {
    self.lesson = lesson
    self.cellHTML = cellHTML
    html.reserveCapacity(16_384)
  }

  mutating func write(_ blocks: [Block], tight: Bool = false) {
    for block in blocks { write(block, tight: tight) }
  }

  mutating func write(_ block: Block, tight: Bool) {
    switch block {
    case .paragraph(let content, let attributes):
      if let tex = Self.displayFormula(content) {
        writeDisplayMath(tex, attributes: attributes)
      } else if tight && attributes.isEmpty {
        write(content)
        html += "\n"
      } else {
        html += "<p"
        AttributeHTML.write(attributes, to: &html)
        html += ">"
        write(content)
        html += "</p>\n"
      }
    case .heading(let heading):
      currentLine = heading.line
      let level = min(max(heading.level, 1), 6)
      html += "<h\(level) id=\""
      HTMLEscaping.escape(heading.id, into: &html)
      html += "\""
      AttributeHTML.write(heading.attributes, withID: false, to: &html)
      html += ">"
      write(heading.content)
      html += "<a class=\"anchor\" href=\"#"
      HTMLEscaping.escape(heading.id, into: &html)
      html += "\" aria-label=\"Link to this section\">#</a></h\(level)>\n"
    case .box(let box):
      writeBox(box)
    case .blockQuote(let blocks, let attributes):
      html += "<blockquote"
      AttributeHTML.write(attributes, to: &html)
      html += ">\n"
      write(blocks)
      html += "</blockquote>\n"
    case .list(let list):
      let tag = list.ordered ? "ol" : "ul"
      html += "<\(tag)"
      if list.ordered && list.start != 1 { html += " start=\"\(list.start)\"" }
      AttributeHTML.write(list.attributes, to: &html)
      html += ">\n"
      for item in list.items {
        html += "<li>"
        write(item, tight: list.tight)
        if list.tight, Self.endsWithLineFeed(html) { html.removeLast() }
        html += "</li>\n"
      }
      html += "</\(tag)>\n"
    case .code(let code):
      html += "<pre"
      AttributeHTML.write(code.attributes, extraClasses: ["code"], to: &html)
      html += "><code"
      if let language = code.language, !language.isEmpty {
        html += " class=\"language-"
        HTMLEscaping.escape(language, into: &html)
        html += "\""
      }
      html += ">"
      html += SyntaxHighlighter.highlight(code.code, language: code.language)
      html += "</code></pre>\n"
    case .cell(let index):
      if lesson.cells.indices.contains(index) {
        html += cellHTML(lesson.cells[index])
        html += "\n"
      } else {
        diagnostics.append(Diagnostic(.error, file: lesson.file, "cell \(index) is missing from the lesson"))
      }
    case .figure(let figure):
      html += "<figure id=\"figure-\(figure.number)\">"
      // The tooltip is the caption's text: the title as written may hold Markdown and Liquid (`{% cite x %}`).
      var image = figure.image
      image.title = Self.plainText(figure.caption)
      writeImage(image)
      html += "<figcaption><span class=\"figure-number\">Figure \(figure.number):</span> "
      write(figure.caption)
      html += "</figcaption></figure>\n"
    case .table(let table):
      writeTable(table)
    case .html(let raw):
      html += RawHTML.closingVoidElements(raw)
      if !Self.endsWithLineFeed(raw) { html += "\n" }
    case .htmlParts(let parts):
      write(parts)
      html += "\n"
    case .thematicBreak:
      html += "<hr />\n"
    case .tableOfContents:
      writeTableOfContents()
    case .bibliography:
      writeReferences()
    }
  }

  private mutating func writeBox(_ box: Box) {
    currentLine = box.line
    let collapsible = box.type.isCollapsible
    let name = box.type.isKnown ? box.type.name : "neutral"
    let cssName = AttributeHTML.className(name)
    html += collapsible ? "<details class=\"box box-\(cssName)" : "<div class=\"box box-\(cssName)"
    for extra in box.attributes.classes {
      html += " "
      HTMLEscaping.escape(AttributeHTML.className(extra), into: &html)
    }
    html += "\""
    AttributeHTML.write(Attributes(id: box.attributes.id, pairs: box.attributes.pairs), to: &html)
    html += collapsible ? ">\n<summary class=\"box-title\">" : ">\n<div class=\"box-title\">"
    Icons.append(box.type.isKnown ? box.type.name : "generic", label: "", to: &html)
    html += "<span class=\"box-title-text\">"
    writeBoxTitle(box)
    html += collapsible ? "</span></summary>\n" : "</span></div>\n"
    html += "<div class=\"box-body\">\n"
    write(box.content)
    if box.type.name == "quote", let author = box.attributes.value(for: "author") {
      html += "<footer class=\"quote-author\">"
      HTMLEscaping.escape(author, into: &html)
      html += "</footer>\n"
    }
    html += "</div>\n"
    html += collapsible ? "</details>\n" : "</div>\n"
  }

  private mutating func writeBoxTitle(_ box: Box) {
    let label = box.type.isKnown ? box.type.label : box.type.name
    let text = BodyHTMLWriter.plainText(box.title)
    if text.isEmpty {
      HTMLEscaping.escape(label, into: &html)
    } else {
      if !box.titleIsHeading && !Self.startsCaseInsensitively(text, with: label) {
        HTMLEscaping.escape(label, into: &html)
        html += ": "
      }
      write(box.title)
    }
  }

  /// `text.hasSuffix("\n")` on bytes: the last Character is a lone line feed (after a carriage return the two are
  /// one Character, `\r\n`).
  static func endsWithLineFeed(_ text: String) -> Bool {
    let utf8 = text.utf8
    guard utf8.last == 10 else { return false }
    return utf8.dropLast().last != 13
  }

  /// ASCII case-insensitive prefix test on UTF-8 bytes ("Question: Why?" starts with "question").
  static func startsCaseInsensitively(_ text: String, with prefix: String) -> Bool {
    var textBytes = text.utf8.makeIterator()
    for byte in prefix.utf8 {
      guard let other = textBytes.next() else { return false }
      let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
      let otherLower = other >= 65 && other <= 90 ? other + 32 : other
      if lower != otherLower { return false }
    }
    return true
  }

  /// A pipe table, in a `<div class="table-scroll">` that scrolls sideways when the table is wider than the page
  /// (a tab stop, so the keyboard can scroll it too; site.js removes the stop where the table fits).
  private mutating func writeTable(_ table: Table) {
    html += "<div class=\"table-scroll\" tabindex=\"0\">\n<table>\n<thead>\n<tr>"
    for (column, cell) in table.header.enumerated() {
      writeCell("th", cell, alignment: table.alignments[safe: column])
    }
    html += "</tr>\n</thead>\n<tbody>\n"
    for row in table.rows {
      html += "<tr>"
      for (column, cell) in row.enumerated() {
        writeCell("td", cell, alignment: table.alignments[safe: column])
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n</div>\n"
  }

  private mutating func writeCell(_ tag: String, _ content: [Inline], alignment: Table.Alignment?) {
    html += "<\(tag)"
    if let alignment, alignment != .none { html += " style=\"text-align: \(alignment.rawValue)\"" }
    html += ">"
    write(content)
    html += "</\(tag)>"
  }

  private mutating func writeTableOfContents() {
    let entries = lesson.document.tableOfContents
    guard let top = entries.map(\.level).min() else { return }
    // `##` entries nest in the `#` entry before them; one before any `#` stands at the top level.
    html += "<ol class=\"toc\">\n"
    var itemOpen = false
    var nestedOpen = false
    for entry in entries {
      let nested = entry.level > top && itemOpen
      if !nested {
        if nestedOpen { html += "</ol>\n" }
        if itemOpen { html += "</li>\n" }
        nestedOpen = false
      } else if !nestedOpen {
        html += "\n<ol>\n"
        nestedOpen = true
      }
      html += "<li><a href=\"#"
      HTMLEscaping.escape(entry.id, into: &html)
      html += "\">"
      HTMLEscaping.escape(entry.title, into: &html)
      html += "</a>"
      if nested { html += "</li>\n" } else { itemOpen = true }
    }
    if nestedOpen { html += "</ol>\n" }
    if itemOpen { html += "</li>\n" }
    html += "</ol>\n"
  }

  mutating func writeImage(_ image: Image) {
    html += "<img src=\""
    HTMLEscaping.escape(image.source, into: &html)
    html += "\" alt=\""
    HTMLEscaping.escape(image.alt, into: &html)
    html += "\""
    if let title = image.title, !title.isEmpty {
      html += " title=\""
      HTMLEscaping.escape(title, into: &html)
      html += "\""
    }
    AttributeHTML.write(image.attributes, to: &html)
    html += " />"
  }
}

extension Array {
  fileprivate subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
