/// JavaScript string literals for the search scripts, which carry lesson text (untrusted) into the site.
enum JavaScriptString {
  /// `text` as a double-quoted literal. Besides quotes, backslashes and control characters, `<` and the line and
  /// paragraph separators are escaped, so that no lesson text can close a `<script>` element even if a script is
  /// ever inlined into a page. Works on bytes: the search's documents hold the whole site's text.
  static func literal(_ text: String) -> String {
    var output: [UInt8] = [0x22]
    output.reserveCapacity(text.utf8.count + 16)
    let hex = Array("0123456789abcdef".utf8)
    var previous: (UInt8, UInt8) = (0, 0)
    for byte in text.utf8 {
      switch byte {
      case 0x22, 0x5C:
        output += [0x5C, byte]
      case 0x0A:
        output += [0x5C, 0x6E]
      case 0x3C, 0x00..<0x20:
        output += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
      case 0xA8 where previous == (0xE2, 0x80), 0xA9 where previous == (0xE2, 0x80):
        // U+2028 and U+2029 (E2 80 A8/A9): replace the two bytes already copied.
        output.removeLast(2)
        output += Array("\\u202".utf8) + [byte == 0xA8 ? 0x38 : 0x39]
      default:
        output.append(byte)
      }
      previous = (previous.1, byte)
    }
    output.append(0x22)
    return String(decoding: output, as: UTF8.self)
  }
}
