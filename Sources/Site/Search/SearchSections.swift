import Foundation

/// A lesson's text cut at its `##` and `###` headings, for the site's full-text search: each section keeps the
/// heading, its anchor (to link to it) and its plain text (prose, code, cell outputs).
struct SearchSection: Codable, Sendable, Hashable {
  var heading: String
  var anchor: String
  var text: String

  /// The sections of a rendered lesson body: text before the first heading is a section without heading.
  static func sections(ofBody html: String) -> [SearchSection] {
    var sections: [SearchSection] = []
    var heading = ""
    var anchor = ""
    var rest = html[...]
    func close(_ chunk: Substring) {
      let text = plainText(chunk)
      if !text.isEmpty || !heading.isEmpty { sections.append(SearchSection(heading: heading, anchor: anchor, text: text)) }
    }
    while let match = rest.firstMatch(of: /<h[23] id="([^"]*)"[^>]*>(.*?)<\/h[23]>/.dotMatchesNewlines()) {
      close(rest[..<match.range.lowerBound])
      anchor = String(match.1)
      heading = plainText(match.2)
      rest = rest[match.range.upperBound...]
    }
    close(rest)
    return sections
  }

  /// Tags that do not separate words (`Process<span>Pool</span>` is one word).
  private static let inlineTags: Set<String> = ["a", "abbr", "b", "code", "em", "i", "kbd", "mark", "samp", "small",
    "span", "strong", "sub", "sup"]

  /// `html` without tags (and without the `#` links beside headings), its entities decoded and its white space
  /// collapsed.
  static func plainText(_ html: Substring) -> String {
    let html = html.replacing(/<a class="(?:heading-)?anchor"[^>]*>[^<]*<\/a>/, with: "")
    var text = ""
    text.reserveCapacity(html.utf8.count)
    var tag: String?
    for character in html {
      if var name = tag {
        if character == ">" {
          let bare = name.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
          if !inlineTags.contains(bare) { text.append(" ") }
          tag = nil
        } else if name.count < 12 {
          name.append(character)
          tag = name
        }
      } else if character == "<" {
        tag = ""
      } else {
        text.append(character)
      }
    }
    for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"),
      ("&nbsp;", " "), ("&amp;", "&")]
    {
      text = text.replacingOccurrences(of: entity, with: character)
    }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }
}
