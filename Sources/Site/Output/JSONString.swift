/// JSON string literals written from UTF-8 bytes straight into a byte buffer: the one escaper of the build manifest
/// (`ManifestJSON`), the notebooks (`NotebookJSONWriter`) and the search scripts (`JavaScriptString`), which differ
/// only in what they escape (`Style`).
///
/// Bytes that need no escape are copied in runs, found eight at a time through a table. The input is taken as it
/// comes: the callers hand over a Swift `String`'s UTF-8 or ranges of it cut at character boundaries, which is
/// valid UTF-8, and any other byte ≥ 0x80 is copied as it is (never read past the end, never dropped).
enum JSONString {
  /// What a literal escapes, and how: `"`, `\` and the control characters U+0000–U+001F always.
  struct Style: Sendable {
    /// For each byte value, 8 bytes: the length of its escape (0: copied as it is), then the escape.
    fileprivate let escapes: [UInt8]
    /// The escape of U+2028 and U+2029 without its last digit (`\u202`); empty when they are copied.
    fileprivate let separatorEscape: [UInt8]

    /// `escape` gives each byte's escape (nil: copied as it is); `separators`, whether U+2028/U+2029 are escaped
    /// (`prefix` + `u2028`).
    private init(separators: Bool, prefix: [UInt8] = [0x5C], escape: (UInt8) -> [UInt8]?) {
      var escapes = [UInt8](repeating: 0, count: 256 * 8)
      for byte in 0...255 {
        guard let sequence = escape(UInt8(byte)) else { continue }
        precondition(!sequence.isEmpty && sequence.count < 8)
        escapes[byte * 8] = UInt8(sequence.count)
        for (offset, value) in sequence.enumerated() { escapes[byte * 8 + 1 + offset] = value }
      }
      if separators {
        // E2 is looked at (the separators' lead byte); one that starts another character is copied.
        escapes[0xE2 * 8] = 0xFF
        separatorEscape = prefix + Array("u202".utf8)
      } else {
        separatorEscape = []
      }
      self.escapes = escapes
    }

    /// JSON as `JSONEncoder` writes it with `.withoutEscapingSlashes` (and `JSONSerialization`): `\"`, `\\`,
    /// `\b \t \n \f \r`, other controls as `\u00xx`; U+007F, U+2028 and U+2029 as they are.
    static let json = Style(separators: false, escape: JSONString.jsonEscape)

    /// JSON as `JSONEncoder` writes it by default: `json`, and `/` as `\/`.
    static let jsonEscapingSlashes = Style(separators: false) { byte in
      byte == UInt8(ascii: "/") ? Array(#"\/"#.utf8) : JSONString.jsonEscape(byte)
    }

    /// A literal safe in a script file, even one inlined into a page: `\"`, `\\`, `\n`, `<` and the other controls
    /// as `\u00xx` (no lesson text can close a `<script>`), U+2028 and U+2029 as `\u2028`, `\u2029` (line ends in
    /// older JavaScript). Still valid JSON.
    static let script = Style(separators: true, escape: JSONString.scriptEscape)

    /// `script` escaped once more, for a double-quoted literal inside a single-quoted JavaScript one (JSON text in a
    /// script's string): each escape's backslash doubled, and `'` as `\'`, which only the outer literal needs.
    static let scriptInSingleQuotes = Style(separators: true, prefix: [0x5C, 0x5C]) { byte in
      if byte == UInt8(ascii: "'") { return Array(#"\'"#.utf8) }
      return JSONString.scriptEscape(byte).map { escape in escape.flatMap { $0 == 0x5C ? [0x5C, 0x5C] : [$0] } }
    }
  }

  /// `"` + `bytes` escaped + `"`, appended to `output`.
  static func append(quoted bytes: UnsafeBufferPointer<UInt8>, _ style: Style, to output: inout [UInt8]) {
    output.append(UInt8(ascii: "\""))
    append(escaping: bytes, style, to: &output)
    output.append(UInt8(ascii: "\""))
  }

  /// `"` + `text`'s UTF-8 escaped + `"`, appended to `output`.
  static func append(quoted text: String, _ style: Style, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { append(quoted: $0, style, to: &output) }
  }

  /// What goes between the quotes: `bytes` escaped as `style` says, appended to `output`.
  static func append(escaping bytes: UnsafeBufferPointer<UInt8>, _ style: Style, to output: inout [UInt8]) {
    guard let base = bytes.baseAddress else { return }
    style.escapes.withUnsafeBufferPointer { escapes in
      let count = bytes.count
      var run = 0
      var index = 0
      while index < count {
        // Eight plain bytes at a time (a byte is plain when its escape's length is 0); else these eight one by one.
        if index + 8 <= count {
          let p = base + index
          if escapes[Int(p[0]) &<< 3] | escapes[Int(p[1]) &<< 3] | escapes[Int(p[2]) &<< 3] | escapes[Int(p[3]) &<< 3]
            | escapes[Int(p[4]) &<< 3] | escapes[Int(p[5]) &<< 3] | escapes[Int(p[6]) &<< 3] | escapes[Int(p[7]) &<< 3] == 0
          {
            index += 8
            continue
          }
        }
        let end = min(index + 8, count)
        while index < end {
          let byte = base[index]
          let entry = Int(byte) &<< 3
          let length = Int(escapes[entry])
          if length == 0 {
            index += 1
            continue
          }
          if length == 0xFF {
            // E2 80 A8 / E2 80 A9: U+2028 / U+2029; any other E2 starts a character copied as it is.
            guard index + 2 < count, base[index + 1] == 0x80, base[index + 2] & 0xFE == 0xA8 else {
              index += 1
              continue
            }
            if run < index { output.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index - run)) }
            output += style.separatorEscape
            output.append(base[index + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9"))
            index += 3
            run = index
            continue
          }
          if run < index { output.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index - run)) }
          output.append(contentsOf: UnsafeBufferPointer(rebasing: escapes[(entry + 1)..<(entry + 1 + length)]))
          index += 1
          run = index
        }
      }
      if run < count { output.append(contentsOf: UnsafeBufferPointer(start: base + run, count: count - run)) }
    }
  }

  /// Lower-case hexadecimal digits, for `\u00xx`.
  static let hexDigits = Array("0123456789abcdef".utf8)

  /// `\u00xx` for `byte`.
  private static func unicodeEscape(_ byte: UInt8) -> [UInt8] {
    Array(#"\u00"#.utf8) + [hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0x0F)]]
  }

  /// JSON's escapes (`Style.json`).
  private static func jsonEscape(_ byte: UInt8) -> [UInt8]? {
    switch byte {
    case UInt8(ascii: "\""): Array(#"\""#.utf8)
    case UInt8(ascii: "\\"): Array(#"\\"#.utf8)
    case 0x08: Array(#"\b"#.utf8)
    case 0x09: Array(#"\t"#.utf8)
    case 0x0A: Array(#"\n"#.utf8)
    case 0x0C: Array(#"\f"#.utf8)
    case 0x0D: Array(#"\r"#.utf8)
    case 0..<0x20: unicodeEscape(byte)
    default: nil
    }
  }

  /// The search scripts' escapes (`Style.script`), besides the line and paragraph separators.
  private static func scriptEscape(_ byte: UInt8) -> [UInt8]? {
    switch byte {
    case UInt8(ascii: "\""): Array(#"\""#.utf8)
    case UInt8(ascii: "\\"): Array(#"\\"#.utf8)
    case 0x0A: Array(#"\n"#.utf8)
    case UInt8(ascii: "<"), 0..<0x20: unicodeEscape(byte)
    default: nil
    }
  }
}
