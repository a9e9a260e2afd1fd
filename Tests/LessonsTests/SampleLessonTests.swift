import Foundation
import Lessons
import Testing

/// The real GTN samples parse into the boxes they are written with (skipped, visibly, where they are absent).
@Suite(.enabled(if: !LessonTestSupport.sampleFiles.isEmpty, LessonTestSupport.samplesMissing))
struct SampleLessonTests {
  @Test("samples parse with no error diagnostics and the right front matter")
  func samplesParse() throws {
    let files = LessonTestSupport.sampleFiles
    for file in files {
      let lesson = try LessonParser.parse(file: file.path, relativePath: "topics/samples/tutorials/x")
      if ProcessInfo.processInfo.environment["PRINT_DIAGNOSTICS"] != nil {
        for diagnostic in lesson.diagnostics { print(diagnostic) }
      }
      #expect(!lesson.diagnostics.contains { $0.severity == .error }, "\(lesson.diagnostics)")
      #expect(!lesson.frontMatter.title.isEmpty && lesson.frontMatter.title != "x")
      #expect(lesson.frontMatter.timeEstimation != nil)
      #expect(!lesson.frontMatter.contributors.isEmpty)
      let boxes = LessonTestSupport.boxes(lesson.document.blocks)
      #expect(boxes.contains { $0.type == "agenda" })
      for (index, entry) in boxes.enumerated() where entry.type == "solution" {
        let parent = boxes[..<index].last { $0.depth == entry.depth - 1 }
        #expect(parent?.type == "question" || parent?.type == "hands_on", "\(file.lastPathComponent)")
      }
      #expect(!lesson.document.tableOfContents.isEmpty)
    }
  }

  @Test("every {: .type} line that does not follow a code fence closes a box of that type, in the same order")
  func boxesMatchClosingLines() throws {
    let files = LessonTestSupport.sampleFiles
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      let lesson = LessonParser.parse(text: text, file: file.path, relativePath: "topics/samples/tutorials/x")
      #expect(Self.postOrder(lesson.document.blocks) == Self.closingClasses(text), "\(file.lastPathComponent)")
    }
  }

  /// Box types in the order their boxes end (the order their closing lines are written).
  static func postOrder(_ blocks: [Block]) -> [String] {
    var result: [String] = []
    for block in blocks {
      switch block {
      case .box(let box):
        result += postOrder(box.content)
        result.append(box.type.name)
      case .blockQuote(let inner, _):
        result += postOrder(inner)
      case .list(let list):
        for item in list.items { result += postOrder(item) }
      default:
        break
      }
    }
    return result
  }

  /// The classes of the `{: .type}` lines of a file, read line by line without Markdown: a line that, without its
  /// `>` markers, is an attribute list with a class, unless it follows a code fence written with as many `>` (then
  /// it is the code's).
  static func closingClasses(_ text: String) -> [String] {
    var result: [String] = []
    var previous = ""
    var previousDepth = 0
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      let prefix = line.prefix { $0 == ">" || $0 == " " || $0 == "\t" }
      let depth = prefix.filter { $0 == ">" }.count
      let content = line.dropFirst(prefix.count)
      defer {
        if !content.isEmpty {
          previous = String(content)
          previousDepth = depth
        }
      }
      guard content.hasPrefix("{:"), let dot = content.firstIndex(of: ".") else { continue }
      let name = content[content.index(after: dot)...].prefix { $0.isLetter || $0 == "_" || $0 == "-" }
      if name == "no_toc" || (previous.hasPrefix("```") && previousDepth == depth) { continue }
      result.append(name == "hands-on" ? "hands_on" : String(name))
    }
    return result
  }
}
