/// A line that is only a `{% snippet path key="value" %}` or `{% include path %}` tag, after the blockquote markers
/// and indentation that place it in a box or a list item.
struct IncludeTagLine: Equatable {
  /// `snippet` or `include`.
  var name: String
  /// The path as written (`faqs/galaxy/datasets_import_via_link.md`).
  var path: String
  /// The parameters (`datatype="csv"` → `datatype: csv`); unquoted values are looked up in `scope`.
  var parameters: [String: String]
  /// What comes before the tag (`> `, `>    `): every line the tag becomes gets it, so the content stays where the
  /// tag stood.
  var prefix: String

  /// The tag on `line`, or nil when the line is something else.
  static func parse(_ line: Substring, scope: LiquidScope) -> IncludeTagLine? {
    let prefix = line.prefix(while: { $0 == ">" || $0 == " " || $0 == "\t" })
    let rest = line[prefix.endIndex...].trimmingSpaces
    guard rest.hasPrefix("{%"), rest.hasSuffix("%}"), rest.count > 4 else { return nil }
    var body = rest.dropFirst(2).dropLast(2)
    if body.first == "-" { body = body.dropFirst() }
    if body.last == "-" { body = body.dropLast() }
    guard !body.contains("%}"), !body.contains("{%") else { return nil }
    let words = LiquidExpression.tokens(body)
    guard words.count >= 2, words[0] == "snippet" || words[0] == "include" else { return nil }
    var parameters: [String: String] = [:]
    for word in words.dropFirst(2) {
      guard let equals = word.firstIndex(of: "=") else { continue }
      let key = String(word[..<equals])
      let value = LiquidExpression.operand(String(word[word.index(after: equals)...]), scope: scope)
      parameters[key] = value.rendered
    }
    return IncludeTagLine(name: words[0], path: words[1], parameters: parameters, prefix: String(prefix))
  }
}

extension IncludeTagLine {
  /// The most lines one tag may span (GTN writes `{% include _includes/cyoa-choices.html option1="…"` and its
  /// other parameters on the lines below).
  static let maximumLines = 20

  /// When `lines[index]` opens a `{% snippet`/`{% include` tag that closes on a later line, the tag as one line (the
  /// later lines' blockquote markers and indentation dropped) and how many lines it spans; nil otherwise.
  static func spanning(_ lines: [String], at index: Int) -> (line: String, count: Int)? {
    let first = lines[index]
    let content = first.drop(while: { $0 == ">" || $0 == " " || $0 == "\t" })
    guard content.hasPrefix("{%"), !content.contains("%}") else { return nil }
    let name = content.dropFirst(2).drop(while: { $0 == "-" || $0 == " " || $0 == "\t" })
    guard name.hasPrefix("snippet ") || name.hasPrefix("include ") else { return nil }
    var joined = first
    var count = 1
    while index + count < lines.count, count < maximumLines {
      let next = lines[index + count].drop(while: { $0 == ">" || $0 == " " || $0 == "\t" })
      joined += " " + next
      count += 1
      if next.contains("%}") { return (joined, count) }
      if next.contains("{%") { return nil }
    }
    return nil
  }
}
