import Charts
import Execution
import Foundation
import Lessons
import Site
import Testing

/// The Jupyter notebook written beside each executed lesson.
struct CellNotebookExportTests {
  @Test("the notebook is nbformat 4 with Swift kernel metadata and the captured outputs")
  func notebook() throws {
    let cells = [
      Cell(index: 0, code: "print(\"hi\")\nprint(2)", line: 5),
      Cell(index: 1, code: "throw E()", line: 9),
      Cell(index: 2, code: "never()", line: 12),
    ]
    let lesson = Lesson(
      file: "/t/tutorial.md", relativePath: "topics/t/tutorials/x", topic: "t", slug: "x",
      frontMatter: FrontMatter(title: "Pools"), document: Document(), cells: cells, diagnostics: [])
    let stamp = EnvironmentStamp(
      date: "2026-11-27T03:00:00Z", operatingSystem: "Debian", cpuModel: "CPU", logicalCPUs: 2, memoryBytes: 1,
      swiftVersion: "Swift version 6.3.1 (swift-6.3.1-RELEASE)", totalSeconds: 1)
    var chart = Chart(kind: .line, title: "Speed-up")
    chart.add("time", x: [1, 4], y: [2.5, 1.0])
    let results = LessonResults(
      key: "k",
      cells: [
        CellResult(
          index: 0, stdout: "hi\n2\n", stderr: "", seconds: 0.1, status: .succeeded,
          charts: [chart]),
        CellResult(index: 1, stdout: "", stderr: "", seconds: 0.1, status: .failed(message: "E()", expected: false), charts: []),
        CellResult(index: 2, stdout: "", stderr: "", seconds: 0, status: .notRun(reason: "an earlier cell failed"), charts: []),
      ], stamp: stamp)
    let json = try NotebookExport.notebook(for: lesson, results: results)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["nbformat"] as? Int == 4)
    let metadata = try #require(object["metadata"] as? [String: Any])
    let kernel = try #require(metadata["kernelspec"] as? [String: Any])
    #expect(kernel["name"] as? String == "swift")
    #expect((metadata["language_info"] as? [String: Any])?["version"] as? String == "6.3.1")
    let notebookCells = try #require(object["cells"] as? [[String: Any]])
    let code = notebookCells.filter { $0["cell_type"] as? String == "code" }
    #expect(code.count == 3)
    #expect(code[0]["source"] as? [String] == ["print(\"hi\")\n", "print(2)"])
    #expect(code[0]["execution_count"] as? Int == 1)
    let outputs = try #require(code[0]["outputs"] as? [[String: Any]])
    #expect(outputs[0]["output_type"] as? String == "stream")
    #expect(outputs[0]["text"] as? [String] == ["hi\n", "2\n"])
    #expect(outputs[1]["output_type"] as? String == "display_data")
    #expect(((outputs[1]["data"] as? [String: Any])?["image/svg+xml"] as? [String])?.first?.hasPrefix("<svg") == true)
    let error = try #require((code[1]["outputs"] as? [[String: Any]])?.first)
    #expect(error["output_type"] as? String == "error")
    #expect(error["evalue"] as? String == "E()")
    #expect(code[2]["execution_count"] is NSNull)
    // The chart's text/plain is its alt text (what it shows), not only its title.
    let plain = ((outputs[1]["data"] as? [String: Any])?["text/plain"] as? [String])?.joined()
    #expect(plain == chart.altText)
    #expect(plain?.contains("2.5") == true)
    // A cell that never ran has no outputs at all, so no stderr stream with the reason.
    #expect((code[2]["outputs"] as? [Any])?.isEmpty == true)
  }

  @Test("the lesson's text between the cells becomes markdown cells, without the builder-only lines")
  func markdownBetweenCells() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notebook-\(UInt64.random(in: 0...UInt64.max))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("tutorial.md").path
    let source = """
      ---
      title: Pools
      ---
      Before the first cell.

      ```swift
      let x = 1
      ```

      > <question-title>Why?</question-title>
      > Think.
      {: .question}

      ```swift
      print(x)
      ```

      After the last cell.
      """
    try source.write(toFile: file, atomically: true, encoding: .utf8)
    let lesson = try LessonParser.parse(file: file, relativePath: "topics/t/tutorials/x")
    #expect(lesson.cells.count == 2)
    let json = try NotebookExport.notebook(for: lesson, results: nil)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let cells = try #require(object["cells"] as? [[String: Any]])
    let kinds = cells.map { $0["cell_type"] as? String ?? "?" }
    #expect(kinds == ["markdown", "markdown", "code", "markdown", "code", "markdown"])
    let texts = cells.map { ($0["source"] as? [String] ?? []).joined() }
    #expect(texts[1] == "Before the first cell.\n")
    #expect(texts[3] == "> **Question: Why?**\n> Think.\n")
    #expect(texts[5] == "After the last cell.\n")
    #expect(!json.contains("title: Pools"))
  }
}
