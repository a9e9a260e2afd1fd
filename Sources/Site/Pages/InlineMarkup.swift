import Foundation

/// The little Markdown that front matter items use (`code`, **strong**, *emphasis*), as HTML, for the overview and
/// key points, which GTN renders as Markdown.
///
/// Everything is escaped first; only complete pairs of markers become elements, so the result is always well
/// formed whatever the text holds.
enum InlineMarkup {
  static func html(_ text: String) -> String {
    var output = ""
    var rest = Substring(text)
    while let tick = rest.firstIndex(of: "`") {
      let after = rest.index(after: tick)
      guard let close = rest[after...].firstIndex(of: "`") else { break }
      output += emphasis(HTMLEscaping.escape(String(rest[..<tick])))
      output += "<code>" + HTMLEscaping.escape(String(rest[after..<close])) + "</code>"
      rest = rest[rest.index(after: close)...]
    }
    return output + emphasis(HTMLEscaping.escape(String(rest)))
  }

  /// `**x**` → `<strong>x</strong>`, then `*x*` → `<em>x</em>`, in escaped text without code spans.
  private static func emphasis(_ escaped: String) -> String {
    pairs(pairs(escaped, marker: "**", tag: "strong"), marker: "*", tag: "em")
  }

  private static func pairs(_ text: String, marker: String, tag: String) -> String {
    let parts = text.components(separatedBy: marker)
    guard parts.count >= 3 else { return text }
    var output = parts[0]
    var index = 1
    while index < parts.count {
      if index + 1 < parts.count, !parts[index].isEmpty, parts[index].first != " " {
        output += "<\(tag)>" + parts[index] + "</\(tag)>" + parts[index + 1]
        index += 2
      } else {
        output += marker + parts[index]
        index += 1
      }
    }
    return output
  }
}
