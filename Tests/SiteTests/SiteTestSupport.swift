import Foundation
import Testing
import TestSupport

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Helpers shared by the Site tests: temporary folders, the repository's templates, well-formedness checks.
enum SiteTestSupport {
  /// The package root, found from this file's path.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  /// The repository's templates folder: the tests render with the real templates.
  static var templates: String { packageRoot + "/templates" }

  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// A content folder with `lessons` tutorials (`topic-a/lesson-N`) and a topic metadata file.
  static func makeContent(in folder: String, lessons: Int = 2) throws -> String {
    let content = folder + "/content"
    try TestFiles.write("title: Topic A\nsummary: The first topic.\n", to: content + "/topics/topic-a/metadata.yaml")
    for number in 0..<lessons {
      try TestFiles.write(
        "---\ntitle: Lesson \(number)\n---\nText of lesson \(number).\n",
        to: content + "/topics/topic-a/tutorials/lesson-\(number)/tutorial.md")
    }
    return content
  }

  /// Nil when `html` (an HTML page written as XML, `<!DOCTYPE html>` aside) is well formed, else the parser's error.
  static func wellFormednessError(_ html: String) -> String? {
    let xml = html.replacingOccurrences(of: "<!DOCTYPE html>", with: "")
    let parser = XMLParser(data: Data(xml.utf8))
    if parser.parse() { return nil }
    return "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(parser.lineNumber)"
  }
}
