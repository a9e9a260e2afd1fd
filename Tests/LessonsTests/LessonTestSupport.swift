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
