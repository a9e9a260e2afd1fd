import Foundation
import Lessons

@testable import Site

/// `NotebookMarkdown.clean` as it was written on Strings and Characters before it scanned bytes: the reference the
/// byte version must match. The liquid, abbreviation and image steps are the cleaner's own (they did not change).
struct NotebookMarkdownReference {
  var cleaner: NotebookMarkdown

  mutating func clean(_ text: String) -> String {
    var output: [String] = []
    var fence: Substring?
    var inAgenda = false
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
    if line.contains("-title>") { line = Self.titleTags(line) }
    if line.contains("{%") { line = cleaner.liquidTags(line) }
    if line.contains("{") { line = cleaner.abbreviations(line) }
    return line.contains("![") ? cleaner.embedImages(line) : line
  }

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
}
