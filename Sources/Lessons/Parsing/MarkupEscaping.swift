/// Escaping of text for HTML text and attribute values, shared by the parser (attributes it writes into raw HTML)
/// and the site's templates: `<`, `>`, `&`, `"` and `'` become entities, done on bytes.
///
/// A comparison of whole characters misses a `"` followed by a combining mark (one character, `"\u{301}`), and the
/// quote would end an attribute value; on bytes each of the five is found whatever follows it (a multi-byte UTF-8
/// sequence never contains an ASCII byte).
public enum MarkupEscaping {
  /// `text` with the five markup characters as entities; text without any is returned as it is.
  public static func escape(_ text: String) -> String {
    var count = 0
    for byte in text.utf8 where isSpecial(byte) { count += 1 }
    guard count > 0 else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 5 * count)
    escape(text, into: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the UTF-8 of `text`, escaped as `escape(_:)` does, to `bytes` (a page rendered into one buffer makes
  /// no `String` per value).
  public static func escape(_ text: String, into bytes: inout [UInt8]) {
    var text = text
    text.withUTF8 { source in
      // Runs without a markup character are copied whole.
      var copied = 0
      for index in source.indices where isSpecial(source[index]) {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied..<index]))
        switch source[index] {
        case UInt8(ascii: "<"): bytes += "&lt;".utf8
        case UInt8(ascii: ">"): bytes += "&gt;".utf8
        case UInt8(ascii: "&"): bytes += "&amp;".utf8
        case UInt8(ascii: "\""): bytes += "&quot;".utf8
        default: bytes += "&#39;".utf8
        }
        copied = index + 1
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[copied...]))
    }
  }

  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
