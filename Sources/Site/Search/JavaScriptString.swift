/// JavaScript string literals for the search scripts, which carry lesson text (untrusted) into the site.
enum JavaScriptString {
  /// `text` as a double-quoted literal. Besides quotes, backslashes and control characters, `<` and the line and
  /// paragraph separators are escaped, so that no lesson text can close a `<script>` element even if a script is
  /// ever inlined into a page. Works on bytes: the search's documents hold the whole site's text.
  static func literal(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count + 16)
    append(literalOf: text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }

  /// Appends the literal of `text` to `output`.
  static func append(literalOf text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { append(literalOf: $0, to: &output) }
  }

  /// Appends the literal of `bytes` (UTF-8) to `output`: runs of bytes that need no escape are copied at once.
  static func append(literalOf bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    output.append(0x22)
    append(escaping: bytes, to: &output)
    output.append(0x22)
  }

  /// Appends the literal of `bytes` as it reads inside a single-quoted literal (JSON in a script's string): `"` +
  /// `bytes` escaped twice + `"`, in one pass. The double quotes need no escape in single quotes, so JSON's strings
  /// cost no backslashes of their own.
  static func append(nestedLiteralOf bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    output.append(0x22)
    append(escaping: bytes, nested: true, to: &output)
    output.append(0x22)
  }

  /// Appends what goes between the quotes of `bytes`' literal: `bytes` escaped, without the quotes; `nested`, escaped
  /// twice for a double-quoted literal inside a single-quoted one (each escape's backslash escaped; a backslash
  /// four times; a single quote escaped once, as only the outer literal needs it).
  static func append(escaping bytes: UnsafeBufferPointer<UInt8>, nested: Bool = false, to output: inout [UInt8]) {
    var run = 0
    var index = 0
    func flush() {
      if run < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index])) }
    }
    let plain = nested ? Self.plainNested : Self.plain
    while index < bytes.count {
      let byte = bytes[index]
      if plain[Int(byte)] {
        index += 1
        continue
      }
      flush()
      output.append(0x5C)
      if nested, byte != 0x27 { output.append(0x5C) }
      switch byte {
      case 0x27:
        output.append(byte)
      case 0x22, 0x5C:
        if nested, byte == 0x5C { output.append(0x5C) }
        output.append(byte)
      case 0x0A:
        output.append(0x6E)
      case 0x3C, 0x00..<0x20:
        output.append(0x75)
        output.append(0x30)
        output.append(0x30)
        output.append(hex[Int(byte >> 4)])
        output.append(hex[Int(byte & 0x0F)])
      case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        // U+2028 and U+2029 (E2 80 A8/A9).
        output.append(contentsOf: [0x75, 0x32, 0x30, 0x32, bytes[index + 2] == 0xA8 ? 0x38 : 0x39])
        index += 3
        run = index
        continue
      default:
        // E2 that starts another character: not escaped after all.
        output.removeLast(nested ? 2 : 1)
        run = index
        index += 1
        continue
      }
      index += 1
      run = index
    }
    flush()
  }

  private static let hex = Array("0123456789abcdef".utf8)
  /// The bytes copied as they are: all but quotes, backslashes, controls, `<` and E2 (the separators' lead byte).
  private static let plain: [Bool] = (0...255).map { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x3C && $0 != 0xE2 }
  /// The same for a nested literal, whose outer quotes are single.
  private static let plainNested: [Bool] = (0...255).map { plain[$0] && $0 != 0x27 }
}
