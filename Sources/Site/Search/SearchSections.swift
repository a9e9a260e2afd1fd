import Foundation

/// A lesson's text cut at its `##` and `###` headings, for the site's full-text search: each section keeps the
/// heading, its anchor (to link to it) and its plain text (prose, code, cell outputs).
///
/// Read in one pass over the rendered body's bytes (`SectionTexts`): this runs on every lesson of every build, and
/// the first version (regular expressions and `Character` loops) took two thirds of a 1,000-lesson build.
struct SearchSection: Codable, Sendable, Hashable {
  var heading: String
  var anchor: String
  var text: String

  /// The sections of a rendered lesson body (`<h2 id="…">`/`<h3 id="…">` start one): text before the first
  /// heading is a section without heading; sections with neither heading nor text are left out.
  static func sections(ofBody html: String) -> [SearchSection] {
    SectionTexts(body: html).sections
  }

  /// `html` without tags (and without the `#` links beside headings), its entities decoded and its white space
  /// collapsed.
  static func plainText(_ html: Substring) -> String {
    var html = html
    return html.withUTF8 { html in
      var text: [UInt8] = []
      text.reserveCapacity(html.count)
      var reader = PlainTextReader(html)
      _ = reader.read(until: .end, into: &text)
      return String(decoding: text, as: UTF8.self)
    }
  }
}

/// The sections of a lesson as byte ranges of one buffer, as the search index's builder reads them: no `String`
/// per section, and the terms and the document are made from the same bytes.
struct SectionTexts {
  /// Every section's heading and text, one after the other.
  private(set) var bytes: [UInt8] = []
  private(set) var parts: [(heading: Range<Int>, anchor: String, text: Range<Int>)] = []

  /// The sections of a rendered lesson body, as `SearchSection.sections(ofBody:)` describes them.
  init(body html: String) {
    var html = html
    html.withUTF8 { html in
      bytes.reserveCapacity(html.count / 2)
      var reader = PlainTextReader(html)
      var heading = 0..<0
      var anchor = ""
      while true {
        let start = bytes.count
        let next = reader.read(until: .sectionHeading, into: &bytes)
        if bytes.count > start || !heading.isEmpty { parts.append((heading, anchor, start..<bytes.count)) }
        guard let next else { return }
        anchor = PlainTextReader.decoded(UnsafeBufferPointer(rebasing: html[next]))
        let headingStart = bytes.count
        _ = reader.read(until: .headingEnd, into: &bytes)
        heading = headingStart..<bytes.count
      }
    }
  }

  /// Sections given as strings.
  init(_ sections: [SearchSection]) {
    for section in sections { append(heading: section.heading, anchor: section.anchor, text: section.text) }
  }

  private mutating func append(heading: String, anchor: String, text: String) {
    let headingStart = bytes.count
    bytes += heading.utf8
    let textStart = bytes.count
    bytes += text.utf8
    parts.append((headingStart..<textStart, anchor, textStart..<bytes.count))
  }

  var sections: [SearchSection] {
    parts.map { part in
      SearchSection(
        heading: String(decoding: bytes[part.heading], as: UTF8.self), anchor: part.anchor,
        text: String(decoding: bytes[part.text], as: UTF8.self))
    }
  }

  /// The same sections with their headings and texts in Unicode NFC, as queries are, so that the page's
  /// highlighting finds what the index found (ASCII text, most lessons, is NFC already and kept as is).
  func normalised() -> SectionTexts {
    let ascii = bytes.withUnsafeBufferPointer { SearchTerms.isASCII($0) }
    if ascii { return self }
    var result = SectionTexts()
    result.bytes.reserveCapacity(bytes.count)
    for part in parts {
      result.append(heading: Self.normalised(bytes[part.heading]), anchor: part.anchor, text: Self.normalised(bytes[part.text]))
    }
    return result
  }

  private init() {}

  private static func normalised(_ bytes: ArraySlice<UInt8>) -> String {
    let text = String(decoding: bytes, as: UTF8.self)
    return SearchTerms.isASCII(text) ? text : text.precomposedStringWithCanonicalMapping
  }
}
