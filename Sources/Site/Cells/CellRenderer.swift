import Charts
import Execution
import Lessons

/// Renders one Swift cell on the page: its code (unless `echo: false`), what it printed (unless `output: false`),
/// its charts as inline SVG, how long it took and how it ended, in words.
///
/// Everything the program printed is HTML-escaped (a cell printing `<script>` shows it as text) and cut at
/// `outputLimit` bytes per cell with a note, so that a runaway cell cannot make a page unusable.
public enum CellRenderer {
  /// Bytes of output shown per cell (stdout and stderr together).
  public static let outputLimit = 1 << 20
  /// Charts drawn per cell; a cell showing more gets a note instead of the rest.
  public static let chartLimit = 100

  /// The HTML of `cell`; `result` is nil when the lesson has not been executed (the code alone is shown).
  public static func render(_ cell: Cell, result: CellResult?) -> String {
    var html = "<div class=\"cell \(statusClass(result?.status))\" id=\"cell-\(cell.index + 1)\">\n"
    if cell.options.echo {
      html += "<pre class=\"cell-code\"><code class=\"language-swift\">"
      html += SyntaxHighlighter.highlight(cell.code, language: "swift")
      html += "</code></pre>\n"
    }
    guard let result else { return html + "</div>\n" }
    if cell.options.output {
      html += outputs(result, cellIndex: cell.index)
    }
    if !result.diagnostics.isEmpty {
      html += "<ul class=\"cell-diagnostics\">\n"
      for diagnostic in result.diagnostics {
        html += "<li>\(HTMLEscaping.escape(place(diagnostic))): \(HTMLEscaping.escape(diagnostic.message))</li>\n"
      }
      html += "</ul>\n"
    }
    html += "<p class=\"cell-status\">\(HTMLEscaping.escape(result.status.summary))"
    if case .notRun = result.status {} else { html += " · \(HTMLEscaping.escape(duration(result.seconds)))" }
    return html + "</p>\n</div>\n"
  }

  private static func outputs(_ result: CellResult, cellIndex: Int) -> String {
    var html = ""
    var remaining = outputLimit
    // droppedBytes may come from a results file: held to a sane range so that the sum cannot overflow.
    var cut = min(max(result.droppedBytes, 0), CellResult.maximumDroppedBytes)
    for (text, kind) in [(result.stdout, "stdout"), (result.stderr, "stderr")] where !text.isEmpty {
      let shown = prefix(text, bytes: remaining)
      cut += text.utf8.count - shown.utf8.count
      remaining -= shown.utf8.count
      guard !shown.isEmpty else { continue }
      html += "<pre class=\"cell-\(kind)\">\(HTMLEscaping.escape(shown))</pre>\n"
    }
    if cut > 0 {
      html += "<p class=\"cell-note\">Output cut: \(cut) more bytes were printed than are shown.</p>\n"
    }
    for (number, chart) in result.charts.prefix(chartLimit).enumerated() {
      // A tab stop: on a narrow screen the chart keeps a readable size and its figure scrolls sideways (style.css),
      // which the keyboard must reach too; assets/site.js drops the stop where the chart fits.
      let id = "cell-\(cellIndex + 1)-chart-\(number + 1)"
      html += "<figure class=\"cell-chart\" tabindex=\"0\">\(SVGChart.render(chart, id: id))"
      let notes = chart.drawingNotes
      if !notes.isEmpty {
        html += "<figcaption class=\"cell-note\">\(HTMLEscaping.escape(notes.joined(separator: " ")))</figcaption>"
      }
      html += "</figure>\n"
    }
    if result.charts.count > chartLimit {
      html += "<p class=\"cell-note\">Only the first \(chartLimit) of \(result.charts.count) charts are drawn.</p>\n"
    }
    return html
  }

  /// The first `bytes` bytes of `text`, cut back to a whole character.
  static func prefix(_ text: String, bytes: Int) -> String {
    guard text.utf8.count > bytes else { return text }
    var end = text.utf8.index(text.utf8.startIndex, offsetBy: max(bytes, 0))
    while end > text.startIndex, String.Index(end, within: text) == nil {
      end = text.utf8.index(before: end)
    }
    return String(text[..<end])
  }

  /// `0.25 s`, `1.5 ms`, `12 s`: the wall time of a cell, with two significant decimals at most. A time no run
  /// can take (negative, NaN, infinite, over `CellResult.plausibleSeconds`: a results file is untrusted) reads
  /// "time unknown" rather than trapping in a conversion.
  public static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0, seconds <= CellResult.plausibleSeconds else { return "time unknown" }
    if seconds < 0.001 { return "< 1 ms" }
    if seconds < 1 { return "\(rounded(seconds * 1000)) ms" }
    return "\(rounded(seconds)) s"
  }

  private static func rounded(_ value: Double) -> String {
    let hundredths = (value * 100).rounded()
    let whole = Int(hundredths) / 100
    let fraction = Int(hundredths) % 100
    if fraction == 0 { return "\(whole)" }
    if fraction % 10 == 0 { return "\(whole).\(fraction / 10)" }
    return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  private static func place(_ diagnostic: Diagnostic) -> String {
    let name = diagnostic.file.split(separator: "/").last.map(String.init) ?? diagnostic.file
    var place = name
    if let line = diagnostic.line { place += ":\(line)" }
    if let column = diagnostic.column { place += ":\(column)" }
    return place
  }

  /// A CSS class for the status, so that failures can be styled.
  static func statusClass(_ status: CellStatus?) -> String {
    switch status {
    case nil: "cell-not-executed"
    case .succeeded: "cell-ok"
    case .failed(_, let expected): expected ? "cell-expected-error" : "cell-failed"
    case .crashed: "cell-crashed"
    case .timedOut: "cell-timed-out"
    case .notRun: "cell-not-run"
    }
  }
}
