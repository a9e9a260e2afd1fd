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
