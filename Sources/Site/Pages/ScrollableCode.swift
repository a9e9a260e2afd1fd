import Foundation

/// Makes code blocks reachable by keyboard: a `<pre>` that scrolls sideways must be focusable (WCAG 2.1.1, axe's
/// `scrollable-region-focusable`) so that arrow keys can scroll it, and without JavaScript the builder cannot
/// know which blocks will overflow, so every one gets `tabindex="0"` (assets/site.js later drops the tab stop of
/// blocks that fit).
enum ScrollableCode {
  /// `html` with `tabindex="0"` on every `<pre>` start tag that has no tabindex yet.
  static func focusable(_ html: String) -> String {
    guard html.contains("<pre") else { return html }
    var result = ""
    result.reserveCapacity(html.utf8.count + 256)
    var rest = html[...]
    while let start = rest.range(of: "<pre") {
      result += rest[..<start.upperBound]
      rest = rest[start.upperBound...]
      guard let next = rest.first, next == ">" || next == " " else { continue }
      let tagEnd = rest.firstIndex(of: ">") ?? rest.endIndex
      if !rest[..<tagEnd].contains("tabindex") { result += " tabindex=\"0\"" }
    }
    result += rest
    return result
  }
}
