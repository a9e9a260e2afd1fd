/// Splits a fragment of author-written HTML into text, tags and comments the way a browser's tokenizer does (the
/// WHATWG "data", "tag" and "attribute" states), on UTF-8 bytes, so that the sanitiser judges exactly the tags and
/// attributes a browser would see: `<img src=x/onerror=alert(1)>` is an `img` with an `onerror` attribute here too,
/// `<a href="x"title=y>` has two attributes, a comment ends at `-->` or `--!>`, and a tag the fragment ends inside
/// is no tag. Tree building (which element a tag closes) is not modelled: the sanitiser never needs it.
struct HTMLTagTokenizer {
  /// One attribute of a start tag, as byte ranges in the fragment.
  struct Attribute {
    /// The name, ASCII lower-cased as a browser does.
    var name: String
    /// The name as written.
    var nameRange: Range<Int>
    /// The white space before the attribute, when only white space separated it from what came before.
    var separator: Range<Int>?
    /// The value as written, without its quotes (entities not decoded); nil for `<details open>`.
    var value: Range<Int>?
  }

  /// A start tag: `<name attributes…>` or `<name …/>`.
  struct StartTag {
    /// The element name, ASCII lower-cased.
    var name: String
    /// The name as written.
    var nameRange: Range<Int>
    var attributes: [Attribute]
    /// What follows the last attribute up to `>`: white space, then `/` for `<br />`.
    var ending: Range<Int>
    /// The whole tag, `<` to `>`.
    var range: Range<Int>
  }

  /// What the fragment is made of.
  enum Token {
    /// Text between tags (a `<` that starts no tag is text, as in a browser).
    case text(Range<Int>)
    case startTag(StartTag)
    /// `</name>`; `plain` when nothing but white space follows the name.
    case endTag(name: String, range: Range<Int>, plain: Bool)
    /// A complete `<!-- … -->` comment.
    case comment(Range<Int>)
    /// A doctype, processing instruction, CDATA section or other "bogus comment" (up to the next `>`).
    case declaration(Range<Int>)
    /// A tag or comment the fragment ends inside: a browser drops it (and what follows it in a page), so it is no tag.
    case unterminated(Range<Int>)
  }

  let bytes: [UInt8]
  private(set) var position = 0

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The next token, or nil at the end of the fragment.
  mutating func next() -> Token? {
    guard position < bytes.count else { return nil }
    let start = position
    if bytes[start] == UInt8(ascii: "<") {
      let after = start + 1 < bytes.count ? bytes[start + 1] : 0
      if Self.isLetter(after) { return startTag(from: start) }
      if after == UInt8(ascii: "/") { return endTag(from: start) }
      if after == UInt8(ascii: "!") { return markupDeclaration(from: start) }
      if after == UInt8(ascii: "?") { return bogusComment(from: start) }
    }
    // Text runs to the next `<` that could start something (the `<` just looked at is text).
    var end = start + 1
    while end < bytes.count, bytes[end] != UInt8(ascii: "<") { end += 1 }
    position = end
    return .text(start..<end)
  }

  /// Goes on from `offset` (at most the end): for a reader that parsed a part itself (an XML DOCTYPE's internal subset).
  mutating func resume(at offset: Int) {
    position = min(max(offset, position), bytes.count)
  }

  /// Skips the text of an element a browser reads raw (`script`, `style`, `iframe`, …) up to its end tag
  /// (`</name` followed by white space, `/` or `>`, in any case; `name` lower-cased), leaving the end tag to `next()`. Returns the text's
  /// range and whether the end tag was found.
  mutating func skipRawText(endingWith name: String) -> (text: Range<Int>, closed: Bool) {
    let start = position
    let nameBytes = Array(name.utf8)
    var index = start
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/"),
        index + 2 + nameBytes.count <= bytes.count
      {
        var matches = true
        for offset in nameBytes.indices where Self.lowercased(bytes[index + 2 + offset]) != nameBytes[offset] {
          matches = false
          break
        }
        let following = index + 2 + nameBytes.count
        if matches, following < bytes.count,
          Self.isSpace(bytes[following]) || bytes[following] == UInt8(ascii: "/") || bytes[following] == UInt8(ascii: ">")
        {
          position = index
          return (start..<index, true)
        }
      }
      index += 1
    }
    position = bytes.count
    return (start..<bytes.count, false)
  }

  // MARK: Tags

  private mutating func startTag(from start: Int) -> Token {
    var index = start + 1
    let nameStart = index
    while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
      bytes[index] != UInt8(ascii: ">")
    {
      index += 1
    }
    let nameRange = nameStart..<index
    var attributes: [Attribute] = []
    var separatorStart = index
    var onlySpace = true
    while index < bytes.count {
      let byte = bytes[index]
      if Self.isSpace(byte) {
        index += 1
        continue
      }
      if byte == UInt8(ascii: ">") {
        position = index + 1
        return .startTag(
          StartTag(
            name: lowercasedString(nameRange), nameRange: nameRange, attributes: attributes,
            ending: separatorStart..<index, range: start..<index + 1))
      }
      if byte == UInt8(ascii: "/") {
        // `/>` ends the tag; a `/` anywhere else between attributes is ignored, as browsers do.
        if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: ">") {
          position = index + 2
          return .startTag(
            StartTag(
              name: lowercasedString(nameRange), nameRange: nameRange, attributes: attributes,
              ending: separatorStart..<index + 1, range: start..<index + 2))
        }
        onlySpace = false
        index += 1
        continue
      }
      let separator: Range<Int>? = onlySpace && separatorStart < index ? separatorStart..<index : nil
      // The attribute's name: a leading `=` belongs to it, then anything up to space, `/`, `>` or `=`.
      let attributeStart = index
      index += 1
      while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
        bytes[index] != UInt8(ascii: ">"), bytes[index] != UInt8(ascii: "=")
      {
        index += 1
      }
      var attribute = Attribute(
        name: lowercasedString(attributeStart..<index), nameRange: attributeStart..<index, separator: separator,
        value: nil)
      var afterName = index
      while afterName < bytes.count, Self.isSpace(bytes[afterName]) { afterName += 1 }
      if afterName < bytes.count, bytes[afterName] == UInt8(ascii: "=") {
        index = afterName + 1
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { break }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
          let valueStart = index + 1
          var close = valueStart
          while close < bytes.count, bytes[close] != quote { close += 1 }
          guard close < bytes.count else { break }
          attribute.value = valueStart..<close
          index = close + 1
        } else if quote != UInt8(ascii: ">") {
          let valueStart = index
          while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
          attribute.value = valueStart..<index
        } else {
          attribute.value = index..<index  // `name=>`: an empty value
        }
      }
      attributes.append(attribute)
      separatorStart = index
      onlySpace = true
    }
    position = bytes.count
    return .unterminated(start..<bytes.count)
  }

  /// `</name …>`; `</>` (dropped by browsers) and `</ x>` (a bogus comment) are declarations; `</` ending the
  /// piece is unterminated (what follows in the page would decide what it is).
  private mutating func endTag(from start: Int) -> Token {
    let nameStart = start + 2
    guard nameStart < bytes.count else {
      position = bytes.count
      return .unterminated(start..<bytes.count)
    }
    guard Self.isLetter(bytes[nameStart]) else {
      return bytes[nameStart] == UInt8(ascii: ">") ? declaration(from: start, end: nameStart + 1) : bogusComment(from: start)
    }
    var index = nameStart
    while index < bytes.count, !Self.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "/"),
      bytes[index] != UInt8(ascii: ">")
    {
      index += 1
    }
    let name = lowercasedString(nameStart..<index)
    var plain = true
    // An end tag's attributes are read (quoted values may hold `>`) and thrown away, as browsers do.
    while index < bytes.count, bytes[index] != UInt8(ascii: ">") {
      let byte = bytes[index]
      if !Self.isSpace(byte) { plain = false }
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        var close = index + 1
        while close < bytes.count, bytes[close] != byte { close += 1 }
        index = close
      }
      index += 1
    }
    guard index < bytes.count else {
      position = bytes.count
      return .unterminated(start..<bytes.count)
    }
    position = index + 1
    return .endTag(name: name, range: start..<index + 1, plain: plain)
  }

  // MARK: Comments and declarations

  private mutating func markupDeclaration(from start: Int) -> Token {
    guard hasPrefix("<!--", at: start) else { return bogusComment(from: start) }
    // `<!-->` and `<!--->` are whole (empty) comments.
    if hasPrefix(">", at: start + 4) { return comment(start..<start + 5) }
    if hasPrefix("->", at: start + 4) { return comment(start..<start + 6) }
    var index = start + 4
    while index < bytes.count {
      if hasPrefix("-->", at: index) { return comment(start..<index + 3) }
      if hasPrefix("--!>", at: index) { return comment(start..<index + 4) }
      index += 1
    }
    position = bytes.count
    return .unterminated(start..<bytes.count)
  }

  private mutating func comment(_ range: Range<Int>) -> Token {
    position = range.upperBound
    return .comment(range)
  }

  /// `<!DOCTYPE …>`, `<?…>`, `<![CDATA[…` and the like: a browser reads them as a comment ending at the first `>`.
  private mutating func bogusComment(from start: Int) -> Token {
    var index = start + 2
    while index < bytes.count, bytes[index] != UInt8(ascii: ">") { index += 1 }
    guard index < bytes.count else {
      position = bytes.count
      return .unterminated(start..<bytes.count)
    }
    return declaration(from: start, end: index + 1)
  }

  private mutating func declaration(from start: Int, end: Int) -> Token {
    position = end
    return .declaration(start..<end)
  }

  // MARK: Bytes

  private func hasPrefix(_ text: StaticString, at index: Int) -> Bool {
    let count = text.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
    return true
  }

  private func lowercasedString(_ range: Range<Int>) -> String {
    String(decoding: bytes[range].lazy.map(Self.lowercased), as: UTF8.self)
  }

  /// HTML's white space: tab, line feed, form feed, carriage return (read as a line feed) and space.
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0C || byte == 0x0D
  }

  static func isLetter(_ byte: UInt8) -> Bool {
    (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
  }

  static func lowercased(_ byte: UInt8) -> UInt8 {
    byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
  }
}
