import Mustache

/// The escaping of `{{…}}` in the site's templates: `<`, `>`, `&`, `"` and `'` become entities, every one of them,
/// done on bytes.
///
/// swift-mustache's own HTML content type compares whole characters, so a `"` followed by a combining mark (one
/// character, `"\u{301}`) is not a `"` to it and is left as it is: lesson text could end an attribute value
/// (`content="…"`) and add attributes of its own. Here every such byte is escaped whatever follows it; for any
/// other text the output is what Mustache's escaper gives. It is also faster: Mustache looks every character of
/// every value up in a dictionary. `TemplateSet` puts every template under this content type (a `CONTENT_TYPE`
/// pragma line before its text).
struct TemplateEscaping: MustacheContentType {
  /// The content type's name in the pragma.
  static let name = "LESSONS_HTML"
  /// The line put before every template's text: standalone, so that it leaves no trace in the output.
  static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

  /// Registers the content type with Mustache (once per process; registering again changes nothing).
  static func register() {
    _ = registration
  }

  private static let registration: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

  func escapeText(_ text: String) -> String {
    Self.escape(text)
  }

  static func escape(_ text: String) -> String {
    // Text without any of the five bytes (most of it) is returned as it is. A multi-byte UTF-8 sequence never
    // contains an ASCII byte, so each of the five bytes is the character itself, whatever scalars follow it.
    var count = 0
    for byte in text.utf8 where isSpecial(byte) { count += 1 }
    guard count > 0 else { return text }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 5 * count)
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "<"): bytes += "&lt;".utf8
      case UInt8(ascii: ">"): bytes += "&gt;".utf8
      case UInt8(ascii: "&"): bytes += "&amp;".utf8
      case UInt8(ascii: "\""): bytes += "&quot;".utf8
      case UInt8(ascii: "'"): bytes += "&#39;".utf8
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
