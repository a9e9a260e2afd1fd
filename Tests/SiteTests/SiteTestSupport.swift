import Foundation
import Testing

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

  /// A new empty folder under the system's temporary folder.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "site-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `text` at `path`, creating the parents.
  static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }

  static func read(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  /// A content folder with `lessons` tutorials (`topic-a/lesson-N`) and a topic metadata file.
  static func makeContent(in folder: String, lessons: Int = 2) throws -> String {
    let content = folder + "/content"
    try write("title: Topic A\nsummary: The first topic.\n", to: content + "/topics/topic-a/metadata.yaml")
    for number in 0..<lessons {
      try write(
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
