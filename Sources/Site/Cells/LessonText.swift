import Foundation
import Lessons

/// The Markdown of a lesson file around its Swift cells, for the markdown cells of its notebook.
///
/// Lines that only mean something to the site builder are left out, since Jupyter would show them as they are:
/// kramdown attribute lines (`{: .question}`, `> {:toc}`) and the agenda's `1. TOC`.
struct LessonText {
  /// `Lesson.expandedBody`.
  private let text: String
  /// The UTF-8 offset where each line starts: line n (1-based, as the cells' `fenceLines`) starts at
  /// `lineStarts[n - 1]`. Lines end at a "\n" that is a Character of its own (a "\r\n" does not end one).
  private let lineStarts: [Int]
  private let fences: [ClosedRange<Int>]

  /// Nil when the lesson carries no parsed text or a cell does not know its fence lines: the notebook then holds
  /// code only.
  ///
  /// The text is `Lesson.expandedBody` (the front matter's lines left empty, snippets expanded, as GTN's notebooks
  /// show them), so the file is not read a second time and the cells' fence lines match it.
  init?(lesson: Lesson) {
    let ranges = lesson.cells.compactMap(\.fenceLines)
    guard ranges.count == lesson.cells.count, !lesson.expandedBody.isEmpty else { return nil }
    var text = lesson.expandedBody
    var starts = [0]
    text.withUTF8 { utf8 in
      var from = 0
      while let newline = ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: utf8, from: from) {
        if newline == 0 || utf8[newline - 1] != UInt8(ascii: "\r") { starts.append(newline + 1) }
        from = newline + 1
      }
    }
    self.text = text
    lineStarts = starts
    fences = ranges
  }

  /// The Markdown between the previous cell (or the front matter) and cell `index`; `index == cells.count` gives
  /// the text after the last cell. Nil when there is nothing but blank lines. Works on the UTF-8 bytes: joining
  /// Substrings and Character tests cost more than the rest of a lesson's notebook text.
  func markdown(before index: Int) -> String? {
    let from = index == 0 ? 1 : fences[index - 1].upperBound + 1
    let to = index < fences.count ? fences[index].lowerBound - 1 : lineStarts.count
    guard from <= to, from >= 1, to <= lineStarts.count else { return nil }
    var text = self.text
    return text.withUTF8 { utf8 -> String? in
      var kept: [UInt8] = []
      kept.reserveCapacity((to < lineStarts.count ? lineStarts[to] : utf8.count) - lineStarts[from - 1])
      var keptAny = false
      for line in from...to {
        let end = line < lineStarts.count ? lineStarts[line] - 1 : utf8.count
        let bytes = UnsafeBufferPointer(rebasing: utf8[lineStarts[line - 1]..<end])
        if Self.isBuilderOnly(bytes) { continue }
        if keptAny { kept.append(UInt8(ascii: "\n")) }
        keptAny = true
        kept.append(contentsOf: bytes)
      }
      let markdown = kept.withUnsafeBufferPointer { Self.trimmedWhitespace($0) }
      return markdown.isEmpty ? nil : markdown + "\n"
    }
  }

  /// `{: …}` and `1. TOC`, also inside blockquotes (`> > {: .solution}`).
  ///
  /// Decided on the bytes when the Characters at the edges are plain ASCII, as nearly always; a non-ASCII scalar
  /// there (a combining mark after `{:`, a no-break space at the end) goes the Character way, whose answer it is.
  private static func isBuilderOnly(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = 0
    while start < line.count, line[start] == UInt8(ascii: ">") || line[start] == UInt8(ascii: " ") || line[start] == 9 {
      start += 1
    }
    guard start < line.count else { return false }
    var end = line.count
    while end > start, line[end - 1] == UInt8(ascii: " ") || line[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    let first = line[start]
    // The scalars that could join the first two or the last Character to another are non-ASCII.
    guard first < 0x80, line[end - 1] < 0x80, end - start < 3 || (line[start + 2] < 0x80 && line[end - 2] < 0x80) else {
      return isBuilderOnly(Substring(String(decoding: line, as: UTF8.self)))
    }
    if first == UInt8(ascii: "{") {
      return end - start >= 3 && line[start + 1] == UInt8(ascii: ":") && line[end - 1] == UInt8(ascii: "}")
    }
    return first == UInt8(ascii: "1") && NotebookBytes.equals(UnsafeBufferPointer(rebasing: line[start..<end]), "1. TOC")
  }

  /// The Character version of `isBuilderOnly`.
  private static func isBuilderOnly(_ line: Substring) -> Bool {
    let content = trimmed(line.drop(while: { $0 == ">" || $0 == " " || $0 == "\t" })) { $0.isWhitespace && !$0.isNewline }
    return (content.hasPrefix("{:") && content.hasSuffix("}")) || content == "1. TOC"
  }

  /// `text` without whitespace Characters at either end; ASCII whitespace is trimmed on the bytes, and the
  /// Characters decide only where a non-ASCII scalar meets an end.
  private static func trimmedWhitespace(_ text: UnsafeBufferPointer<UInt8>) -> String {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    var start = 0
    var end = text.count
    while start < end, isSpace(text[start]) { start += 1 }
    while end > start, isSpace(text[end - 1]) { end -= 1 }
    guard start < end, text[start] >= 0x80 || text[end - 1] >= 0x80 else {
      return String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self)
    }
    return trimmed(String(decoding: text, as: UTF8.self)[...]) { $0.isWhitespace }
  }

  /// `text` without the characters `isSpace` accepts at either end. Native: Foundation's `trimmingCharacters`
  /// bridged every line of every lesson to NSString and took a sixth of a 1,000-lesson build.
  static func trimmed(_ text: Substring, _ isSpace: (Character) -> Bool) -> String {
    var start = text.startIndex
    var end = text.endIndex
    while start < end, isSpace(text[start]) { start = text.index(after: start) }
    while end > start, isSpace(text[text.index(before: end)]) { end = text.index(before: end) }
    return String(text[start..<end])
  }
}
