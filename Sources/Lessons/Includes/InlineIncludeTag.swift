/// A `{% snippet … %}` or `{% include … %}` tag in running text (`Follow {% include snippets/x.md %} then…`), which
/// Jekyll replaces where it stands. Tags inside inline code (`` `{% include x %}` ``, GTN's own documentation) are
/// not ones.
struct InlineIncludeTag {
  /// The line up to the tag, its blockquote markers and indentation included.
  var before: String
  /// The tag, its `prefix` the line's blockquote markers and indentation (what a block it becomes is placed under).
  var tag: IncludeTagLine
  /// The line after the tag.
  var after: String

  /// The first inline tag on `line`, or nil.
  static func find(in line: String, scope: LiquidScope) -> InlineIncludeTag? {
    var searchFrom = line.startIndex
    while let open = line[searchFrom...].firstRange(of: "{%") {
      guard let close = line[open.upperBound...].firstRange(of: "%}") else { return nil }
      searchFrom = close.upperBound
      let body = line[open.upperBound..<close.lowerBound].drop(while: { $0 == "-" || $0 == " " || $0 == "\t" })
      guard body.hasPrefix("snippet ") || body.hasPrefix("include ") else { continue }
      guard line[..<open.lowerBound].filter({ $0 == "`" }).count % 2 == 0 else { continue }
      guard var tag = IncludeTagLine.parse(line[open.lowerBound..<close.upperBound], scope: scope) else { continue }
      tag.prefix = String(line.prefix(while: { $0 == ">" || $0 == " " || $0 == "\t" }))
      return InlineIncludeTag(before: String(line[..<open.lowerBound]), tag: tag, after: String(line[close.upperBound...]))
    }
    return nil
  }
}
