import Charts
import Execution
import Foundation
import Lessons
import Site
import Testing

/// Results come from lesson programs and from results files anyone can edit: whatever numbers and characters
/// they hold, a cell renders as well-formed HTML (or becomes a warning), never a crash.
@Suite("Hostile cell results", .timeLimit(.minutes(1)))
struct HostileResultsTests {
  static let cell = Cell(index: 0, code: "print(1)", line: 3)

  static func result(seconds: Double = 0.5, stdout: String = "", charts: [Chart] = [], droppedBytes: Int = 0)
    -> CellResult
  {
    CellResult(
      index: 0, stdout: stdout, stderr: "", seconds: seconds, status: .succeeded, charts: charts,
      droppedBytes: droppedBytes)
  }

  @Test(
    "a cell time no run can take reads 'time unknown'",
    arguments: [1e300, .nan, .infinity, -.infinity, -1, -0.5, .greatestFiniteMagnitude, 1e10])
  func impossibleTimes(seconds: Double) {
    #expect(CellRenderer.duration(seconds) == "time unknown")
    let html = CellRenderer.render(Self.cell, result: Self.result(seconds: seconds))
    #expect(html.contains("ran · time unknown"))
    #expect(BodyTestSupport.xmlProblem(html) == nil)
    #expect(PageFormatting.seconds(seconds) == "unknown")
  }

  @Test("plausible times keep their usual form, up to a year", arguments: [0, 1e-300, 0.25, 12, 86_400, 31_000_000])
  func plausibleTimes(seconds: Double) {
    #expect(CellRenderer.duration(seconds) != "time unknown")
    #expect(PageFormatting.seconds(seconds) != "unknown")
  }

  @Test("charts of extreme values and 5,000 charts in one cell render; the extra charts become a note")
  func extremeCharts() {
    let wild = Chart(
      kind: .line, title: "wild",
      series: [Chart.Series(name: "s", points: [.init(x: 1, y: -1.7e308), .init(x: 2, y: 1.7e308), .init(x: 3, y: .nan)])])
    let bar = Chart(
      kind: .bar, title: "bar", categories: ["a"], series: [Chart.Series(name: "s", points: [.init(x: 1e300, y: 1)])])
    let html = CellRenderer.render(Self.cell, result: Self.result(charts: [wild, bar]))
    #expect(BodyTestSupport.xmlProblem(html) == nil)
    #expect(html.contains("<figcaption class=\"cell-note\">1 point with a value that is not a finite number"))
    #expect(html.contains("1 bar whose x names no category not drawn."))

    let many = Array(repeating: Chart(kind: .scatter, title: "t", series: [.init(name: "", points: [.init(x: 1, y: 2)])]), count: 5_000)
    let crowded = CellRenderer.render(Self.cell, result: Self.result(charts: many))
    #expect(crowded.contains("Only the first \(CellRenderer.chartLimit) of 5000 charts are drawn."))
    #expect(crowded.components(separatedBy: "<svg").count - 1 == CellRenderer.chartLimit)
    #expect(BodyTestSupport.xmlProblem(crowded) == nil)
  }

  @Test("a dropped-bytes count of Int.max cannot overflow the note's sum")
  func droppedBytesOverflow() {
    let html = CellRenderer.render(Self.cell, result: Self.result(stdout: "x", droppedBytes: .max))
    #expect(html.contains("Output cut:"))
  }

  @Test("NUL, SOH, ESC and DEL in output show as ␀ ␁ ␛ ␡ and the cell stays well-formed XML")
  func controlCharacters() {
    let printed = "nul:\u{0}: soh:\u{1}: esc:\u{1B}[31mred\u{1B}[0m del:\u{7F} tab:\t cr:\r bad:\u{FFFE}\n"
    let html = CellRenderer.render(Self.cell, result: Self.result(stdout: printed))
    #expect(BodyTestSupport.xmlProblem(html) == nil)
    #expect(html.contains("nul:␀: soh:␁: esc:␛[31mred␛[0m del:␡ tab:\t cr:\r bad:\u{FFFD}"))
    #expect(!html.unicodeScalars.contains { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) })
    #expect(HTMLEscaping.escape("a\u{0}<b") == "a␀&lt;b")
    #expect(HTMLEscaping.escape("plain é ✓ \u{F8FF}") == "plain é ✓ \u{F8FF}")
  }

  @Test("control characters in lesson text, code, raw HTML and tables keep the body well-formed")
  func controlCharactersInLessonText() {
    let text = """
      # Heading \u{1B} one

      Text \u{1B}[1m and `code \u{1}` and [link \u{1B}](https://example.org "title \u{7F}")

      <div title="raw \u{1B}">raw \u{1} html</div>

      ```python
      print("\u{1B}")
      ```

      | a\u{1B} | b |
      |---|---|
      | \u{1} | x |
      """
    let (_, body) = BodyTestSupport.render("---\ntitle: T\n---\n" + text)
    #expect(BodyTestSupport.xmlProblem(body.html) == nil, "\(body.html)")
    #expect(body.html.contains("Text ␛[1m and"))
    #expect(body.html.contains("raw ␁ html"))
  }

  @Test("the notebook export shows control characters as pictures too")
  func notebookControlCharacters() throws {
    let lesson = Lesson(
      file: "/t/tutorial.md", relativePath: "topics/t/tutorials/x", topic: "t", slug: "x",
      frontMatter: FrontMatter(title: "T"), document: Document(), cells: [Self.cell], diagnostics: [])
    let stamp = EnvironmentStamp(
      date: "d", operatingSystem: "o", cpuModel: "c", logicalCPUs: 1, memoryBytes: 1, swiftVersion: "s",
      totalSeconds: 1e300)
    let results = LessonResults(
      key: "k", cells: [Self.result(seconds: 1e300, stdout: "esc:\u{1B}[1m nul:\u{0}\n")], stamp: stamp)
    let notebook = try NotebookExport.notebook(for: lesson, results: results)
    #expect(notebook.contains("esc:␛[1m nul:␀"))
    #expect(!notebook.contains("\\u001b") && !notebook.contains("\\u0000"))
  }

  @Test("a results file is decoded with checks: shuffled indices are refused, byte counts held to range")
  func decodingChecks() throws {
    func json(cells: String) -> Data {
      Data(
        """
        {"key": "k", "inputs": {"format": 1, "cells": "c"}, "stamp": {"date": "d", "operatingSystem": "o",
        "cpuModel": "c\\u0000\\u001b[1m", "logicalCPUs": -3, "memoryBytes": 1, "swiftVersion": "s", "totalSeconds": 1e300},
        "cells": [\(cells)]}
        """.utf8)
    }
    func cell(_ index: Int, seconds: String = "1e300", dropped: String = "0") -> String {
      """
      {"index": \(index), "stdout": "", "stderr": "", "seconds": \(seconds), "status": {"succeeded": {}},
      "charts": [{"kind": "bar", "title": "t", "xLabel": "", "yLabel": "", "categories": ["a"],
      "series": [{"name": "s", "points": [{"x": 1e300, "y": -1.7e308}]}]}], "droppedBytes": \(dropped),
      "diagnostics": []}
      """
    }
    let decoded = try JSONDecoder().decode(
      LessonResults.self, from: json(cells: cell(0, dropped: "9223372036854775807") + "," + cell(1, seconds: "-5")))
    #expect(decoded.cells[0].droppedBytes == CellResult.maximumDroppedBytes)
    #expect(decoded.stamp.cpuModel == "c␀␛[1m")
    #expect(!decoded.cells[0].hasPlausibleTime && !decoded.cells[1].hasPlausibleTime)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(LessonResults.self, from: json(cells: cell(9_223_372_036_854_775_807)))
    }
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(LessonResults.self, from: json(cells: cell(1) + "," + cell(0)))
    }

    let lesson = Lesson(
      file: "/t/tutorial.md", relativePath: "topics/t/tutorials/x", topic: "t", slug: "x",
      frontMatter: FrontMatter(title: "T"), document: Document(),
      cells: [Self.cell, Cell(index: 1, code: "", line: 9)], diagnostics: [])
    let warnings = decoded.diagnostics(for: lesson).map(\.message)
    #expect(warnings.contains("cell 1 has a recorded time no run can take (1e+300 s); the page shows it as unknown"))
    #expect(warnings.contains("cell 2 has a recorded time no run can take (-5.0 s); the page shows it as unknown"))
    #expect(warnings.contains("cell 1 chart 1: 1 bar whose x names no category not drawn."))
    for (cell, result) in zip(lesson.cells, decoded.cells) {
      #expect(BodyTestSupport.xmlProblem(CellRenderer.render(cell, result: result)) == nil)
    }
  }
}
