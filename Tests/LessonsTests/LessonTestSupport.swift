import Foundation
import Lessons

/// Helpers for the parsing tests.
enum LessonTestSupport {
  /// Parses `body` under a front matter of `frontMatter` lines.
  static func parse(_ body: String, frontMatter: String = "title: Test", file: String = "/tmp/lesson/tutorial.md")
    -> Lesson
  {
    LessonParser.parse(
      text: "---\n\(frontMatter)\n---\n\(body)", file: file, relativePath: "topics/test/tutorials/lesson")
  }

  /// The GTN samples folder, as the Site tests find it.
  static var sampleFiles: [URL] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let folder =
      ProcessInfo.processInfo.environment["GTN_SAMPLES"].map { URL(fileURLWithPath: $0) }
      ?? root.deletingLastPathComponent().appendingPathComponent("shared/gtn-samples")
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map { folder.appendingPathComponent($0) }
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
