/// Applies a block attribute list written after an HTML block (`</details>` then `{: .question}`, as GTN writes
/// it) to the block's first element, as kramdown applies a block attribute list to the block before it.
///
/// Only the classes and the id are applied: the other keys of an attribute list (`width`, `style`, …) are for
/// images and tables, and writing arbitrary keys into raw HTML would let an attribute line add event handlers.
/// Classes join an existing `class` attribute; the id replaces an existing `id`. Values are escaped, and the rest of
/// the HTML is left byte for byte as written, so a well-formed block stays well-formed.
enum HTMLOpeningTag {
  /// `html` with `attributes`' classes and id on its first element's opening tag; nil when the HTML does not begin
  /// with a complete opening tag (it begins with text, a comment or a closing tag, or the tag is never closed).
  static func applying(_ attributes: Attributes, to html: String) -> String? {
    guard let tag = scan(html) else { return nil }
    var edits: [(range: Range<String.Index>, text: String)] = []
    let wanted = attributes.classes.filter { !$0.isEmpty }
    let present = tag.classValue.map { html[$0.content].split(whereSeparator: isSpace) } ?? []
    var newClasses: [String] = []
    for name in wanted where !present.contains(name[...]) && !newClasses.contains(name) { newClasses.append(name) }
    var inserted = ""
    if !newClasses.isEmpty {
      let escaped = newClasses.map(escape).joined(separator: " ")
      if let value = tag.classValue {
        let existing = html[value.content]
        let joined = existing.allSatisfy({ $0 == " " || $0 == "\t" }) ? escaped : existing + " " + escaped
        if value.quoted {
          edits.append((value.content, String(joined)))
        } else {
          edits.append((value.content, "\"" + joined + "\""))
        }
      } else {
        inserted += " class=\"" + escaped + "\""
      }
    }
    if let id = attributes.id, !id.isEmpty {
      if let value = tag.idValue {
        edits.append((value.whole, "\"" + escape(id) + "\""))
      } else {
        inserted += " id=\"" + escape(id) + "\""
      }
    }
    if !inserted.isEmpty { edits.append((tag.insertion..<tag.insertion, inserted)) }
    var result = ""
    result.reserveCapacity(html.utf8.count + 64)
    var cursor = html.startIndex
    for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
      result += html[cursor..<edit.range.lowerBound]
      result += edit.text
      cursor = edit.range.upperBound
    }
    result += html[cursor...]
    return result
  }

  /// Where an attribute value is: `whole` with its quotes, `content` without.
  private struct Value {
    var whole: Range<String.Index>
    var content: Range<String.Index>
    var quoted: Bool
  }

  /// What the edit needs to know of the first opening tag.
  private struct Tag {
    var insertion: String.Index
    var classValue: Value?
    var idValue: Value?
  }

  private static func isSpace(_ character: Character) -> Bool {
    character == " " || character == "\t" || character == "\n" || character == "\r"
  }

  /// Reads the first opening tag of `html`, after leading white space.
  private static func scan(_ html: String) -> Tag? {
    var index = html.startIndex
    func skipSpaces() { while index < html.endIndex, isSpace(html[index]) { index = html.index(after: index) } }
    skipSpaces()
    guard index < html.endIndex, html[index] == "<" else { return nil }
    index = html.index(after: index)
    guard index < html.endIndex, html[index].isASCII, html[index].isLetter else { return nil }
    while index < html.endIndex, html[index].isASCII, html[index].isLetter || html[index].isNumber || html[index] == "-" {
      index = html.index(after: index)
    }
    var classValue: Value?
    var idValue: Value?
    var end = index  // after the tag name or the last attribute: new attributes go here
    while true {
      skipSpaces()
      guard index < html.endIndex else { return nil }
      if html[index] == ">" {
        return Tag(insertion: end, classValue: classValue, idValue: idValue)
      }
      if html[index] == "/" {
        let next = html.index(after: index)
        if next < html.endIndex, html[next] == ">" { return Tag(insertion: end, classValue: classValue, idValue: idValue) }
        index = next
        continue
      }
      let nameStart = index
      while index < html.endIndex, !isSpace(html[index]), html[index] != "=", html[index] != ">", html[index] != "/" {
        index = html.index(after: index)
      }
      let name = html[nameStart..<index].lowercased()
      end = index
      skipSpaces()
      guard index < html.endIndex, html[index] == "=" else { continue }
      index = html.index(after: index)
      skipSpaces()
      guard index < html.endIndex else { return nil }
      let valueStart = index
      let value: Value
      if html[index] == "\"" || html[index] == "'" {
        let quote = html[index]
        let contentStart = html.index(after: index)
        guard let close = html[contentStart...].firstIndex(of: quote) else { return nil }
        index = html.index(after: close)
        value = Value(whole: valueStart..<index, content: contentStart..<close, quoted: true)
      } else {
        while index < html.endIndex, !isSpace(html[index]), html[index] != ">" { index = html.index(after: index) }
        value = Value(whole: valueStart..<index, content: valueStart..<index, quoted: false)
      }
      end = index
      if name == "class" { classValue = classValue ?? value }
      if name == "id" { idValue = idValue ?? value }
    }
  }

  /// Escapes text for an attribute value (either quote), on bytes: a quote joined to a combining mark is escaped too.
  private static func escape(_ text: String) -> String {
    MarkupEscaping.escape(text)
  }
}
