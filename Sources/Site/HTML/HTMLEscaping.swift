/// Escaping for text that reaches HTML: lesson text, captured program output, front matter.
public enum HTMLEscaping {
  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in element content and quoted attributes.
  public static func escape(_ text: String) -> String {
    var result = ""
    escape(text, into: &result)
    return result
  }

  /// Appends `text`, escaped as `escape(_:)` does, to `output`; text with nothing to escape is appended whole.
  public static func escape<S: StringProtocol>(_ text: S, into output: inout String) {
    let utf8 = text.utf8
    guard utf8.contains(where: needsEscaping) else {
      output += text
      return
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 16)
    escape(bytes: utf8, into: &bytes)
    output += String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the escaped form of `input` bytes to `output` bytes.
  public static func escape<C: Collection<UInt8>>(bytes input: C, into output: inout [UInt8]) {
    for byte in input {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: [38, 97, 109, 112, 59])  // &amp;
      case UInt8(ascii: "<"): output.append(contentsOf: [38, 108, 116, 59])  // &lt;
      case UInt8(ascii: ">"): output.append(contentsOf: [38, 103, 116, 59])  // &gt;
      case UInt8(ascii: "\""): output.append(contentsOf: [38, 113, 117, 111, 116, 59])  // &quot;
      case UInt8(ascii: "'"): output.append(contentsOf: [38, 35, 51, 57, 59])  // &#39;
      default: output.append(byte)
      }
    }
  }

  private static func needsEscaping(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "\"")
      || byte == UInt8(ascii: "'")
  }
}
