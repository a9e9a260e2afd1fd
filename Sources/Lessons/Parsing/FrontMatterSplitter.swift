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
    guard content.utf8.starts(with: "---".utf8) else { return Split(yaml: nil, body: String(content), unclosed: false) }
    // Walk line by line only as far as the closing fence.
    let utf8 = content.utf8
    var lineStart = utf8.startIndex
    var lineNumber = 0
    var yamlStart: String.Index?
    while lineStart < utf8.endIndex {
      let lineEnd = utf8[lineStart...].firstIndex(of: 10) ?? utf8.endIndex
      let line = content[lineStart..<lineEnd]
      let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : utf8.endIndex
      if lineNumber == 0 {
        guard isFence(line, closing: false) else { return Split(yaml: nil, body: String(content), unclosed: false) }
        yamlStart = next
      } else if isFence(line, closing: true), let yamlStart {
        let yaml = String(content[yamlStart..<lineStart])
        var body = String(repeating: "\n", count: lineNumber + 1)
        body += content[next...]
        return Split(yaml: yaml, body: body, unclosed: false)
      }
      lineNumber += 1
      lineStart = next
    }
    return Split(yaml: nil, body: String(content), unclosed: true)
  }

  /// `---` (or `...` when `closing`) with only spaces, tabs or a carriage return after it.
  private static func isFence(_ line: Substring, closing: Bool) -> Bool {
    let bytes = line.utf8
    guard bytes.starts(with: "---".utf8) || (closing && bytes.starts(with: "...".utf8)) else { return false }
    return bytes.dropFirst(3).allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 }
  }
}
