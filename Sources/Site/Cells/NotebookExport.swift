import Charts
import Execution
import Foundation
import Lessons

/// Writes a lesson's Swift cells and their captured outputs as a Jupyter notebook (nbformat 4.5, Swift kernel
/// metadata), so that readers can open the lesson in Jupyter with the outputs of the published run.
///
/// The lesson's Markdown between the cells becomes markdown cells, as in GTN's notebooks.
/// Outputs map to nbformat output types: stdout/stderr → `stream`, charts → `display_data` with `image/svg+xml`
/// (and the chart's alt text, what it shows in words, as `text/plain` for screen readers and text front ends), a
/// thrown error → `error`; crashes and timeouts are written as a stderr `stream` with the status in words; cells
/// that did not run have no outputs (and no execution count).
public enum NotebookExport {
  /// The notebook JSON for `lesson`; `results` nil writes the code without outputs. `images` gives the bytes of an
  /// image the text shows (by its path from the lesson's folder; nil: not embedded), so that a downloaded notebook
  /// shows it: the build passes a reader confined to the content folder, and rendering itself reads no file.
  public static func notebook(
    for lesson: Lesson, results: LessonResults?, images: @escaping @Sendable (String) -> Data? = { _ in nil }
  ) throws -> String {
    var cells = [NotebookCell(kind: .markdown, id: "title", source: "# \(lesson.frontMatter.title)")]
    if let stamp = results?.stamp {
      let note = "Outputs from a run on \(stamp.date) (\(stamp.operatingSystem), \(stamp.cpuModel), "
        + "\(stamp.logicalCPUs) logical CPUs, \(stamp.swiftVersion))."
      cells.append(NotebookCell(kind: .markdown, id: "stamp", source: note))
    }
    let text = LessonText(lesson: lesson)
    var cleaner = NotebookMarkdown(lesson: lesson, images: images)
    for cell in lesson.cells {
      if let markdown = text?.markdown(before: cell.index).flatMap({ cleaner.cleanCell($0) }) {
        cells.append(NotebookCell(kind: .markdown, id: "text-\(cell.index + 1)", source: markdown))
      }
      let result = results?.result(for: cell.index)
      let ran = result.map { if case .notRun = $0.status { false } else { true } } ?? false
      cells.append(
        NotebookCell(
          kind: .code(executionCount: ran ? cell.index + 1 : nil, outputs: outputs(result, cellIndex: cell.index)),
          id: "cell-\(cell.index + 1)", source: cell.code))
    }
    if let markdown = text?.markdown(before: lesson.cells.count).flatMap({ cleaner.cleanCell($0) }) {
      cells.append(NotebookCell(kind: .markdown, id: "text-end", source: markdown))
    }
    return NotebookJSONWriter.json(Notebook(cells: cells, swiftVersion: swiftVersion(results)))
  }

  private static func outputs(_ result: CellResult?, cellIndex: Int) -> [NotebookOutput] {
    guard let result else { return [] }
    // A cell that never ran has no output: its reason is not something the cell wrote to stderr.
    if case .notRun = result.status { return [] }
    var outputs: [NotebookOutput] = []
    // Jupyter would interpret an ESC as a terminal colour code and other tools choke on NUL: outputs show control
    // characters as pictures, as the page does.
    let visible = ControlPictures.replacing(in:)
    if !result.stdout.isEmpty { outputs.append(.stream(name: "stdout", text: visible(result.stdout))) }
    if !result.stderr.isEmpty { outputs.append(.stream(name: "stderr", text: visible(result.stderr))) }
    for (number, chart) in result.charts.prefix(CellRenderer.chartLimit).enumerated() {
      let svg = SVGChart.render(chart, id: "cell-\(cellIndex + 1)-chart-\(number + 1)")
      outputs.append(.displayData(svg: svg, plainText: visible(chart.altText)))
    }
    switch result.status {
    case .succeeded, .notRun:
      break
    case .failed(let message, _):
      outputs.append(.error(name: "Error", value: visible(message), traceback: [visible(message)]))
    case .crashed, .timedOut:
      outputs.append(.stream(name: "stderr", text: visible(result.status.summary) + "\n"))
    }
    return outputs
  }

  /// Text split into lines that keep their `\n`, as nbformat stores multi-line strings (`NotebookJSONWriter`
  /// writes them so without making these Strings). A `\r\n` does not end a line (it is one Character, not "\n").
  static func lines(of text: String) -> [String] {
    var result: [String] = []
    var text = text
    text.withUTF8 { utf8 in
      NotebookJSONWriter.forEachLine(in: utf8) { line in
        result.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[line]), as: UTF8.self))
      }
    }
    return result
  }

  private static func swiftVersion(_ results: LessonResults?) -> String {
    // "Swift version 6.3.1 (swift-6.3.1-RELEASE)" → "6.3.1"
    let words = (results?.stamp.swiftVersion ?? "").split(separator: " ")
    guard let at = words.firstIndex(of: "version"), words.index(after: at) < words.endIndex else { return "" }
    return String(words[words.index(after: at)])
  }
}
