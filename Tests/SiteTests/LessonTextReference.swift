import Lessons

@testable import Site

/// `LessonText` as it was written on Substrings and Characters before it scanned bytes: the reference the byte
/// version must match.
struct LessonTextReference {
  private let lines: [Substring]
  private let fences: [ClosedRange<Int>]

  init?(lesson: Lesson) {
    let ranges = lesson.cells.compactMap(\.fenceLines)
    guard ranges.count == lesson.cells.count, !lesson.expandedBody.isEmpty else { return nil }
    lines = [""] + lesson.expandedBody.split(separator: "\n", omittingEmptySubsequences: false)
    fences = ranges
  }

  func markdown(before index: Int) -> String? {
    let from = index == 0 ? 1 : fences[index - 1].upperBound + 1
    let to = index < fences.count ? fences[index].lowerBound - 1 : lines.count - 1
    guard from <= to, from >= 1, to < lines.count else { return nil }
    let kept = lines[from...to].filter { !Self.isBuilderOnly($0) }
    let text = Self.trimmed(kept.joined(separator: "\n")[...]) { $0.isWhitespace }
    return text.isEmpty ? nil : text + "\n"
  }

  private static func isBuilderOnly(_ line: Substring) -> Bool {
    let content = trimmed(line.drop(while: { $0 == ">" || $0 == " " || $0 == "\t" })) { $0.isWhitespace && !$0.isNewline }
    return (content.hasPrefix("{:") && content.hasSuffix("}")) || content == "1. TOC"
  }

  /// Unchanged: `LessonText` keeps it for the edges a byte scan cannot decide.
  private static func trimmed(_ text: Substring, _ isSpace: (Character) -> Bool) -> String {
    LessonText.trimmed(text, isSpace)
  }
}
