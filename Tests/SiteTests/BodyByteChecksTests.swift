import Testing

@testable import Site

/// The byte-level checks of the body writer answer as the Character-level ones they replace.
struct BodyByteChecksTests {
  @Test("endsWithLineFeed is hasSuffix(\"\\n\"): a carriage return before the line feed makes one Character")
  func lineFeed() {
    for text in ["", "\n", "a\n", "a\r\n", "\r\n", "é\n", "a", "\n\n", "\r", "a\n\u{301}", "<p>x</p>\n"] {
      #expect(BodyHTMLWriter.endsWithLineFeed(text) == text.hasSuffix("\n"), "\(text.debugDescription)")
    }
  }
}

/// The eight-bytes-at-a-time clean check of `HTMLEscaping` finds every byte that needs escaping, wherever it is.
struct HTMLEscapingScanTests {
  static func needsEscaping(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"): true
    case 9, 10, 13: false
    case 0..<0x20, 0x7F, 0xEF: true
    default: false
    }
  }

  @Test("every byte value at every position of buffers up to 19 bytes, on plain and non-ASCII backgrounds")
  func everyByteEverywhere() {
    for background in [UInt8(ascii: "a"), 0x80, 0xFF, 0x20, 10] {
      for length in 1...19 {
        for position in 0..<length {
          for value in 0...255 {
            var bytes = [UInt8](repeating: background, count: length)
            bytes[position] = UInt8(value)
            let expected = !bytes.contains(where: Self.needsEscaping)
            let clean = bytes.withUnsafeBufferPointer { HTMLEscaping.isClean($0) }
            if clean != expected { Issue.record("byte \(value) at \(position) of \(length) on \(background)") }
          }
        }
      }
    }
  }

  @Test("text is escaped as before: entities, control pictures, U+FFFE/U+FFFF, long clean runs")
  func escaping() {
    let long = String(repeating: "plain text é ✓ ", count: 20)
    #expect(HTMLEscaping.escape(long) == long)
    #expect(HTMLEscaping.escape(long + "<" + long) == long + "&lt;" + long)
    #expect(HTMLEscaping.escape("12345678\u{1B}[31m \u{FFFE}'\"&>") == "12345678␛[31m \u{FFFD}&#39;&quot;&amp;&gt;")
  }
}
