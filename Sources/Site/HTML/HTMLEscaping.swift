/// Escaping for text that reaches HTML: lesson text, captured program output, front matter.
///
/// Pages must stay well-formed XML, and XML 1.0 cannot hold most control characters at all (not even as
/// `&#0;`), so C0 controls other than tab, line feed and carriage return, and DEL, are shown as their Unicode
/// control pictures (NUL as ␀, ESC as ␛, SOH as ␁, DEL as ␡), and the non-characters U+FFFE and U+FFFF as
/// U+FFFD. A program that prints a terminal colour code shows `␛[31m` instead of breaking the page.
public enum HTMLEscaping {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and quoted attributes,
  /// and control characters shown as control pictures.
  public static func escape(_ text: String) -> String {
    var result = ""
    escape(text, into: &result)
    return result
  }

  /// Appends `text`, escaped as `escape(_:)` does, to `output`; text with nothing to escape is appended whole.
  public static func escape<S: StringProtocol>(_ text: S, into output: inout String) {
    let utf8 = text.utf8
    let table = needsEscaping
    let marked = { (byte: UInt8) in table[Int(byte)] }
    guard utf8.withContiguousStorageIfAvailable({ $0.contains(where: marked) }) ?? utf8.contains(where: marked) else {
      output += text
      return
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 16)
    escape(bytes: utf8, into: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the escaped form of `input` bytes (UTF-8) to `output` bytes.
  public static func escape<C: Collection<UInt8>>(bytes input: C, into output: inout [UInt8]) {
    var index = input.startIndex
    while index < input.endIndex {
      let byte = input[index]
      input.formIndex(after: &index)
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
      case UInt8(ascii: "<"): output.append(contentsOf: [38, 108, 116, 59])  // &lt;
      case UInt8(ascii: ">"): output.append(contentsOf: [38, 103, 116, 59])  // &gt;
      case UInt8(ascii: "\""): output.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
      case UInt8(ascii: "'"): output.append(contentsOf: [38, 35, 51, 57, 59])  // &#39;
      case 9, 10, 13: output.append(byte)
      case 0..<0x20: output.append(contentsOf: [0xE2, 0x90, 0x80 + byte])  // U+2400 + byte: ␀ … ␟
      case 0x7F: output.append(contentsOf: [0xE2, 0x90, 0xA1])  // ␡
      case 0xEF:
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters: U+FFFD instead.
        var next = index
        if next < input.endIndex, input[next] == 0xBF {
          input.formIndex(after: &next)
          if next < input.endIndex, input[next] == 0xBE || input[next] == 0xBF {
            input.formIndex(after: &next)
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
            index = next
            continue
          }
        }
        output.append(byte)
      default: output.append(byte)
      }
    }
  }

  /// Which bytes `escape(bytes:into:)` changes, by value: a table look-up per byte for the common case of text with
  /// nothing to escape.
  private static let needsEscaping: [Bool] = (0...255).map { (value: Int) -> Bool in
    switch UInt8(value) {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    case 9, 10, 13: false
    case 0..<0x20, 0x7F, 0xEF: true
    default: false
    }
  }
}
