import Foundation

/// How the search cuts text into terms, the same way `assets/search.js` cuts a query: the text in Unicode NFC,
/// lower-cased (final sigma as sigma), split into runs of letters, marks, digits and `_`, each Chinese or Japanese
/// character a term of its own (those scripts put no spaces between words).
///
/// The index and the page must agree character for character, or a word the index holds would never be found:
/// any change here goes with the same change in `tokens()` of search.js.
enum SearchTerms {
  /// Calls `body` with each term of `text`, in order.
  static func forEach(in text: String, _ body: (String) -> Void) {
    if isASCII(text) {
      forEachASCII(in: text, body)
      return
    }
    var word = String.UnicodeScalarView()
    func flush() {
      if !word.isEmpty { body(String(word)) }
      word.removeAll(keepingCapacity: true)
    }
    for original in text.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
      let scalar = original == "ς" ? "σ" : original
      if isIdeograph(scalar) {
        flush()
        body(String(scalar))
      } else if isWordScalar(scalar) {
        word.append(scalar)
      } else {
        flush()
      }
    }
    flush()
  }

  /// Appends the terms of `text` to `terms`: the same terms as `forEach(in:_:)`, as UTF-8 bytes one after the other
  /// in `terms.bytes`, each ending at its offset in `terms.ends`. For ASCII text (most lessons) this works on the
  /// bytes alone: no `String` and no closure call per term.
  static func collect(in text: String, into terms: inout CollectedTerms) {
    var text = text
    text.withUTF8 { collect(in: $0, into: &terms) }
  }

  /// `collect(in:into:)` for text given as its UTF-8 bytes.
  static func collect(in text: UnsafeBufferPointer<UInt8>, into terms: inout CollectedTerms) {
    guard isASCII(text) else {
      forEach(in: String(decoding: text, as: UTF8.self)) { term in
        terms.bytes += term.utf8
        terms.ends.append(terms.bytes.count)
      }
      return
    }
    var start = terms.bytes.count
    for var byte in text {
      if byte &- 65 < 26 { byte += 32 }
      if byte &- 97 < 26 || byte &- 48 < 10 || byte == 95 {
        terms.bytes.append(byte)
      } else if terms.bytes.count > start {
        terms.ends.append(terms.bytes.count)
        start = terms.bytes.count
      }
    }
    if terms.bytes.count > start { terms.ends.append(terms.bytes.count) }
  }

  /// The most characters (Unicode scalars) of a term the index keeps: a longer word (a DNA sequence, a line of
  /// base64) is indexed by its first `longestTerm` characters, as Lucene cuts tokens at 255, so that one huge word
  /// does not make a term file of its own size. search.js cuts a query's words the same way, and prefix matching
  /// still finds them.
  static let longestTerm = 64

  /// `term`'s UTF-8 bytes cut after `longestTerm` characters.
  static func capped(_ term: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    guard term.count > longestTerm else { return term }
    var characters = 0
    for (offset, byte) in term.enumerated() where byte & 0xC0 != 0x80 {
      if characters == longestTerm { return UnsafeBufferPointer(rebasing: term[..<offset]) }
      characters += 1
    }
    return term
  }

  /// Whether `text` is ASCII only.
  static func isASCII(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { isASCII($0) }
  }

  /// Whether every byte is ASCII, eight at a time.
  static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    let raw = UnsafeRawPointer(base)
    while index + 8 <= bytes.count {
      if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
      index += 8
    }
    while index < bytes.count {
      if bytes[index] >= 0x80 { return false }
      index += 1
    }
    return true
  }

  /// The terms of `text`.
  static func terms(of text: String) -> [String] {
    var terms: [String] = []
    forEach(in: text) { terms.append($0) }
    return terms
  }

  /// Which shard of the index holds `term` before any shard is split: its first two characters (a one-character
  /// term is its own key).
  static func key(of term: String, length: Int = 2) -> String {
    String(String.UnicodeScalarView(term.unicodeScalars.prefix(length)))
  }

  /// Text that is ASCII only (most lessons): the same rules on bytes, without decoding or normalising.
  private static func forEachASCII(in text: String, _ body: (String) -> Void) {
    var word: [UInt8] = []
    word.reserveCapacity(32)
    for byte in text.utf8 {
      let lower = byte &- 65 < 26 ? byte + 32 : byte
      if lower &- 97 < 26 || lower &- 48 < 10 || lower == 95 {
        word.append(lower)
      } else if !word.isEmpty {
        body(String(decoding: word, as: UTF8.self))
        word.removeAll(keepingCapacity: true)
      }
    }
    if !word.isEmpty { body(String(decoding: word, as: UTF8.self)) }
  }

  /// A letter, mark, number or `_` (JavaScript's `[\p{L}\p{M}\p{N}_]`).
  static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII {
      let value = scalar.value
      return value &- 97 < 26 || value &- 65 < 26 || value &- 48 < 10 || value == 95
    }
    switch scalar.properties.generalCategory {
    case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
      .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
      return true
    default:
      return false
    }
  }

  /// A Han ideograph, hiragana or katakana: each is a term by itself (search.js uses the same ranges).
  static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF66...0xFF9F,
      0x20000...0x3FFFF:
      return true
    default:
      return false
    }
  }
}

/// Terms collected by `SearchTerms.collect(in:into:)`: term `n` is `bytes[ends[n - 1]..<ends[n]]` (from 0 for the
/// first). Reused from text to text with `removeAll(keepingCapacity:)`.
struct CollectedTerms {
  var bytes: [UInt8] = []
  var ends: [Int] = []

  mutating func removeAll() {
    bytes.removeAll(keepingCapacity: true)
    ends.removeAll(keepingCapacity: true)
  }
}
