import Foundation

/// The little Markdown that front matter items use (`code`, **strong**, *emphasis*), as HTML, for the overview and
/// key points, which GTN renders as Markdown.
///
/// Everything is escaped first; only complete pairs of markers become elements, so the result is always well
/// formed whatever the text holds.
enum InlineMarkup {
  static func html(_ text: String) -> String {
    // ASCII text (the usual case) is marked up on its bytes, where a character is a byte; other text goes by
    // characters, where a marker followed by a combining mark is not a marker.
    text.utf8.allSatisfy({ $0 < 0x80 }) ? ASCIIMarkup.html(text) : htmlByCharacters(text)
  }

  /// `html` by characters, for any text.
  static func htmlByCharacters(_ text: String) -> String {
    var output = ""
    var rest = Substring(text)
    while let tick = rest.firstIndex(of: "`") {
      let after = rest.index(after: tick)
      guard let close = rest[after...].firstIndex(of: "`") else { break }
      output += emphasis(HTMLEscaping.escape(String(rest[..<tick])))
      output += "<code>" + HTMLEscaping.escape(String(rest[after..<close])) + "</code>"
      rest = rest[rest.index(after: close)...]
    }
    return output + emphasis(HTMLEscaping.escape(String(rest)))
  }

  /// `**x**` → `<strong>x</strong>`, then `*x*` → `<em>x</em>`, in escaped text without code spans.
  private static func emphasis(_ escaped: String) -> String {
    pairs(pairs(escaped, marker: "**", tag: "strong"), marker: "*", tag: "em")
  }

  private static func pairs(_ text: String, marker: String, tag: String) -> String {
    let parts = text.components(separatedBy: marker)
    guard parts.count >= 3 else { return text }
    var output = parts[0]
    var index = 1
    while index < parts.count {
      if index + 1 < parts.count, !parts[index].isEmpty, parts[index].first != " " {
        output += "<\(tag)>" + parts[index] + "</\(tag)>" + parts[index + 1]
        index += 2
      } else {
        output += marker + parts[index]
        index += 1
      }
    }
    return output
  }
}

/// `InlineMarkup.html` for ASCII text, on its bytes: the same result without Foundation's character-by-character
/// `components(separatedBy:)`, which made front matter items a measurable part of every page.
private enum ASCIIMarkup {
  private static let backtick = UInt8(ascii: "`")
  private static let star = UInt8(ascii: "*")

  static func html(_ text: String) -> String {
    let bytes = Array(text.utf8)
    guard bytes.contains(where: { $0 == backtick || $0 == star }) else { return HTMLEscaping.escape(text) }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 32)
    var rest = bytes[...]
    while let tick = rest.firstIndex(of: backtick) {
      guard let close = rest[(tick + 1)...].firstIndex(of: backtick) else { break }
      output += emphasis(escaped(rest[..<tick]))
      output += Array("<code>".utf8) + escaped(rest[(tick + 1)..<close]) + Array("</code>".utf8)
      rest = rest[(close + 1)...]
    }
    output += emphasis(escaped(rest))
    return String(decoding: output, as: UTF8.self)
  }

  private static func escaped(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    HTMLEscaping.escape(bytes: bytes, into: &output)
    return output
  }

  private static func emphasis(_ escaped: [UInt8]) -> [UInt8] {
    guard escaped.contains(star) else { return escaped }
    return pairs(pairs(escaped, marker: [star, star], tag: "strong"), marker: [star], tag: "em")
  }

  /// As `components(separatedBy: marker)` then joined back, the parts between two markers wrapped in `tag`.
  private static func pairs(_ text: [UInt8], marker: [UInt8], tag: String) -> [UInt8] {
    var parts: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index + marker.count <= text.count {
      if text[index..<(index + marker.count)].elementsEqual(marker) {
        parts.append(text[start..<index])
        index += marker.count
        start = index
      } else {
        index += 1
      }
    }
    parts.append(text[start...])
    guard parts.count >= 3 else { return text }
    let open = Array("<\(tag)>".utf8)
    let close = Array("</\(tag)>".utf8)
    var output = Array(parts[0])
    var part = 1
    while part < parts.count {
      if part + 1 < parts.count, !parts[part].isEmpty, parts[part].first != UInt8(ascii: " ") {
        output += open + parts[part] + close + parts[part + 1]
        part += 2
      } else {
        output += marker + parts[part]
        part += 1
      }
    }
    return output
  }
}
