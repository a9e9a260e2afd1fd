import Lessons

/// Text from lessons made safe to print on a terminal or into a CI log.
///
/// File names, front matter keys, links, cell errors and frozen results all come from pull requests, and they reach
/// the warnings and summaries the commands print. Printed as they are, an escape sequence (`ESC ]0;…BEL`,
/// `ESC [2J`) retitles or clears the maintainer's terminal, and a newline in a file name forges a line of its own:
/// a fake `file:1: error: …` or a CI runner's workflow command (`::add-mask::…`). Control characters are shown as
/// their pictures (as on pages: `ControlPictures`), C1 controls (8-bit `CSI`, …) and bidirectional overrides as
/// U+FFFD, so a printed line is always one line, with nothing a terminal acts on.
enum TerminalText {
  /// `text` as one visible line: every control character (newlines included) replaced.
  static func visible(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { replacement(for: $0) != nil }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(replacement(for: scalar) ?? scalar) }
    return String(result)
  }

  /// `text`'s lines each made visible, the line feeds between them kept.
  static func visibleLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { visible(String($0)) }.joined(separator: "\n")
  }

  private static func replacement(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x09: nil  // a tab moves the cursor, nothing more
    case 0x0A, 0x0D: Unicode.Scalar(0x2400 + scalar.value)
    case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: "\u{FFFD}"
    default: ControlPictures.picture(for: scalar)
    }
  }
}
