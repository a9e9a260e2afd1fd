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
    if text.utf8.allSatisfy({ $0 < 0x80 }) {
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
