import Foundation
import Testing

@testable import Site

/// The byte scans that replaced Character and NSString work on the build's hot paths give the same results as the
/// code they replaced, on text with CRLF, combining marks, emoji and Unicode spaces.
@Suite struct TextScanningTests {
  static let samples = [
    "", "\n", "a", "a\n", "a\nb", "\n\na\n\n", "a\r\nb\nc\r\n", "\r\n\n\r", "é\u{301}\nx\u{301}\n",
    "👩‍👩‍👧\n🇫🇷 \u{00A0}", " \t\u{2003}text\u{3000}\n\u{85}", "\u{301} lead\u{301} ", "only\r", "\r\r\n\n",
  ]

  @Test func notebookLinesMatchACharacterLoop() {
    for text in Self.samples {
      var expected: [String] = []
      var current = ""
      for character in text {
        current.append(character)
        if character == "\n" {
          expected.append(current)
          current = ""
        }
      }
      if !current.isEmpty { expected.append(current) }
      #expect(NotebookExport.lines(of: text) == expected, "\(text.debugDescription)")
    }
  }

  @Test func lineSplitMatchesTheCharacterSplit() {
    for text in Self.samples {
      let expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      #expect(text.linesSplitAtNewlineCharacters().map(String.init) == expected, "\(text.debugDescription)")
    }
  }

  @Test func scalarTrimmingMatchesFoundation() {
    let sets: [CharacterSet] = [.whitespacesAndNewlines, .whitespaces, CharacterSet(charactersIn: " -\t")]
    for text in Self.samples + [" - x - ", "--\t", "\u{301}"] {
      for set in sets {
        #expect(text.trimmingScalars(in: set) == text.trimmingCharacters(in: set), "\(text.debugDescription)")
        let sub = text[...]
        #expect(sub.trimmingScalars(in: set) == sub.trimmingCharacters(in: set), "\(text.debugDescription)")
      }
    }
  }

  @Test func codeBlocksGetOneTabStop() {
    #expect(ScrollableCode.focusable("<p>é</p><pre><code>x</code></pre>") == "<p>é</p><pre tabindex=\"0\"><code>x</code></pre>")
    #expect(ScrollableCode.focusable("<pre class=\"a\">1</pre><pre tabindex=\"-1\">2</pre><prefix>") == "<pre tabindex=\"0\" class=\"a\">1</pre><pre tabindex=\"-1\">2</pre><prefix>")
    #expect(ScrollableCode.focusable("no code 👩‍👩‍👧") == "no code 👩‍👩‍👧")
    #expect(ScrollableCode.focusable("<pre") == "<pre")
  }
}
