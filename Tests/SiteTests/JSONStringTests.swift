import Foundation
import Testing

@testable import Site

/// `JSONString`, the one escaper of the manifest, the notebooks and the search scripts: each style's output is the
/// JSON its readers parse back to the text, byte for byte what each writer gave before, and bytes that are not UTF-8
/// are copied as they are, without reading past the end.
@Suite("JSON strings")
struct JSONStringTests {
  /// Every ASCII character, the separators and their neighbours, other multi-byte characters and a script's end.
  static let texts: [String] = [
    String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self),
    "line\u{2028}paragraph\u{2029}neighbours\u{2027}\u{2030}\u{20AC}",
    "é 🧬 \"\u{301} a\u{0301}",
    "</script><script>alert('x')</script>",
    "a/b\\c\"d'e\tf\rg\nh\u{08}\u{0C}\u{0B}\u{00}\u{1B}\u{7F}",
    String(repeating: "plain text runs longer than eight bytes ", count: 5) + "\u{2028}",
    "",
  ]

  static func written(_ text: String, _ style: JSONString.Style) -> String {
    var output: [UInt8] = []
    JSONString.append(quoted: text, style, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// `text` as JSONSerialization reads the JSON string `json`.
  static func parsed(_ json: String) throws -> String? {
    try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed) as? String
  }

  @Test("the JSON styles are JSONEncoder's text, with and without escaped slashes", arguments: texts)
  func json(text: String) throws {
    let encoder = JSONEncoder()
    #expect(Self.written(text, .jsonEscapingSlashes) == String(decoding: try encoder.encode(text), as: UTF8.self))
    encoder.outputFormatting = .withoutEscapingSlashes
    #expect(Self.written(text, .json) == String(decoding: try encoder.encode(text), as: UTF8.self))
    for style in [JSONString.Style.json, .jsonEscapingSlashes, .script] {
      #expect(try Self.parsed(Self.written(text, style)) == text)
    }
  }

  @Test("a script literal holds no '<', no raw separator or control character, and reads back as the text", arguments: texts)
  func script(text: String) throws {
    let literal = Self.written(text, .script)
    #expect(!literal.utf8.contains(UInt8(ascii: "<")))
    #expect(!literal.unicodeScalars.contains { $0.value < 0x20 || $0 == "\u{2028}" || $0 == "\u{2029}" })
    #expect(try Self.parsed(literal) == text)
    // In single quotes: the outer literal's escapes undone (`\\` and `\'`, the only ones it has) give the same JSON.
    let nested = Self.written(text, .scriptInSingleQuotes)
    var unescaped = ""
    var escaped = false
    for character in nested {
      if escaped || character != "\\" {
        #expect(escaped || character != "'", "a bare single quote ends the outer literal")
        unescaped.append(character)
        escaped = false
      } else {
        escaped = true
      }
    }
    #expect(!escaped)
    #expect(unescaped == literal)
    #expect(!nested.utf8.contains(UInt8(ascii: "<")))
  }

  @Test("the search scripts' literals keep their escapes: \\u003c, \\u0009, \\n, \\u2028, raw / and '")
  func scriptEscapes() {
    #expect(JavaScriptString.literal("</a>\t\n'/\u{2028}\u{2029}\u{7F}") == #""\u003c/a>\u0009\n'/\u2028\u2029"# + "\u{7F}\"")
    var nested: [UInt8] = []
    var text = "\"\\'<\u{2028}\n"
    text.withUTF8 { JavaScriptString.append(nestedLiteralOf: $0, to: &nested) }
    #expect(String(decoding: nested, as: UTF8.self) == #""\\"\\\\\'\\u003c\\u2028\\n""#)
  }

  @Test("bytes that are not UTF-8 are copied as they are, also a separator cut short at the end")
  func invalidUTF8() {
    let inputs: [[UInt8]] = [[0xE2], [0xE2, 0x80], [0x61, 0xE2, 0x80], [0xFF, 0xC3], [0x80, 0x80, 0xE2, 0x80, 0xAA], [0xE2, 0xE2, 0x80]]
    for input in inputs {
      for style in [JSONString.Style.json, .jsonEscapingSlashes, .script, .scriptInSingleQuotes] {
        // A buffer of exactly the input's size: a separator test that read on would read past it.
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: input.count)
        defer { buffer.deallocate() }
        _ = buffer.initialize(from: input)
        var output: [UInt8] = []
        JSONString.append(quoted: UnsafeBufferPointer(buffer), style, to: &output)
        #expect(output == [0x22] + input + [0x22], "\(input)")
      }
    }
    // A separator split by invalid bytes is no separator; a whole one after them still is.
    var output: [UInt8] = []
    [0xE2, 0xE2, 0x80, 0xA8, 0x3C].withUnsafeBufferPointer { JSONString.append(escaping: $0, .script, to: &output) }
    #expect(output == [0xE2] + Array(#"\u2028\u003c"#.utf8))
  }
}
