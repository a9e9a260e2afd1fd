extension DialectContext {
  /// `html`, a piece of the lesson's raw HTML starting at `line`, as the site's `RawHTMLMode` lets it reach the
  /// page; each kind of removal is reported once per lesson, at the line of its first occurrence.
  func publishedHTML(_ html: String, line: Int) -> String {
    guard rawHTML == .sanitized else { return html }
    return RawHTMLSanitizer.sanitize(html) { lineOffset, kind, message in
      if reportedRawHTML.insert(kind).inserted { warn(line + lineOffset, message) }
    }
  }
}
