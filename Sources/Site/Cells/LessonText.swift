import Foundation
import Lessons

/// The Markdown of a lesson file around its Swift cells, for the markdown cells of its notebook.
///
/// Lines that only mean something to the site builder are left out, since Jupyter would show them as they are:
/// kramdown attribute lines (`{: .question}`, `> {:toc}`) and the agenda's `1. TOC`.
struct LessonText {
  /// The lines of the text the parser read, 1-based as the cells' `fenceLines` are: `lines[0]` is unused.
  private let lines: [Substring]
  private let fences: [ClosedRange<Int>]

  /// Nil when the lesson carries no parsed text or a cell does not know its fence lines: the notebook then holds
  /// code only.
  ///
  /// The text is `Lesson.expandedBody` (the front matter's lines left empty, snippets expanded, as GTN's notebooks
  /// show them), so the file is not read a second time and the cells' fence lines match it.
  init?(lesson: Lesson) {
    let ranges = lesson.cells.compactMap(\.fenceLines)
    guard ranges.count == lesson.cells.count, !lesson.expandedBody.isEmpty else { return nil }
    lines = [""] + lesson.expandedBody.linesSplitAtNewlineCharacters()
    fences = ranges
  }

  /// The Markdown between the previous cell (or the front matter) and cell `index`; `index == cells.count` gives
  /// the text after the last cell. Nil when there is nothing but blank lines.
  func markdown(before index: Int) -> String? {
    let from = index == 0 ? 1 : fences[index - 1].upperBound + 1
    let to = index < fences.count ? fences[index].lowerBound - 1 : lines.count - 1
    guard from <= to, from >= 1, to < lines.count else { return nil }
    let kept = lines[from...to].filter { !Self.isBuilderOnly($0) }
    let text = Self.trimmed(kept.joined(separator: "\n")[...]) { $0.isWhitespace }
    return text.isEmpty ? nil : text + "\n"
  }

  /// `{: …}` and `1. TOC`, also inside blockquotes (`> > {: .solution}`).
  private static func isBuilderOnly(_ line: Substring) -> Bool {
    let content = trimmed(line.drop(while: { $0 == ">" || $0 == " " || $0 == "\t" })) { $0.isWhitespace && !$0.isNewline }
    return (content.hasPrefix("{:") && content.hasSuffix("}")) || content == "1. TOC"
  }

  /// `text` without the characters `isSpace` accepts at either end. Native: Foundation's `trimmingCharacters`
  /// bridged every line of every lesson to NSString and took a sixth of a 1,000-lesson build.
  private static func trimmed(_ text: Substring, _ isSpace: (Character) -> Bool) -> String {
    var start = text.startIndex
    var end = text.endIndex
    while start < end, isSpace(text[start]) { start = text.index(after: start) }
    while end > start, isSpace(text[text.index(before: end)]) { end = text.index(before: end) }
    return String(text[start..<end])
  }
}
