import Mustache

/// The escaping of `{{…}}` in the site's templates: what swift-mustache's own HTML content type does (`<`, `>`, `&`,
/// `"` and `'` as entities, compared character by character), done on bytes.
///
/// Mustache's escaper looks every character of every value up in a dictionary, which made it a third of the time
/// spent rendering pages (a thousand lesson titles on the index, the descriptions, the table of contents…).
/// `TemplateSet` puts every template under this content type (a `CONTENT_TYPE` pragma line before its text), so
/// the pages are byte for byte what Mustache's escaper gives, faster.
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
    // Text without any of the five characters (most of it) is returned as it is: no character can be one of them.
    var special = false
    var ascii = true
    for byte in text.utf8 {
      if byte >= 0x80 { ascii = false } else if isSpecial(byte) { special = true }
    }
    guard special else { return text }
    guard ascii else { return escapeByCharacters(text) }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + 32)
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

  /// Mustache's own algorithm, for text that is not ASCII: a `"` that a combining mark follows is one character
  /// with it, not a `"`, and is left as it is.
  static func escapeByCharacters(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  private static func isSpecial(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
