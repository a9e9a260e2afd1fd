import Foundation
import Lessons
import Site
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Helpers shared by the body-rendering tests: parse + render text, find the GTN samples, check XML.
enum BodyTestSupport {
  /// The package root, from this file's path (Tests/SiteTests/BodyTestSupport.swift).
  static var packageRoot: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
  }

  /// The folder of real GTN tutorials: `$GTN_SAMPLES` when set, else `shared/gtn-samples` in the first folder above the
  /// package that has one (a git worktree sits deeper than the main checkout); nil when there is none (CI clones
  /// without the shared folder).
  static let samplesFolder: URL? = {
    var candidates: [URL] = []
    if let named = ProcessInfo.processInfo.environment["GTN_SAMPLES"] {
      candidates = [URL(fileURLWithPath: named)]
    } else {
      var folder = packageRoot
      while folder.path != "/" {
        folder = folder.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("shared/gtn-samples"))
      }
    }
    return candidates.first { FileManager.default.fileExists(atPath: $0.path) }
  }()

  /// The `.md` files of the samples folder, sorted; empty when there is none.
  static let sampleFiles: [URL] = {
    guard let folder = samplesFolder,
      let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map {
      folder.appendingPathComponent($0)
    }
  }()

  /// Why the sample tests are skipped, for `.enabled(if:)`.
  static let samplesMissing: Comment = "GTN samples not found: set GTN_SAMPLES or provide ../shared/gtn-samples"

  /// The folder of this target's body fixtures (copied as a resource).
  static var fixturesFolder: URL {
    let bundled = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
    let fallback = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    return (bundled ?? fallback).appendingPathComponent("body")
  }

  /// A stand-in for the execution step's cell HTML.
  static func cellHTML(_ cell: Cell) -> String {
    "<pre class=\"cell\"><code class=\"language-swift\">"
      + SyntaxHighlighter.highlight(cell.code, language: "swift") + "</code></pre>"
  }

  static func render(
    _ text: String, file: String = "/tmp/lesson/tutorial.md", rawHTML: RawHTMLMode = .sanitized
  ) -> (Lesson, RenderedBody) {
    let lesson = LessonParser.parse(text: text, file: file, relativePath: "topics/test/tutorials/lesson", rawHTML: rawHTML)
    return (lesson, BodyRenderer.render(lesson, cellHTML: cellHTML))
  }

  /// The text a reader sees: tags removed, entities decoded.
  static func visibleText(_ html: String) -> String {
    var text = ""
    var inTag = false
    for character in html {
      if character == "<" {
        inTag = true
      } else if character == ">" && inTag {
        inTag = false
      } else if !inTag {
        text.append(character)
      }
    }
    return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// nil when `html` wrapped in a root element parses as XML; else the parser's complaint.
  static func xmlProblem(_ html: String) -> String? {
    let wrapped = "<root>" + html.replacingOccurrences(of: "&nbsp;", with: "&#160;") + "</root>"
    let parser = XMLParser(data: Data(wrapped.utf8))
    if parser.parse() { return nil }
    let line = parser.lineNumber
    let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false)
    let context = line >= 1 && line <= lines.count ? String(lines[line - 1].prefix(200)) : ""
    return "\(parser.parserError.map { "\($0)" } ?? "unknown error") at line \(line): \(context)"
  }

  /// The box classes (`box-question`, …) in the order their elements open, with their nesting depth.
  static func boxes(_ html: String) -> [(type: String, depth: Int)] {
    final class Collector: NSObject, XMLParserDelegate {
      var stack: [Bool] = []
      var found: [(String, Int)] = []
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) {
        let classes = (attributes["class"] ?? "").split(separator: " ")
        let isBox = classes.contains("box")
        if isBox, let type = classes.first(where: { $0.hasPrefix("box-") }) {
          found.append((String(type.dropFirst(4)), stack.filter { $0 }.count))
        }
        stack.append(isBox)
      }
      func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = stack.popLast()
      }
    }
    let collector = Collector()
    let parser = XMLParser(data: Data(("<root>" + html + "</root>").utf8))
    parser.delegate = collector
    _ = parser.parse()
    return collector.found.map { (type: $0.0, depth: $0.1) }
  }
}
