import Foundation
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

/// URL paths and code blocks, also checked against plain reference versions on random input.
@Suite("Link and code block fast paths")
struct LinkAndCodeFastPathTests {
  @Test("a path is encoded segment by segment, whether or not it needs encoding")
  func paths() {
    var generator = BodyFuzzTests.Generator(state: 0xA7E5)
    let pieces = ["a", "topics", "lesson-01", "/", "//", ".", "..", "...", " ", "%", "é", "?", "~", "_", "x.y"]
    for _ in 0..<3000 {
      let path = (0..<Int.random(in: 0...6, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      let reference = path.split(separator: "/", omittingEmptySubsequences: false)
        .map { URLPath.encodeSegment(String($0)) }.joined(separator: "/")
      #expect(URLPath.encode(path) == reference, "\(path.debugDescription)")
    }
  }

  @Test("every <pre> start tag without a tabindex gets tabindex=\"0\", nothing else changes")
  func codeBlocks() {
    var generator = BodyFuzzTests.Generator(state: 0xC0DE)
    let pieces = [
      "<pre>", "<pre class=\"x\">", "<pre tabindex=\"-1\">", "<pre\n>", "<p>", "<prefix>", "<pr", "text", "</pre>", "<", "é",
      "<pre", " tabindex", ">",
    ]
    for round in 0..<3000 {
      // Short bodies, and long ones where `<pre` falls anywhere in and across the sixteen-byte blocks.
      let pieceCount = Int.random(in: 0...(round % 2 == 0 ? 8 : 60), using: &generator)
      let html = (0..<pieceCount).map { _ in pieces.randomElement(using: &generator)! }.joined()
      // Reference: split at "<pre", decide for each part from its start.
      var parts = html.components(separatedBy: "<pre")
      for index in parts.indices.dropFirst() {
        let part = parts[index]
        guard part.hasPrefix(">") || part.hasPrefix(" ") else { continue }
        // The start tag runs to the first `>`, past other `<pre` in it.
        let tag = html.components(separatedBy: "<pre")[index...].joined(separator: "<pre").prefix { $0 != ">" }
        if !tag.contains("tabindex") { parts[index] = " tabindex=\"0\"" + part }
      }
      #expect(ScrollableCode.focusable(html) == parts.joined(separator: "<pre"), "\(html.debugDescription)")
    }
  }
}

/// The byte-level checks of a lesson page's context give what the character-level ones gave.
@Suite("Page context fast paths")
struct PageContextFastPathTests {
  static func samples(_ pieces: [String], count: Int) -> [String] {
    var generator = BodyFuzzTests.Generator(state: 0x5EED_0022)
    return (0..<count).map { _ in
      (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  @Test("a folder's depth counted on bytes is split(separator: \"/\").count, also for non-ASCII paths")
  func depth() {
    for folder in Self.samples(["/", "//", "a", "topics", "é", "\u{301}", "/\u{301}", "-", " "], count: 3000) {
      #expect(PageFormatting.depth(folder) == folder.split(separator: "/").count, "\(folder.debugDescription)")
      #expect(PageFormatting.root(fromFolder: folder) == String(repeating: "../", count: folder.split(separator: "/").count))
    }
  }

  @Test("contributor ids are checked on bytes as they were by characters")
  func contributorPaths() {
    func reference(_ id: String) -> String? {
      guard !id.isEmpty, id.count <= 100, !id.hasPrefix("."),
        id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") })
      else { return nil }
      return "contributors/\(id).html"
    }
    let pieces = ["a", "Z", "0", "9", "-", "_", ".", "/", " ", "é", "e\u{301}", "\r\n", "\n", "٣", "ａ", "$", ":"]
    var ids = Self.samples(pieces, count: 3000)
    ids += [String(repeating: "a", count: 100), String(repeating: "a", count: 101), ".a", "a.", ""]
    for id in ids {
      #expect(ContributorDirectory.pagePath(id) == reference(id), "\(id.debugDescription)")
    }
  }
}
