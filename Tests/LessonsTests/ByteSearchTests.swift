import Foundation
import Testing

@testable import Lessons

/// The byte-level helpers that replace `String.contains`, `firstRange(of:)`, Character loops and `NSString` path
/// methods on the parse's hot path give the same answers as what they replace.
@Suite("Byte search")
struct ByteSearchTests {
  static let texts = [
    "", "a", "{", "{%", "x{%", "{{ include.x }}", "ab{%-raw%}{%cd", "$$$", "é{%é", "🙂 $$x$$ 🙂", "%}{%", "a\nb\n\nc",
    "\n", "{{ include", String(repeating: "{", count: 100) + "{%",
  ]

  @Test("containsBytes agrees with Foundation's search, on Strings and Substrings")
  func search() {
    for text in Self.texts {
      for (needle, staticNeedle) in [("{%", "{%" as StaticString), ("$$", "$$"), ("{{ include.", "{{ include."), ("\n", "\n")] {
        #expect(text.containsBytes(staticNeedle) == text.contains(needle), "\(text) \(needle)")
        let slice = text.dropFirst()
        #expect(slice.containsBytes(staticNeedle) == slice.contains(needle), "\(slice) \(needle)")
      }
      #expect(text.newlineCount == text.filter { $0 == "\n" }.count)
    }
  }

  @Test("PathText takes paths apart as NSString does")
  func paths() {
    let paths = [
      "/a/b/tutorial.md", "tutorial.md", "/tutorial.md", "a/b/", "a//b/c.md", "", "/", "//", "./x.md", "a/./b.md",
      "/ümlaut/fïle.md", "a/b", "../up.md",
    ]
    for path in paths {
      #expect(PathText.lastComponent(path) == (path as NSString).lastPathComponent, "\(path)")
      #expect(PathText.deletingLastComponent(path) == (path as NSString).deletingLastPathComponent, "\(path)")
    }
    for name in ["tutorial.md", "slides.html", "notes", ".hidden", "a.b.c", "tutorial.md.bak", "tutorial.", "ü.md", ""] {
      #expect(PathText.deletingExtension(ofName: name) == (name as NSString).deletingPathExtension, "\(name)")
    }
  }

  @Test("a box title tag is recognised on bytes as the Character comparison did")
  func titleTags() {
    func reference(_ tag: String, closing: Bool) -> String? {
      let prefix = closing ? "</" : "<"
      guard tag.hasPrefix(prefix), tag.hasSuffix("-title>") else { return nil }
      let name = String(tag.dropFirst(prefix.count).dropLast("-title>".count))
      let allowed = !name.isEmpty && name.utf8.allSatisfy { byte in
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95 || (byte >= 65 && byte <= 90)
      }
      return allowed ? name : nil
    }
    let tags = [
      "<question-title>", "</question-title>", "<hands_on-2-title>", "<-title>", "</-title>", "<x-title>", "</x-title>",
      "<x-title >", "<x-title>\u{301}", "<\u{301}x-title>", "</\u{301}x-title>", "<x\u{301}-title>", "<x-tit\u{301}le>",
      "<tip-title", "tip-title>", "<ti p-title>", "<é-title>", "<a/b-title>", "<<a-title>", "<", ">", "", "</",
      "<question-title></question-title>", "<x-y-title>", "<X9-title>", "\u{FEFF}<x-title>",
    ]
    for tag in tags {
      for closing in [false, true] {
        #expect(BoxBuilder.titleTagType(tag, closing: closing) == reference(tag, closing: closing), "\(tag) \(closing)")
      }
    }
  }

  @Test("quote markers are dropped as Characters: a space a combining mark follows ends the run")
  func quoteMarkers() {
    for line in ["> > text", ">", "", "  >\tx", "> \u{301}x", ">\u{301}", "> é", "x > y", "> > "] {
      let slice = Substring(line)
      #expect(SourceLines.droppingQuoteMarkers(slice) == slice.drop { $0 == ">" || $0 == " " || $0 == "\t" }, "\(line)")
    }
  }
}

/// Heading ids made on bytes for ASCII headings are the ones the scalar walk makes for any heading.
@Suite("Heading slugs")
struct HeadingSlugTests {
  @Test("ASCII headings get kramdown's ids, as the same text with a letter past ASCII after it does")
  func asciiSlugs() {
    let cases = [
      ("Pools & Parallelism", "pools--parallelism"), ("1. Intro", "intro"), ("A-b c_d 9", "a-b-cd-9"), ("  ", ""),
      ("Section 2: Parameter genome 999", "section-2-parameter-genome-999"), ("`code` and *em*", "code-and-em"),
    ]
    for (text, slug) in cases {
      #expect(DialectContext.slug(text) == slug)
      // "é" sends the text through the scalar walk: its id is the ASCII id with "é" after it.
      let walked = DialectContext.slug(text + "é")
      #expect(walked == slug + "é", "\(text)")
    }
  }
}

/// `firstIndex(ofASCII:)` finds what `firstIndex(of:)` finds, combining marks and all.
@Suite("ASCII Character search")
struct ASCIICharacterSearchTests {
  @Test("the first { as a whole Character, on bytes where that is certain")
  func brace() {
    let texts = [
      "", "{", "a{b", "é{", "{\u{301}x{", "\u{600}{ {", "x{{ site.url }}", "no brace", "🙂{🙂", "{\u{301}",
      "a\r{", String(repeating: "é", count: 50) + "{",
    ]
    for text in texts {
      for slice in [Substring(text), Substring(text).dropFirst()] {
        #expect(slice.firstIndex(ofASCII: UInt8(ascii: "{")) == slice.firstIndex(of: "{"), "\(slice.debugDescription)")
      }
    }
  }
}

/// `trimmingSpaces` and `droppingQuoteMarkers` answer from the first and last bytes when they can: the same
/// answers as the Character-level trims, whatever the text's ends hold (marks that join a space or a letter,
/// `\r\n`, non-ASCII spaces, prepended marks).
@Suite("Byte trims")
struct ByteTrimTests {
  static let pieces = [
    "", "a", " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{301}", "e\u{301}",
    " \u{301}", "\u{600}1", "\u{200D}", "🙂", ">", "> ", ">>", "x}", "{:", "é",
  ]

  private static func characterTrim(_ text: Substring) -> Substring {
    guard let start = text.firstIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
    guard let end = text.lastIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
    return text[start...end]
  }

  @Test("trimmingSpaces equals the Character-level trim for every pair and triple of awkward pieces")
  func trimming() {
    for a in Self.pieces {
      for b in Self.pieces {
        for c in ["", "x", " ", "\u{301}"] {
          let text = a + c + b
          #expect(text.trimmingSpaces == Self.characterTrim(text[...]), "\(Array(text.unicodeScalars))")
          let slice = ("<" + text + ">").dropFirst().dropLast()
          #expect(slice.trimmingSpaces == Self.characterTrim(slice), "\(Array(slice.unicodeScalars))")
        }
      }
    }
  }

  @Test("droppingQuoteMarkers equals dropping the leading run of >, space and tab Characters")
  func quoteMarkers() {
    for a in Self.pieces {
      for b in Self.pieces {
        let line = (a + b)[...]
        let expected = line.drop { $0 == ">" || $0 == " " || $0 == "\t" }
        #expect(SourceLines.droppingQuoteMarkers(line) == expected, "\(Array(line.unicodeScalars))")
      }
    }
  }

  @Test("utf8Precedes is the order of the UTF-8 bytes, for every pair of awkward texts")
  func utf8Order() {
    let texts = Self.pieces + Self.pieces.map { "a" + $0 } + Self.pieces.map { $0 + "a" } + ["ab", "b", "\u{10FFFF}"]
    for left in texts {
      for right in texts {
        #expect(left.utf8Precedes(right) == left.utf8.lexicographicallyPrecedes(right.utf8), "\(Array(left.unicodeScalars)) \(Array(right.unicodeScalars))")
      }
    }
    // Bridged and substring-made strings (not native contiguous UTF-8) take the byte-by-byte path.
    let bridged = String(Substring("xé\u{301}y".dropFirst()))
    #expect(bridged.utf8Precedes("é") == bridged.utf8.lexicographicallyPrecedes("é".utf8))
  }
}
