/// The lines of a cell's code with what a line-by-line reader cannot see: whether a line starts inside a
/// multi-line string literal or a block comment, and how deep it sits in `#if` blocks.
///
/// `LessonProgram` uses it to find the `import` declarations of a cell: a line `import Foo` inside a `"""` string
/// or a comment is text, and an import inside `#if canImport(Foo)` must stay inside its condition.
struct CellCodeLines {
  /// One line of the cell.
  struct Line {
    /// The line's text, without its newline.
    var text: Substring
    /// False when the line begins inside a multi-line string literal or a block comment.
    var startsInCode: Bool
    /// How many `#if` blocks enclose the line (a `#if` line itself counts the blocks around it).
    var conditionDepth: Int
  }

  let lines: [Line]

  init(_ code: String) {
    var lines: [Line] = []
    var scanner = Scanner()
    var depth = 0
    for text in code.split(separator: "\n", omittingEmptySubsequences: false) {
      let startsInCode = scanner.inCode
      let word = text.drop { $0 == " " || $0 == "\t" }
      if startsInCode, word.hasPrefix("#endif") { depth = max(depth - 1, 0) }
      lines.append(Line(text: text, startsInCode: startsInCode, conditionDepth: depth))
      if startsInCode, word.hasPrefix("#if") { depth += 1 }
      scanner.scan(text)
    }
    self.lines = lines
  }

  /// True when `line` is an import declaration (`import Foo`, `@preconcurrency import Foo`, `import struct Foo.Bar`)
  /// outside strings and comments.
  static func isImport(_ line: Line) -> Bool {
    guard line.startsInCode else { return false }
    var words = line.text.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
    while let first = words.first, first.hasPrefix("@") { words = words.dropFirst() }
    return words.first == "import" && words.count >= 2
  }

  /// Follows string literals and comments across lines.
  private struct Scanner {
    /// Nesting depth of `/* */` comments (Swift's nest).
    var commentDepth = 0
    /// The number of `#` around the open multi-line string literal, or nil outside one.
    var multilineHashes: Int?

    var inCode: Bool { commentDepth == 0 && multilineHashes == nil }

    mutating func scan(_ line: Substring) {
      let characters = Array(line.unicodeScalars)
      var index = 0
      func starts(_ text: String, at position: Int) -> Bool {
        let pattern = Array(text.unicodeScalars)
        guard position + pattern.count <= characters.count else { return false }
        return Array(characters[position..<(position + pattern.count)]) == pattern
      }
      while index < characters.count {
        if commentDepth > 0 {
          if starts("*/", at: index) {
            commentDepth -= 1
            index += 2
          } else if starts("/*", at: index) {
            commentDepth += 1
            index += 2
          } else {
            index += 1
          }
          continue
        }
        if let hashes = multilineHashes {
          if starts("\"\"\"" + String(repeating: "#", count: hashes), at: index) {
            multilineHashes = nil
            index += 3 + hashes
          } else {
            index += characters[index] == "\\" && hashes == 0 ? 2 : 1
          }
          continue
        }
        if starts("//", at: index) { return }
        if starts("/*", at: index) {
          commentDepth = 1
          index += 2
          continue
        }
        // A string literal, possibly raw (`#"…"#`) or multi-line (`"""`).
        var hashes = 0
        while index + hashes < characters.count, characters[index + hashes] == "#" { hashes += 1 }
        guard index + hashes < characters.count, characters[index + hashes] == "\"" else {
          index += max(hashes, 1)
          continue
        }
        index += hashes
        if starts("\"\"\"", at: index) {
          multilineHashes = hashes
          index += 3
          continue
        }
        // A single-line literal ends on this line: skip to its closing quote.
        index += 1
        let close = "\"" + String(repeating: "#", count: hashes)
        while index < characters.count, !starts(close, at: index) {
          index += characters[index] == "\\" && hashes == 0 ? 2 : 1
        }
        index += close.unicodeScalars.count
      }
    }
  }
}
