import Foundation
import Lessons
import Site
import Testing

/// Pages built around rendered bodies pass `tidy -errors -q` with no errors (when tidy is installed).
@Suite(.serialized)
struct BodyTidyTests {
  static let tidy = ["/usr/bin/tidy", "/usr/local/bin/tidy"].first { FileManager.default.isExecutableFile(atPath: $0) }

  @Test("fixtures and samples, wrapped in an HTML5 page, have no tidy errors", .timeLimit(.minutes(1)))
  func tidyReportsNoErrors() throws {
    guard let tidy = Self.tidy else {
      print("note: tidy not installed; check skipped")
      return
    }
    let fixtures = (try FileManager.default.contentsOfDirectory(atPath: BodyTestSupport.fixturesFolder.path))
      .filter { $0.hasSuffix(".md") }.map { BodyTestSupport.fixturesFolder.appendingPathComponent($0) }
    for file in fixtures + BodyTestSupport.sampleFiles {
      let lesson = try LessonParser.parse(file: file.path, relativePath: "topics/t/tutorials/x")
      let body = BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML)
      let page = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Test page</title></head><body>
        \(body.html)</body></html>

        """
      let pageFile = FileManager.default.temporaryDirectory.appendingPathComponent("body-tidy-\(UUID().uuidString).html")
      try Data(page.utf8).write(to: pageFile)
      defer { try? FileManager.default.removeItem(at: pageFile) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: tidy)
      process.arguments = ["-errors", "-q", pageFile.path]
      let errors = Pipe()
      process.standardError = errors
      process.standardOutput = FileHandle.nullDevice
      try process.run()
      let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      // tidy exits 0 when clean, 1 for warnings only, 2 for errors.
      #expect(process.terminationStatus < 2, "\(file.lastPathComponent): \(report)")
      #expect(!report.contains("Error:"), "\(file.lastPathComponent): \(report)")
    }
  }
}
