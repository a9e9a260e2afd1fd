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
    let cleaned = clean(text).trimmingCharacters(in: .whitespacesAndNewlines)
    return cleaned.isEmpty ? nil : cleaned + "\n"
  }

  /// `text` cleaned; abbreviations are written out only the first time across calls.
  mutating func clean(_ text: String) -> String {
    var output: [String] = []
    var fence: Substring?
    var inAgenda = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
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
      if content.hasPrefix("<agenda-title>") || content.lowercased().hasPrefix("### agenda") {
        inAgenda = true
        continue
      }
      output.append(cleanLine(String(line)))
    }
    return output.joined(separator: "\n")
  }

  private mutating func cleanLine(_ line: String) -> String {
    var line = line
    line = line.replacing(try! Regex(#"<([A-Za-z0-9_-]+)-title>(.*?)</[A-Za-z0-9_-]+-title>"#)) { match in
      let type = BoxType(String(match.output[1].substring ?? "")).label
      let title = String(match.output[2].substring ?? "").trimmingCharacters(in: .whitespaces)
      return title.isEmpty ? "**\(type)**" : "**\(type): \(title)**"
    }
    line = line.replacing(try! Regex(#"\{%-?\s*icon\s+[^%]*%\}\s?"#)) { _ in "" }
    line = line.replacing(try! Regex(#"\{%-?\s*tool\s+\[([^\]]*)\]\([^)]*\)\s*-?%\}"#)) { match in
      "**\(match.output[1].substring ?? "")**"
    }
    line = line.replacing(try! Regex(#"\{%-?\s*tool\s+([^|%]*)\|[^%]*%\}"#)) { match in
      "**\((match.output[1].substring ?? "").trimmingCharacters(in: .whitespaces))**"
    }
    line = line.replacing(try! Regex(#"\{%-?\s*cite\s+([^%\s]+)[^%]*%\}"#)) { match in
      let key = String(match.output[1].substring ?? "")
      return lesson.document.references.first { $0.key == key }?.label ?? key
    }
    line = abbreviations(line)
    return embedImages(line)
  }

  /// `{GIL}` → "Global Interpreter Lock (GIL)" the first time, then "GIL".
  private mutating func abbreviations(_ line: String) -> String {
    guard line.contains("{") else { return line }
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
    guard line.contains("![") else { return line }
    let folder = (lesson.file as NSString).deletingLastPathComponent
    return line.replacing(try! Regex(#"!\[([^\]]*)\]\(([^)\s"]+)((?:\s+"[^"]*")?)\)"#)) { match in
      let whole = String(line[match.range])
      let path = String(match.output[2].substring ?? "")
      guard !path.contains("://"), !path.hasPrefix("data:"), !path.hasPrefix("/"), !path.contains(".."),
        let type = Self.mediaType(of: path)
      else { return whole }
      let file = (folder.isEmpty ? "." : folder) + "/" + (path.removingPercentEncoding ?? path)
      guard let data = FileManager.default.contents(atPath: file), data.count <= Self.maximumImageBytes else {
        return whole
      }
      let alt = match.output[1].substring ?? ""
      let title = match.output[3].substring ?? ""
      return "![\(alt)](data:\(type);base64,\(data.base64EncodedString())\(title))"
    }
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
