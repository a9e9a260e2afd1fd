import Lessons

/// The plain text of HTML, read up to a stop (a section heading, the end of a heading, or the end): tags dropped
/// (inline ones join words, others separate them), the `#` links beside headings skipped, entities decoded, white
/// space collapsed to single spaces. Works on the bytes in place and appends to a caller's buffer, so that a
/// lesson's sections share one buffer.
struct PlainTextReader {
  enum Stop { case sectionHeading, headingEnd, end }

  /// Tags that do not separate words (`Process<span>Pool</span>` is one word).
  /// (Packed names, looked up in a short array: cheaper than hashing for every tag.)
  private static let inlineTags: [UInt64] =
    ["a", "abbr", "b", "code", "em", "i", "kbd", "mark", "samp", "small", "span", "strong", "sub", "sup"].map(Tag.packed)
  private static let entities: [(name: [UInt8], value: Unicode.Scalar)] = [
    ("lt", "<"), ("gt", ">"), ("quot", "\""), ("amp", "&"), ("nbsp", " "), ("apos", "'"),
  ].map { (Array($0.0.utf8), $0.1) }

  let html: UnsafeBufferPointer<UInt8>
  var position = 0

  /// The bytes that end a run of plain text: `<`, `&`, ASCII white space and controls, DEL, and the lead bytes of
  /// the Unicode spaces (C2: no-break space; E2, E3: the others).
  private static let endsText: [Bool] = (0...255).map { byte in
    byte == 0x3C || byte == 0x26 || byte <= 0x20 || byte == 0xC2 || byte == 0xE2 || byte == 0xE3 || byte == 0x7F
  }

  init(_ html: UnsafeBufferPointer<UInt8>) { self.html = html }

  /// Appends the text up to `stop` to `text`; for a section heading, returns the range of its raw `id` value in
  /// the HTML (nil at the end of the input).
  mutating func read(until stop: Stop, into text: inout [UInt8]) -> Range<Int>? {
    let start = text.count
    var pendingSpace = false
    let endsText = Self.endsText
    let inlineTags = Self.inlineTags
    while position < html.count {
      let byte = html[position]
      if byte == 0x3C, let tag = tag(at: position) {
        if stop == .sectionHeading, tag.isSectionHeading, let anchor = tag.id(in: html) {
          position = tag.end
          return anchor
        }
        if stop == .headingEnd, tag.closing, tag.isHeading {
          position = tag.end
          return nil
        }
        position = tag.end
        if tag.isHeadingAnchorLink(in: html) { skipToEndOfLink() }
        if !inlineTags.contains(tag.name) { pendingSpace = true }
      } else if byte == 0x26, let (value, length) = entity(at: position) {
        if value.properties.isWhitespace {
          pendingSpace = true
        } else {
          if pendingSpace, text.count > start { text.append(0x20) }
          pendingSpace = false
          UTF8.encode(value) { text.append($0) }
        }
        position += length
      } else if let length = whiteSpaceLength(at: position) {
        pendingSpace = true
        position += length
      } else {
        // A run takes in the single spaces between words: the same text as ending it there and starting the next
        // run after a pending space, with one append per run of prose instead of one per word. (E1 may start U+1680,
        // white space where a run starts.)
        var end = position + 1
        while end < html.count {
          if !endsText[Int(html[end])] {
            end += 1
          } else if html[end] == 0x20, end + 1 < html.count, !endsText[Int(html[end + 1])], html[end + 1] != 0xE1 {
            end += 2
          } else {
            break
          }
        }
        if pendingSpace, text.count > start { text.append(0x20) }
        pendingSpace = false
        text.append(contentsOf: UnsafeBufferPointer(rebasing: html[position..<end]))
        position = end
      }
    }
    return nil
  }

  /// The plain text of `bytes` (an attribute's value): the bytes themselves when nothing in them needs reading.
  static func decoded(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    if bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x3C && $0 != 0x26 }) {
      return String(decoding: bytes, as: UTF8.self)
    }
    var text: [UInt8] = []
    var reader = PlainTextReader(bytes)
    _ = reader.read(until: .end, into: &text)
    return String(decoding: text, as: UTF8.self)
  }

  /// A tag starting at `start` (`<`): its lower-cased name, whether it closes, where it ends and its attributes.
  struct Tag {
    /// The lower-cased name's bytes packed in a number (`packed`), without an allocation per tag.
    var name: UInt64
    var closing: Bool
    var end: Int
    var attributes: Range<Int>

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
    /// The range of the value of an `id="…"` that comes first among the attributes, as the body writer puts it.
    func id(in html: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
      let attributes = html[attributes]
      guard attributes.starts(with: Self.idPrefix) else { return nil }
      let value = attributes.dropFirst(Self.idPrefix.count)
      return value.firstIndex(of: 0x22).map { value.startIndex..<$0 }
    }
    /// The `#` link the body writer puts beside a heading: not text.
    func isHeadingAnchorLink(in html: UnsafeBufferPointer<UInt8>) -> Bool {
      !closing && name == Self.a && Self.anchorClasses.contains { html[attributes].starts(with: $0) }
    }
  }

  private func tag(at start: Int) -> Tag? {
    guard let close = ByteSearch.firstOffset(of: 0x3E, in: html, from: start + 1) else { return nil }
    var index = start + 1
    let closing = index < close && html[index] == 0x2F
    while index < close, html[index] == 0x2F { index += 1 }
    let nameStart = index
    while index < close, index - nameStart < 12, isAlphanumeric(html[index]) { index += 1 }
    var name: UInt64 = index - nameStart > 8 ? .max : 0
    if name == 0 {
      for byte in html[nameStart..<index] { name = name << 8 | UInt64(byte &- 65 < 26 ? byte + 32 : byte) }
    }
    return Tag(name: name, closing: closing, end: close + 1, attributes: index..<close)
  }

  /// Moves past the `</a>` that ends the current link (its text, the `#`, is not the lesson's).
  private mutating func skipToEndOfLink() {
    if let end = ByteSearch.firstOffset(of: "</a>", in: html, from: position) {
      position = end + 4
    } else {
      position = html.count
    }
  }

  /// A character reference at `start` (`&`): its value and length; nil for text that only looks like one.
  private func entity(at start: Int) -> (Unicode.Scalar, Int)? {
    guard let semicolon = html[(start + 1)..<min(html.count, start + 12)].firstIndex(of: 0x3B) else { return nil }
    let body = html[(start + 1)..<semicolon]
    if body.first == 0x23 {
      let digits = body.dropFirst()
      let hex = digits.first == 0x78 || digits.first == 0x58
      guard let number = UInt32(String(decoding: hex ? digits.dropFirst() : digits, as: UTF8.self), radix: hex ? 16 : 10),
        let scalar = Unicode.Scalar(number), number != 0
      else { return nil }
      return (scalar, semicolon + 1 - start)
    }
    guard let known = Self.entities.first(where: { $0.name.elementsEqual(body) }) else { return nil }
    return (known.value, semicolon + 1 - start)
  }

  /// The length of the white space character at `start` (ASCII, no-break and the other Unicode spaces), if any:
  /// U+0085, U+00A0, U+1680, U+2000–200A, U+2028, U+2029, U+202F, U+205F and U+3000 (Unicode's White_Space),
  /// matched on their UTF-8 bytes.
  private func whiteSpaceLength(at start: Int) -> Int? {
    let byte = html[start]
    if byte < 0x80 { return byte == 0x20 || (0x09...0x0D).contains(byte) ? 1 : nil }
    guard start + 1 < html.count else { return nil }
    let second = html[start + 1]
    if byte == 0xC2 { return second == 0x85 || second == 0xA0 ? 2 : nil }
    guard byte == 0xE1 || byte == 0xE2 || byte == 0xE3, start + 2 < html.count else { return nil }
    let third = html[start + 2]
    switch (byte, second) {
    case (0xE1, 0x9A): return third == 0x80 ? 3 : nil
    case (0xE2, 0x80): return (0x80...0x8A).contains(third) || third == 0xA8 || third == 0xA9 || third == 0xAF ? 3 : nil
    case (0xE2, 0x81): return third == 0x9F ? 3 : nil
    case (0xE3, 0x80): return third == 0x80 ? 3 : nil
    default: return nil
    }
  }

  private func isAlphanumeric(_ byte: UInt8) -> Bool {
    byte &- 97 < 26 || byte &- 65 < 26 || byte &- 48 < 10
  }
}
