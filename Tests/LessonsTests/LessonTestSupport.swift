import Foundation
import Lessons
import Testing

/// Helpers for the parsing tests.
enum LessonTestSupport {
  /// Parses `body` under a front matter of `frontMatter` lines.
  static func parse(_ body: String, frontMatter: String = "title: Test", file: String = "/tmp/lesson/tutorial.md")
    -> Lesson
  {
    LessonParser.parse(
      text: "---\n\(frontMatter)\n---\n\(body)", file: file, relativePath: "topics/test/tutorials/lesson")
  }

  /// The GTN samples: `$GTN_SAMPLES` when set, else `shared/gtn-samples` in the first folder above the package that has
  /// one (a git worktree sits deeper than the main checkout); empty when there are none.
  static let sampleFiles: [URL] = {
    var candidates: [URL] = []
    if let named = ProcessInfo.processInfo.environment["GTN_SAMPLES"] {
      candidates = [URL(fileURLWithPath: named)]
    } else {
      var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
      while folder.path != "/" {
        folder = folder.deletingLastPathComponent()
        candidates.append(folder.appendingPathComponent("shared/gtn-samples"))
      }
    }
    guard let samples = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }),
      let names = try? FileManager.default.contentsOfDirectory(atPath: samples.path)
    else { return [] }
    return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { samples.appendingPathComponent($0) }
  }()

  /// Why the sample tests are skipped, for `.enabled(if:)`.
  static let samplesMissing: Comment = "GTN samples not found: set GTN_SAMPLES or provide ../shared/gtn-samples"

  /// A content root holding the GTN fixtures (Fixtures/gtn) plus `extra` files, and a lesson with `body` in it at
  /// topics/sequence-analysis/tutorials/quality-control; returns the lesson and the root (to remove).
  static func lessonInGTNFixtures(_ body: String, extra: [String: String] = [:]) throws -> (Lesson, String) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("includes-\(UUID().uuidString)")
    let fixtures = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/gtn")
    try FileManager.default.copyItem(at: fixtures, to: root)
    for (path, text) in extra {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    let relative = "topics/sequence-analysis/tutorials/quality-control"
    let file = root.appendingPathComponent(relative + "/tutorial.md").path
    try "---\ntitle: Quality Control\n---\n\(body)".write(toFile: file, atomically: true, encoding: .utf8)
    return (try LessonParser.parse(file: file, relativePath: relative), root.path)
  }

  /// How many plain blockquotes (not boxes) `blocks` hold, at any depth.
  static func plainQuotes(_ blocks: [Block]) -> Int {
    blocks.reduce(0) { count, block in
      switch block {
      case .box(let box): return count + plainQuotes(box.content)
      case .blockQuote(let inner, _): return count + 1 + plainQuotes(inner)
      case .list(let list): return count + list.items.reduce(0) { $0 + plainQuotes($1) }
      default: return count
      }
    }
  }

  /// Every box in `blocks`, depth-first, with its nesting depth.
  static func boxes(_ blocks: [Block], depth: Int = 0) -> [(type: String, depth: Int, box: Box)] {
    var result: [(type: String, depth: Int, box: Box)] = []
    for block in blocks {
      switch block {
      case .box(let box):
        result.append((box.type.name, depth, box))
        result += boxes(box.content, depth: depth + 1)
      case .blockQuote(let inner, _):
        result += boxes(inner, depth: depth)
      case .list(let list):
        for item in list.items { result += boxes(item, depth: depth) }
      default:
        break
      }
    }
    return result
  }
}
