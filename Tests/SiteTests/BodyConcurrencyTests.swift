import Foundation
import Lessons
import Site
import Testing

/// Parsing and rendering share no mutable state, so a builder may run them on many threads at once.
struct BodyConcurrencyTests {
  @Test("parsing and rendering the fixtures on 8 tasks at once gives the same HTML as one at a time",
    .timeLimit(.minutes(1)))
  func concurrentMatchesSequential() async throws {
    let folder = BodyTestSupport.fixturesFolder
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }
      .sorted().map { folder.appendingPathComponent($0).path }
    @Sendable func render(_ file: String) throws -> String {
      let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/x")
      return BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML).html
    }
    let expected = try files.map(render)
    let results = try await withThrowingTaskGroup(of: (Int, String).self) { group in
      for _ in 0..<8 {
        for (index, file) in files.enumerated() {
          group.addTask { (index, try render(file)) }
        }
      }
      var collected: [(Int, String)] = []
      for try await result in group { collected.append(result) }
      return collected
    }
    #expect(results.count == files.count * 8)
    for (index, html) in results { #expect(html == expected[index]) }
  }

  @Test("CRLF line endings parse like LF ones")
  func crlf() {
    let text = "---\ntitle: T\ntime_estimation: 1H\n---\n## Head\n\n> <question-title>Q</question-title>\n> Text\n> > A\n> {: .solution}\n{: .question}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    let unix = BodyTestSupport.render(text).1.html
    let windows = BodyTestSupport.render(text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(windows.0.frontMatter.timeEstimation?.minutes == 60)
    #expect(windows.0.diagnostics.isEmpty, "\(windows.0.diagnostics)")
    #expect(windows.1.html.replacingOccurrences(of: "\r", with: "") == unix)
  }
}
