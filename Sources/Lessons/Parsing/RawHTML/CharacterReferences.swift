/// Decodes HTML character references in an attribute value, as far as the checks need it.
enum CharacterReferences {
  /// The decoded bytes (UTF-8), and whether all of the value was decoded (false when it stopped at a reference it
  /// does not know or, when asked, at a Liquid tag).
  struct Decoded {
    var bytes: [UInt8]
    var complete: Bool
  }

  /// The named references that can spell a scheme or hide one's end; any other named reference stops decoding.
  private static let named: [String: UInt8] = [
    "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "colon": 0x3A, "tab": 0x09, "newline": 0x0A,
    "sol": 0x2F, "num": 0x23, "quest": 0x3F, "period": 0x2E, "lpar": 0x28, "rpar": 0x29, "equals": 0x3D,
    "plus": 0x2B, "hyphen": 0x2D, "dash": 0x2D, "nbsp": 0x20, "semi": 0x3B, "comma": 0x2C, "excl": 0x21,
    "percnt": 0x25, "bsol": 0x5C, "commat": 0x40, "dollar": 0x24, "ast": 0x2A, "lowbar": 0x5F, "grave": 0x60,
    "lbrack": 0x5B, "rbrack": 0x5D, "lsqb": 0x5B, "rsqb": 0x5D, "lcub": 0x7B, "rcub": 0x7D, "verbar": 0x7C,
  ]

  static func decode(_ raw: ArraySlice<UInt8>, stoppingAtLiquid: Bool) -> Decoded {
    var output: [UInt8] = []
    output.reserveCapacity(raw.count)
    var index = raw.startIndex
    while index < raw.endIndex {
      let byte = raw[index]
      if stoppingAtLiquid, byte == UInt8(ascii: "{"), index + 1 < raw.endIndex,
        raw[index + 1] == UInt8(ascii: "{") || raw[index + 1] == UInt8(ascii: "%")
      {
        return Decoded(bytes: output, complete: false)
      }
      guard byte == UInt8(ascii: "&") else {
        output.append(byte)
        index += 1
        continue
      }
      var cursor = index + 1
      if cursor < raw.endIndex, raw[cursor] == UInt8(ascii: "#") {
        cursor += 1
        let hex = cursor < raw.endIndex && (raw[cursor] == UInt8(ascii: "x") || raw[cursor] == UInt8(ascii: "X"))
        if hex { cursor += 1 }
        var value: UInt32 = 0
        let digitsStart = cursor
        while cursor < raw.endIndex, let digit = digitValue(raw[cursor], hex: hex) {
          value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
          cursor += 1
        }
        guard cursor > digitsStart else {
          output.append(byte)  // `&#` with no digits is text
          index += 1
          continue
        }
        if cursor < raw.endIndex, raw[cursor] == UInt8(ascii: ";") { cursor += 1 }
        appendScalar(value, to: &output)
        index = cursor
        continue
      }
      // A named reference: letters and digits, then `;` (browsers also know a few without `;`; those are letters
      // followed by what is not a letter, handled below as unknown when they could matter).
      while cursor < raw.endIndex, isAlphanumeric(raw[cursor]) { cursor += 1 }
      guard cursor > index + 1 else {
        output.append(byte)
        index += 1
        continue
      }
      let name = String(decoding: raw[(index + 1)..<cursor].map(HTMLTagTokenizer.lowercased), as: UTF8.self)
      if cursor < raw.endIndex, raw[cursor] == UInt8(ascii: ";"), let value = named[name] {
        output.append(value)
        index = cursor + 1
        continue
      }
      // `&amp` and friends without `;`, or a name this table does not hold: its meaning is not worked out here.
      return Decoded(bytes: output, complete: false)
    }
    return Decoded(bytes: output, complete: true)
  }

  private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
    if byte >= 0x30 && byte <= 0x39 { return UInt32(byte - 0x30) }
    guard hex else { return nil }
    let lower = HTMLTagTokenizer.lowercased(byte)
    if lower >= 0x61 && lower <= 0x66 { return UInt32(lower - 0x61 + 10) }
    return nil
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    HTMLTagTokenizer.isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
  }

  /// Appends the UTF-8 of a code point (U+FFFD for what is none, as browsers decode it).
  private static func appendScalar(_ value: UInt32, to output: inout [UInt8]) {
    let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
    output.append(contentsOf: String(Character(scalar)).utf8)
  }
}
