import Foundation
import Lessons
import Site
import Testing

/// Every real GTN tutorial in the shared samples folder renders with no kramdown or Liquid syntax left over
/// (skipped, visibly, where the samples are absent: a CI clone without the shared folder).
@Suite("GTN samples", .enabled(if: !BodyTestSupport.sampleFiles.isEmpty, BodyTestSupport.samplesMissing))
struct BodySampleTests {
  @Test("every sample renders without {:, {%, %} or -title> in the visible text, as well-formed HTML")
  func samplesRenderCleanly() throws {
    let files = BodyTestSupport.sampleFiles
    for file in files {
      let lesson = try LessonParser.parse(file: file.path, relativePath: "topics/samples/tutorials/x")
      let body = BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML)
      if let dump = ProcessInfo.processInfo.environment["BODY_DUMP"] {
        try? body.html.write(toFile: dump + "/" + file.lastPathComponent + ".html", atomically: true, encoding: .utf8)
      }
      let visible = BodyTestSupport.visibleText(body.html)
      for leftover in ["{:", "{%", "%}", "-title>"] {
        #expect(!visible.contains(leftover), "\(file.lastPathComponent) shows \(leftover)")
      }
      #expect(BodyTestSupport.xmlProblem(body.html) == nil, "\(file.lastPathComponent): \(BodyTestSupport.xmlProblem(body.html) ?? "")")
      #expect(!lesson.diagnostics.contains { $0.severity == .error }, "\(file.lastPathComponent): \(lesson.diagnostics)")
      #expect(!BodyTestSupport.boxes(body.html).isEmpty, "\(file.lastPathComponent) has boxes")
    }
  }

  @Test("boxes in the samples keep their types and nesting (question > solution, hands_on > comment)")
  func samplesKeepNesting() throws {
    let files = BodyTestSupport.sampleFiles
    for file in files {
      let lesson = try LessonParser.parse(file: file.path, relativePath: "topics/samples/tutorials/x")
      let body = BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML)
      let boxes = BodyTestSupport.boxes(body.html)
      for (index, box) in boxes.enumerated() where box.type == "solution" {
        // A solution always sits inside another box, the one before it at a lower depth.
        #expect(box.depth >= 1, "\(file.lastPathComponent): solution at top level")
        let parent = boxes[..<index].last { $0.depth == box.depth - 1 }
        #expect(parent.map { ["question", "hands_on"].contains($0.type) } == true, "\(file.lastPathComponent)")
      }
      #expect(boxes.first?.type == "agenda" || boxes.first?.type == "comment", "\(file.lastPathComponent)")
    }
  }
}
