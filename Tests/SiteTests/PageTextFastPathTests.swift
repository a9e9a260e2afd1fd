import Testing

@testable import Site

/// The byte-level versions of the page text helpers (ASCII text) give what the character-level ones give, so that
/// taking the fast path never changes a page.
@Suite("Page text fast paths")
struct PageTextFastPathTests {
  /// Random ASCII text made of the pieces the helpers look at: markers, spaces, white space, escaped characters.
  static func samples(count: Int, length: ClosedRange<Int>) -> [String] {
    var generator = BodyFuzzTests.Generator(state: 0x5EED_0011)
    let pieces = ["a", "bc", "word", " ", "  ", "*", "**", "`", "<", "&", "'", "\"", "\t", "\n", "\r\n", "\u{0B}", "\u{01}", "x y", "…"]
    return (0..<count).map { _ in
      (0..<Int.random(in: length, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  @Test("inline markup of ASCII text on bytes equals the character-level result")
  func inlineMarkup() {
    for text in Self.samples(count: 4000, length: 0...24) {
      #expect(InlineMarkup.html(text) == InlineMarkup.htmlByCharacters(text), "\(text.debugDescription)")
    }
  }

  @Test("descriptions of ASCII text cut on bytes equal the character-level cut, also cut twice")
  func trimmedDescriptions() {
    let long = [
      String(repeating: "x", count: 400), "a " + String(repeating: "b", count: 170), String(repeating: "…", count: 200),
      String(repeating: "ab… ", count: 60), String(repeating: "y", count: 158) + "…z",
    ]
    for text in Self.samples(count: 2000, length: 0...120) + long + Self.samples(count: 500, length: 30...90).map({ $0 + "…" }) {
      let fast = PageMeta.trimmed(text)
      #expect(fast == PageMeta.trimmedByCharacters(text), "\(text.debugDescription)")
      #expect(PageMeta.trimmed(fast) == PageMeta.trimmedByCharacters(PageMeta.trimmedByCharacters(text)))
    }
  }
}
