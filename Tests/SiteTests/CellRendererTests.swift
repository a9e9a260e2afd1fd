import Charts
import Execution
import Foundation
import FoundationXML
import Lessons
import Site
import Testing

/// How a cell and its captured outputs appear on the page.
struct CellRendererTests {
  static func result(
    stdout: String = "", stderr: String = "", status: CellStatus = .succeeded, charts: [Chart] = [],
    droppedBytes: Int = 0
  ) -> CellResult {
    CellResult(
      index: 0, stdout: stdout, stderr: stderr, seconds: 0.25, status: status, charts: charts,
      droppedBytes: droppedBytes)
  }

  @Test("printed markup is shown as text, never run")
  func escaping() {
    let html = CellRenderer.render(
      Cell(index: 0, code: "print(\"<script>\")", line: 3),
      result: Self.result(stdout: "<script>alert(1)</script>\n", stderr: "a & b\n"))
    #expect(!html.contains("<script>"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(html.contains("<pre class=\"cell-stderr\">a &amp; b\n</pre>"))
    #expect(html.contains("250 ms"))
  }

  @Test("output beyond 1 MB is cut with a note")
  func cap() {
    let big = String(repeating: "é", count: CellRenderer.outputLimit)  // 2 bytes each
    let html = CellRenderer.render(Cell(index: 0, code: "", line: 1), result: Self.result(stdout: big, stderr: "tail"))
    #expect(html.utf8.count < CellRenderer.outputLimit + 10_000)
    #expect(html.contains("Output cut: \(CellRenderer.outputLimit + 4) more bytes"))
    #expect(!html.contains("tail"))
  }

  @Test(
    "the status is said in words", arguments: [
      (CellStatus.failed(message: "E(reason: \"x\")", expected: false), "threw: E(reason: &quot;x&quot;)"),
      (.crashed(signal: 11, description: "Segmentation fault"), "crashed: signal 11 (Segmentation fault)"),
      (.timedOut(seconds: 30), "timed out after 30 s"),
      (.notRun(reason: CellStatus.earlierFailureReason), "not run: an earlier cell failed"),
    ])
  func status(status: CellStatus, words: String) {
    let html = CellRenderer.render(Cell(index: 0, code: "", line: 1), result: Self.result(status: status))
    #expect(html.contains("<p class=\"cell-status\">\(words)"))
  }

  @Test("echo: false hides the code, output: false hides the output")
  func options() {
    var cell = Cell(index: 2, code: "let secret = 1", line: 1)
    cell.options.echo = false
    cell.options.output = false
    let html = CellRenderer.render(cell, result: Self.result(stdout: "printed"))
    #expect(!html.contains("secret"))
    #expect(!html.contains("printed"))
    #expect(html.contains("id=\"cell-3\""))
  }

  @Test("charts are drawn inline with ids unique on the page")
  func charts() {
    let charts = [Chart(kind: .line, title: "a"), Chart(kind: .bar, title: "b")]
    let html = CellRenderer.render(Cell(index: 4, code: "", line: 1), result: Self.result(charts: charts))
    #expect(html.contains("<figure class=\"cell-chart\" tabindex=\"0\"><svg"), "a chart that scrolls is reachable by keyboard")
    #expect(html.contains("cell-5-chart-1"))
    #expect(html.contains("cell-5-chart-2"))
  }

  @Test("a chart's SVG in the cell output is well-formed XML with a title")
  func svgParses() throws {
    let html = CellRenderer.render(
      Cell(index: 0, code: "", line: 1), result: Self.result(charts: [Chart(kind: .bar, title: "Pool size")]))
    let start = try #require(html.range(of: "<svg"))
    let end = try #require(html.range(of: "</svg>", options: .backwards))
    let svg = String(html[start.lowerBound..<end.upperBound])
    let collector = ElementCollector()
    let parser = XMLParser(data: Data(svg.utf8))
    parser.delegate = collector
    #expect(parser.parse(), "\(parser.parserError.map(String.init(describing:)) ?? "")")
    #expect(collector.elements.first == "svg")
    #expect(collector.elements.contains("title"))
  }

  @Test("compiler errors are listed with the lesson file and line")
  func diagnostics() {
    var result = Self.result(status: .notRun(reason: "the lesson's program did not compile"))
    result.diagnostics = [Diagnostic(.warning, file: "/c/t/tutorial.md", line: 10, column: 19, "cannot convert <String>")]
    let html = CellRenderer.render(Cell(index: 0, code: "", line: 10), result: result)
    #expect(html.contains("<li>tutorial.md:10:19: cannot convert &lt;String&gt;</li>"))
  }
}

/// Records the element names an XML parser meets, in order.
final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    elements.append(elementName)
  }
}
