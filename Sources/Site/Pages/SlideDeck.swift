import Foundation
import Lessons

/// GTN's `slides.html` (remark Markdown: front matter, slides separated by `---`, speaker notes after `???`,
/// `.class[…]` wrappers, `class:`/`name:`/`layout:` lines, `--` steps) as a readable static page: a section per
/// slide, notes left out, wrappers dropped, each slide's Markdown rendered as a lesson body is.
struct SlideDeck {
  /// One slide's Markdown and the file line it starts on.
  struct Slide: Equatable {
    var markdown: String
    var line: Int
  }

  var title: String
  var slides: [Slide]

  /// Reads `text` (the whole file).
  init(_ text: String, fallbackTitle: String) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var first = 0
    title = fallbackTitle
    if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
      let close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespaces) == "---" })
    {
      for line in lines[1..<close] where line.hasPrefix("title:") {
        title = line.dropFirst(6).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
      }
      first = close + 1
    }
    if lines.last == "" { lines.removeLast() }
    var slides: [Slide] = []
    var current: [String] = []
    var start = first + 1
    var inNotes = false
    var fence: Substring?
    func finish(next: Int) {
      let markdown = Self.unwrapped(current.joined(separator: "\n")).trimmingCharacters(in: .whitespacesAndNewlines)
      if !markdown.isEmpty { slides.append(Slide(markdown: markdown, line: start)) }
      current = []
      inNotes = false
      start = next
    }
    for index in lines.indices.dropFirst(first) {
      let line = lines[index]
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if let open = fence {
        if trimmed.hasPrefix(open) { fence = nil }
        if !inNotes { current.append(line) }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        fence = Substring(trimmed.prefix { $0 == trimmed.first })
        if !inNotes { current.append(line) }
        continue
      }
      if trimmed == "---" {
        finish(next: index + 2)
        continue
      }
      if trimmed == "???" { inNotes = true }
      if inNotes || trimmed == "--" { continue }
      // remark's slide properties (`class: center, middle`) at the top of a slide.
      if current.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }),
        let colon = trimmed.firstIndex(of: ":"),
        ["class", "name", "layout", "template", "background-image", "count", "exclude"].contains(String(trimmed[..<colon]))
      {
        current.append("")
        continue
      }
      current.append(line)
    }
    finish(next: lines.count + 1)
    self.slides = slides
  }

  /// `.pull-left[text]` → `text`, nested and across lines; `.footnote[…]` too.
  static func unwrapped(_ text: String) -> String {
    let characters = Array(text)
    var output = ""
    var closers: [Int] = []  // bracket depths whose `]` belongs to a wrapper
    var depth = 0
    var index = 0
    while index < characters.count {
      let character = characters[index]
      if character == ".", index + 1 < characters.count, characters[index + 1].isLetter,
        index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
      {
        var end = index + 1
        while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "-"
          || characters[end] == "_"
        {
          end += 1
        }
        if end < characters.count, characters[end] == "[" {
          depth += 1
          closers.append(depth)
          index = end + 1
          continue
        }
      }
      if character == "[" { depth += 1 }
      if character == "]" {
        if closers.last == depth {
          closers.removeLast()
          depth -= 1
          index += 1
          continue
        }
        depth -= 1
      }
      output.append(character)
      index += 1
    }
    return output
  }

  /// The page: each slide rendered as a lesson body in a `<section class="slide">`; problems found in slides are
  /// reported at the slides file's lines.
  func html(
    file: String, relativePath: String, galaxyURL: String?, rawHTML: RawHTMLMode = .sanitized
  ) -> (sections: [String], diagnostics: [Diagnostic]) {
    var sections: [String] = []
    var diagnostics: [Diagnostic] = []
    for (number, slide) in slides.enumerated() {
      // Empty lines put the slide's first line at its line in the file.
      let padding = String(repeating: "\n", count: max(0, slide.line - 4))
      let lesson = LessonParser.parse(
        text: "---\ntitle: slide\n---\n" + padding + slide.markdown, file: file, relativePath: relativePath,
        rawHTML: rawHTML)
      let body = BodyRenderer.render(lesson, galaxyURL: galaxyURL) { cell in CellRenderer.render(cell, result: nil) }
      diagnostics += (lesson.diagnostics + body.diagnostics).filter { $0.line != 1 }
      sections.append("<section class=\"slide\" id=\"slide-\(number + 1)\">\n" + body.html + "</section>\n")
    }
    return (sections, diagnostics)
  }
}
