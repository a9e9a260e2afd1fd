import Lessons

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
    guard utf8.withContiguousStorageIfAvailable({ !isClean($0) }) ?? utf8.contains(where: { table[Int($0)] }) else {
      // Appended as what it is (the casts fold away once specialised): `output += text` would go through
      // `append(contentsOf:)` for any sequence of Characters, with dynamic casts on every call.
      if let string = text as? String {
        output += string
      } else if let slice = text as? Substring {
        output.append(contentsOf: slice)
      } else {
        output += String(text)
      }
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
      case UInt8(ascii: "&"): append("&amp;", to: &output)
      case UInt8(ascii: "<"): append("&lt;", to: &output)
      case UInt8(ascii: ">"): append("&gt;", to: &output)
      case UInt8(ascii: "\""): append("&quot;", to: &output)
      case UInt8(ascii: "'"): append("&#39;", to: &output)
      case 9, 10, 13: output.append(byte)
      case 0..<0x20:  // U+2400 + byte: ␀ … ␟
        output.append(0xE2)
        output.append(0x90)
        output.append(0x80 + byte)
      case 0x7F: append("\u{2421}", to: &output)  // ␡
      case 0xEF:
        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not XML characters: U+FFFD instead.
        var next = index
        if next < input.endIndex, input[next] == 0xBF {
          input.formIndex(after: &next)
          if next < input.endIndex, input[next] == 0xBE || input[next] == 0xBF {
            input.formIndex(after: &next)
            append("\u{FFFD}", to: &output)
            index = next
            continue
          }
        }
        output.append(byte)
      default: output.append(byte)
      }
    }
  }

  /// True when no byte of `bytes` needs escaping: eight bytes at a time while none of them may, then byte by byte.
  static func isClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let table = needsEscaping
    var index = 0
    if let base = bytes.baseAddress {
      while index + 8 <= bytes.count {
        if mayNeedEscaping(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
          for offset in index..<index + 8 where table[Int(bytes[offset])] { return false }
        }
        index += 8
      }
    }
    for offset in index..<bytes.count where table[Int(bytes[offset])] { return false }
    return true
  }

  /// Whether one of the eight bytes of `word` may need escaping: a control byte (tab, line feed and carriage return
  /// included), `&`, `<`, `>`, `"`, `'`, DEL or 0xEF. Never false when one does; a yes is checked byte by byte.
  private static func mayNeedEscaping(_ word: UInt64) -> Bool {
    let special =
      ByteWord.equal(word, UInt8(ascii: "&")) | ByteWord.equal(word, UInt8(ascii: "<"))
      | ByteWord.equal(word, UInt8(ascii: ">")) | ByteWord.equal(word, UInt8(ascii: "\""))
      | ByteWord.equal(word, UInt8(ascii: "'")) | ByteWord.equal(word, 0x7F) | ByteWord.equal(word, 0xEF)
    return ByteWord.below(word, 0x20) | special != 0
  }

  /// Appends the UTF-8 of an entity or replacement character (no array made per escaped byte).
  private static func append(_ text: StaticString, to output: inout [UInt8]) {
    text.withUTF8Buffer { output.append(contentsOf: $0) }
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
