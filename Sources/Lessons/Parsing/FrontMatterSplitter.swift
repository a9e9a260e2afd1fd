/// Separates the YAML front matter (between `---` lines at the top) from the body.
///
/// The body keeps its line numbers: the front matter's lines are replaced by empty lines, which CommonMark ignores
/// at the start of a document, so cmark's line numbers are the file's.
enum FrontMatterSplitter {
  struct Split {
    var yaml: String?
    var body: String
    var unclosed: Bool
  }

  static func split(_ text: String) -> Split {
    var content = Substring(text)
    if content.hasPrefix("\u{FEFF}") { content = content.dropFirst() }
    guard content.hasPrefix("---") else { return Split(yaml: nil, body: String(content), unclosed: false) }
    let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
    guard let first = lines.first, first.trimmingSpaces == "---" else {
      return Split(yaml: nil, body: String(content), unclosed: false)
    }
    for index in 1..<max(lines.count, 1) {
      let line = lines[index].trimmingSpaces
      if line == "---" || line == "..." {
        let yaml = lines[1..<index].joined(separator: "\n")
        let blank = String(repeating: "\n", count: index + 1)
        let body = blank + lines[(index + 1)...].joined(separator: "\n")
        return Split(yaml: yaml, body: body, unclosed: false)
      }
    }
    return Split(yaml: nil, body: String(content), unclosed: true)
  }
}
