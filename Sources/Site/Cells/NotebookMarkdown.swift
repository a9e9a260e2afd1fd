import Foundation
import Lessons

/// The lesson's Markdown as a notebook's markdown cells should hold it, as GTN's own notebooks do: without the
/// markup only the site understands. The agenda box goes (its list is made by the site), box titles
/// (`<question-title>Why?</question-title>`) become bold text ("**Question: Why?**"), `{GIL}` abbreviations are
/// written out on first use, `{% icon %}` goes, `{% tool [Label](id) %}` becomes **Label**, `{% cite key %}` its
/// author–year label, and images beside the lesson are embedded as data URIs so that a downloaded notebook shows
/// them. Code fences are left as written.
struct NotebookMarkdown {
  let lesson: Lesson
  private var usedAbbreviations: Set<String> = []
  /// Images above this size are left as links.
  static let maximumImageBytes = 1024 * 1024

  init(lesson: Lesson) {
    self.lesson = lesson
  }

  /// A markdown cell's text cleaned, or nil when nothing but blank lines is left (an agenda alone).
  mutating func cleanCell(_ text: String) -> String? {
    let cleaned = clean(text).trimmingScalars(in: .whitespacesAndNewlines)
    return cleaned.isEmpty ? nil : cleaned + "\n"
  }

  /// `text` cleaned; abbreviations are written out only the first time across calls.
  mutating func clean(_ text: String) -> String {
    var output: [String] = []
    var fence: Substring?
    var inAgenda = false
    // Split on the bytes: a Character-level split costs more than all the cleaning.
    for line in text.utf8.split(separator: 10, omittingEmptySubsequences: false).map({ Substring($0) }) {
      let content = line.drop { $0 == ">" || $0 == " " || $0 == "\t" }
      if let open = fence {
        if content.hasPrefix(open) { fence = nil }
        output.append(String(line))
        continue
      }
      if content.hasPrefix("```") || content.hasPrefix("~~~") {
        fence = content.prefix { $0 == content.first }
        output.append(String(line))
        continue
      }
      if inAgenda {
        if line.hasPrefix(">") { continue }
        inAgenda = false
      }
      if content.hasPrefix("<agenda-title>") || (content.first == "#" && content.lowercased().hasPrefix("### agenda")) {
        inAgenda = true
        continue
      }
      output.append(cleanLine(String(line)))
    }
    return output.joined(separator: "\n")
  }

  private mutating func cleanLine(_ line: String) -> String {
    var line = line
    if line.containsBytes("-title>") { line = Self.titleTags(line) }
    if line.containsBytes("{%") { line = liquidTags(line) }
    if line.containsBytes("{") { line = abbreviations(line) }
    return line.containsBytes("![") ? embedImages(line) : line
  }

  /// `<question-title>Why?</question-title>` → `**Question: Why?**` (a plain scan: this runs on every line).
  private static func titleTags(_ line: String) -> String {
    var output = ""
    var rest = Substring(line)
    while let open = rest.firstRange(of: "<"), let end = rest[open.upperBound...].firstRange(of: "-title>") {
      let name = rest[open.upperBound..<end.lowerBound]
      guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
        let close = rest[end.upperBound...].firstRange(of: "</\(name)-title>")
      else {
        output += rest[...open.lowerBound]
        rest = rest[open.upperBound...]
        continue
      }
      output += rest[..<open.lowerBound]
      let label = BoxType(String(name)).label
      let title = rest[end.upperBound..<close.lowerBound].trimmingScalars(in: .whitespaces)
      output += title.isEmpty ? "**\(label)**" : "**\(label): \(title)**"
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  /// `{% icon x %}` → nothing, `{% tool [Label](id) %}` / `{% tool Label|id %}` → **Label**, `{% cite key %}` →
  /// its label; other tags stay.
  private func liquidTags(_ line: String) -> String {
    var output = ""
    var rest = Substring(line)
    while let open = rest.firstRange(of: "{%"), let close = rest[open.upperBound...].firstRange(of: "%}") {
      output += rest[..<open.lowerBound]
      let body = rest[open.upperBound..<close.lowerBound].trimmingScalars(in: CharacterSet(charactersIn: " -\t"))
      let name = body.prefix { !$0.isWhitespace }
      let argument = body.dropFirst(name.count).trimmingScalars(in: .whitespaces)
      switch name {
      case "icon":
        rest = rest[close.upperBound...]
        if rest.first == " " { rest = rest.dropFirst() }
        continue
      case "tool":
        var label = argument
        if argument.hasPrefix("["), let end = argument.firstIndex(of: "]") {
          label = String(argument[argument.index(after: argument.startIndex)..<end])
        } else if let bar = argument.firstIndex(of: "|") {
          label = argument[..<bar].trimmingScalars(in: .whitespaces)
        }
        output += "**\(label)**"
      case "cite":
        let key = argument.prefix { !$0.isWhitespace }
        output += lesson.document.references.first { $0.key == key }?.label ?? String(key)
      default:
        output += rest[open.lowerBound..<close.upperBound]
      }
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  /// `{GIL}` → "Global Interpreter Lock (GIL)" the first time, then "GIL".
  private mutating func abbreviations(_ line: String) -> String {
    var line = line
    for abbreviation in lesson.frontMatter.abbreviations where line.contains("{\(abbreviation.short)}") {
      var result = ""
      var rest = Substring(line)
      while let range = rest.firstRange(of: "{\(abbreviation.short)}") {
        result += rest[..<range.lowerBound]
        let first = usedAbbreviations.insert(abbreviation.short).inserted
        result += first ? "\(abbreviation.expansion) (\(abbreviation.short))" : abbreviation.short
        rest = rest[range.upperBound...]
      }
      line = result + rest
    }
    return line
  }

  /// `![alt](picture.png)` of a file beside the lesson → `![alt](data:image/png;base64,…)`.
  private func embedImages(_ line: String) -> String {
    let folder = (lesson.file as NSString).deletingLastPathComponent
    var output = ""
    var rest = Substring(line)
    while let open = rest.firstRange(of: "!["), let middle = rest[open.upperBound...].firstRange(of: "]("),
      let close = rest[middle.upperBound...].firstIndex(of: ")")
    {
      output += rest[..<middle.upperBound]
      let target = rest[middle.upperBound..<close]
      let path = String(target.prefix { !$0.isWhitespace })
      let title = target.dropFirst(path.count)
      if !path.contains("://"), !path.hasPrefix("data:"), !path.hasPrefix("/"), !path.contains(".."),
        let type = Self.mediaType(of: path),
        let data = FileManager.default.contents(atPath: (folder.isEmpty ? "." : folder) + "/" + (path.removingPercentEncoding ?? path)),
        data.count <= Self.maximumImageBytes
      {
        output += "data:\(type);base64,\(data.base64EncodedString())" + title
      } else {
        output += target
      }
      output += ")"
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }

  private static func mediaType(of path: String) -> String? {
    switch (path as NSString).pathExtension.lowercased() {
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "svg": return "image/svg+xml"
    case "webp": return "image/webp"
    default: return nil
    }
  }
}
