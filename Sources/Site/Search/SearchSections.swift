/// A lesson's text cut at its `##` and `###` headings, for the site's full-text search: each section keeps the
/// heading, its anchor (to link to it) and its plain text (prose, code, cell outputs).
///
/// Read in one pass over the rendered body's bytes: this runs on every lesson of every build, and the first
/// version (regular expressions and `Character` loops) took two thirds of a 1,000-lesson build.
struct SearchSection: Codable, Sendable, Hashable {
  var heading: String
  var anchor: String
  var text: String

  /// The sections of a rendered lesson body (`<h2 id="…">`/`<h3 id="…">` start one): text before the first
  /// heading is a section without heading; sections with neither heading nor text are left out.
  static func sections(ofBody html: String) -> [SearchSection] {
    var reader = PlainTextReader(Array(html.utf8))
    var sections: [SearchSection] = []
    var heading = ""
    var anchor = ""
    while true {
      let (text, next) = reader.read(until: .sectionHeading)
      if !text.isEmpty || !heading.isEmpty { sections.append(SearchSection(heading: heading, anchor: anchor, text: text)) }
      guard let next else { return sections }
      anchor = next
      heading = reader.read(until: .headingEnd).text
    }
  }

  /// `html` without tags (and without the `#` links beside headings), its entities decoded and its white space
  /// collapsed.
  static func plainText(_ html: Substring) -> String {
    var reader = PlainTextReader(Array(html.utf8))
    return reader.read(until: .end).text
  }
}

/// The plain text of HTML, read up to a stop (a section heading, the end of a heading, or the end).
private struct PlainTextReader {
  enum Stop { case sectionHeading, headingEnd, end }

  /// Tags that do not separate words (`Process<span>Pool</span>` is one word).
  /// (Packed names, looked up in a short array: cheaper than hashing for every tag.)
  private static let inlineTags: [UInt64] =
    ["a", "abbr", "b", "code", "em", "i", "kbd", "mark", "samp", "small", "span", "strong", "sub", "sup"].map(Tag.packed)
  private static let entities: [(name: [UInt8], value: [UInt8])] = [
    ("lt", "<"), ("gt", ">"), ("quot", "\""), ("amp", "&"), ("nbsp", " "), ("apos", "'"),
  ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

  let html: [UInt8]
  var position = 0

  /// The bytes that end a run of plain text: `<`, `&`, ASCII white space and controls, DEL, and the lead bytes of
  /// the Unicode spaces (C2: no-break space; E2, E3: the others).
  private static let endsText: [Bool] = (0...255).map { byte in
    byte == 0x3C || byte == 0x26 || byte <= 0x20 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0x7F
  }

  init(_ html: [UInt8]) { self.html = html }

  /// The text up to `stop`, and for a section heading its anchor (nil at the end of the input).
  mutating func read(until stop: Stop) -> (text: String, anchor: String?) {
    var text: [UInt8] = []
    text.reserveCapacity(min(html.count - position, 1 << 16))
    var pendingSpace = false
    let endsText = Self.endsText
    let inlineTags = Self.inlineTags
    func emit(_ bytes: ArraySlice<UInt8>) {
      if pendingSpace, !text.isEmpty { text.append(0x20) }
      pendingSpace = false
      text.append(contentsOf: bytes)
    }
    while position < html.count {
      let byte = html[position]
      if byte == 0x3C, let tag = tag(at: position) {
        if stop == .sectionHeading, tag.isSectionHeading, let anchor = tag.id {
          position = tag.end
          return (String(decoding: text, as: UTF8.self), String(decoding: decoded(anchor), as: UTF8.self))
        }
        if stop == .headingEnd, tag.closing, tag.isHeading {
          position = tag.end
          return (String(decoding: text, as: UTF8.self), nil)
        }
        position = tag.end
        if tag.isHeadingAnchorLink { skipToEndOfLink() }
        if !inlineTags.contains(tag.name) { pendingSpace = true }
      } else if byte == 0x26, let (value, length) = entity(at: position) {
        if String(decoding: value, as: UTF8.self).unicodeScalars.first?.properties.isWhitespace == true {
          pendingSpace = true
        } else {
          emit(value[...])
        }
        position += length
      } else if let length = whiteSpaceLength(at: position) {
        pendingSpace = true
        position += length
      } else {
        let end = html.withUnsafeBufferPointer { html in
          endsText.withUnsafeBufferPointer { endsText in
            var end = position + 1
            while end < html.count, !endsText[Int(html[end])] { end += 1 }
            return end
          }
        }
        emit(html[position..<end])
        position = end
      }
    }
    return (String(decoding: text, as: UTF8.self), nil)
  }

  /// A tag starting at `start` (`<`): its lower-cased name, whether it closes, where it ends and its `id`.
  struct Tag {
    /// The lower-cased name's bytes packed in a number (`packed`), without an allocation per tag.
    var name: UInt64
    var closing: Bool
    var end: Int
    var attributes: ArraySlice<UInt8>

    /// A tag name of up to 8 ASCII bytes as a number (longer names give one that no name here packs to).
    static func packed(_ name: some Collection<UInt8>) -> UInt64 {
      guard name.count <= 8 else { return .max }
      return name.reduce(0) { $0 << 8 | UInt64($1) }
    }
    static func packed(_ name: String) -> UInt64 { packed(Array(name.utf8)) }

    private static let h2 = packed("h2")
    private static let h3 = packed("h3")
    private static let a = packed("a")
    private static let idPrefix = Array(" id=\"".utf8)
    private static let anchorClasses = [Array(" class=\"anchor\"".utf8), Array(" class=\"heading-anchor\"".utf8)]

    /// An `h2` or `h3`, opening or closing.
    var isHeading: Bool { name == Self.h2 || name == Self.h3 }
    var isSectionHeading: Bool { !closing && isHeading }
    /// The value of an `id="…"` that comes first among the attributes, as the body writer puts it.
    var id: ArraySlice<UInt8>? {
      guard attributes.starts(with: Self.idPrefix) else { return nil }
      let value = attributes.dropFirst(Self.idPrefix.count)
      return value.firstIndex(of: 0x22).map { value[..<$0] }
    }
    /// The `#` link the body writer puts beside a heading: not text.
    var isHeadingAnchorLink: Bool {
      !closing && name == Self.a && Self.anchorClasses.contains { attributes.starts(with: $0) }
    }
  }

  private func tag(at start: Int) -> Tag? {
    guard let close = html[(start + 1)...].firstIndex(of: 0x3E) else { return nil }
    var index = start + 1
    let closing = index < close && html[index] == 0x2F
    while index < close, html[index] == 0x2F { index += 1 }
    let nameStart = index
    while index < close, index - nameStart < 12, isAlphanumeric(html[index]) { index += 1 }
    var name: UInt64 = index - nameStart > 8 ? .max : 0
    if name == 0 {
      for byte in html[nameStart..<index] { name = name << 8 | UInt64(byte &- 65 < 26 ? byte + 32 : byte) }
    }
    return Tag(name: name, closing: closing, end: close + 1, attributes: html[index..<close])
  }

  /// Moves past the `</a>` that ends the current link (its text, the `#`, is not the lesson's).
  private mutating func skipToEndOfLink() {
    let end = Array("</a>".utf8)
    while position < html.count {
      if html[position] == 0x3C, html[position...].starts(with: end) {
        position += end.count
        return
      }
      position += 1
    }
  }

  /// A character reference at `start` (`&`): its UTF-8 value and length; nil for text that only looks like one.
  private func entity(at start: Int) -> ([UInt8], Int)? {
    guard let semicolon = html[(start + 1)..<min(html.count, start + 12)].firstIndex(of: 0x3B) else { return nil }
    let body = html[(start + 1)..<semicolon]
    if body.first == 0x23 {
      let digits = body.dropFirst()
      let hex = digits.first == 0x78 || digits.first == 0x58
      guard let number = UInt32(String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10),
        let scalar = Unicode.Scalar(number), number != 0
      else { return nil }
      return (Array(String(scalar).utf8), semicolon + 1 - start)
    }
    guard let known = Self.entities.first(where: { $0.name.elementsEqual(body) }) else { return nil }
    return (known.value, semicolon + 1 - start)
  }

  /// The length of the white space character at `start` (ASCII, no-break and the other Unicode spaces), if any.
  private func whiteSpaceLength(at start: Int) -> Int? {
    let byte = html[start]
    if byte == 0x20 || (0x09...0x0D).contains(byte) { return 1 }
    guard byte >= 0xC2, let scalar = String(decoding: html[start..<min(html.count, start + 3)], as: UTF8.self)
      .unicodeScalars.first
    else { return nil }
    return scalar.properties.isWhitespace ? String(scalar).utf8.count : nil
  }

  private func decoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var reader = PlainTextReader(Array(bytes))
    return Array(reader.read(until: .end).text.utf8)
  }

  private func isAlphanumeric(_ byte: UInt8) -> Bool {
    byte &- 97 < 26 || byte &- 65 < 26 || byte &- 48 < 10
  }
}
