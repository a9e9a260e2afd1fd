import Foundation
import Lessons
import Testing

/// The real GTN samples parse into the boxes they are written with.
struct SampleLessonTests {
  @Test("samples parse with no error diagnostics and the right front matter")
  func samplesParse() throws {
    let files = LessonTestSupport.sampleFiles
    guard !files.isEmpty else {
      print("note: GTN samples not found (set GTN_SAMPLES or provide ../shared/gtn-samples); check skipped")
      return
    }
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
}
