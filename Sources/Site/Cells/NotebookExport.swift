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
  /// The notebook JSON for `lesson`; `results` nil writes the code without outputs.
  public static func notebook(for lesson: Lesson, results: LessonResults?) throws -> String {
    var cells: [NotebookCell] = [
      NotebookCell(
        cellType: "markdown", id: "title", source: lines(of: "# \(lesson.frontMatter.title)"), executionCount: nil,
        outputs: nil)
    ]
    if let stamp = results?.stamp {
      let note = "Outputs from a run on \(stamp.date) (\(stamp.operatingSystem), \(stamp.cpuModel), "
        + "\(stamp.logicalCPUs) logical CPUs, \(stamp.swiftVersion))."
      cells.append(NotebookCell(cellType: "markdown", id: "stamp", source: lines(of: note), executionCount: nil, outputs: nil))
    }
    let text = LessonText(lesson: lesson)
    var cleaner = NotebookMarkdown(lesson: lesson)
    for cell in lesson.cells {
      if let markdown = text?.markdown(before: cell.index).flatMap({ cleaner.cleanCell($0) }) {
        cells.append(
          NotebookCell(cellType: "markdown", id: "text-\(cell.index + 1)", source: lines(of: markdown), executionCount: nil, outputs: nil))
      }
      let result = results?.result(for: cell.index)
      let ran = result.map { if case .notRun = $0.status { false } else { true } } ?? false
      cells.append(
        NotebookCell(
          cellType: "code", id: "cell-\(cell.index + 1)", source: lines(of: cell.code),
          executionCount: ran ? cell.index + 1 : nil, outputs: outputs(result, cellIndex: cell.index)))
    }
    if let markdown = text?.markdown(before: lesson.cells.count).flatMap({ cleaner.cleanCell($0) }) {
      cells.append(NotebookCell(cellType: "markdown", id: "text-end", source: lines(of: markdown), executionCount: nil, outputs: nil))
    }
    let notebook = Notebook(
      cells: cells,
      metadata: .init(
        kernelspec: .init(displayName: "Swift", language: "swift", name: "swift"),
        languageInfo: .init(name: "swift", fileExtension: ".swift", mimetype: "text/x-swift", version: swiftVersion(results))),
      nbformat: 4, nbformatMinor: 5)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(notebook), as: UTF8.self) + "\n"
  }

  private static func outputs(_ result: CellResult?, cellIndex: Int) -> [NotebookOutput] {
    guard let result else { return [] }
    // A cell that never ran has no output: its reason is not something the cell wrote to stderr.
    if case .notRun = result.status { return [] }
    var outputs: [NotebookOutput] = []
    // Jupyter would interpret an ESC as a terminal colour code and other tools choke on NUL: outputs show control
    // characters as pictures, as the page does.
    let visible = ControlPictures.replacing(in:)
    if !result.stdout.isEmpty { outputs.append(.stream(name: "stdout", text: lines(of: visible(result.stdout)))) }
    if !result.stderr.isEmpty { outputs.append(.stream(name: "stderr", text: lines(of: visible(result.stderr)))) }
    for (number, chart) in result.charts.prefix(CellRenderer.chartLimit).enumerated() {
      let svg = SVGChart.render(chart, id: "cell-\(cellIndex + 1)-chart-\(number + 1)")
      outputs.append(NotebookOutput(outputType: "display_data", data: ["image/svg+xml": lines(of: svg), "text/plain": lines(of: visible(chart.altText))], metadata: [:]))
    }
    switch result.status {
    case .succeeded, .notRun:
      break
    case .failed(let message, _):
      outputs.append(NotebookOutput(outputType: "error", ename: "Error", evalue: visible(message), traceback: [visible(message)]))
    case .crashed, .timedOut:
      outputs.append(.stream(name: "stderr", text: [visible(result.status.summary) + "\n"]))
    }
    return outputs
  }

  /// Text split into lines that keep their `\n`, as nbformat stores multi-line strings. A `\r\n` does not end a
  /// line (it is one Character, not "\n"). Scans the UTF-8 bytes: a Character loop took a fifth of the export.
  static func lines(of text: String) -> [String] {
    var result: [String] = []
    let bytes = text.utf8
    var lineStart = bytes.startIndex
    var previous: UInt8 = 0
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      index = bytes.index(after: index)
      if byte == 10 && previous != 13 {
        result.append(String(text[lineStart..<index]))
        lineStart = index
      }
      previous = byte
    }
    if lineStart != bytes.endIndex { result.append(String(text[lineStart...])) }
    return result
  }

  private static func swiftVersion(_ results: LessonResults?) -> String {
    // "Swift version 6.3.1 (swift-6.3.1-RELEASE)" → "6.3.1"
    let words = (results?.stamp.swiftVersion ?? "").split(separator: " ")
    guard let at = words.firstIndex(of: "version"), words.index(after: at) < words.endIndex else { return "" }
    return String(words[words.index(after: at)])
  }
}

/// The nbformat 4 document.
struct Notebook: Encodable {
  struct Metadata: Encodable {
    struct Kernel: Encodable {
      var displayName: String
      var language: String
      var name: String
      enum CodingKeys: String, CodingKey {
        case displayName = "display_name"
        case language, name
      }
    }
    struct LanguageInfo: Encodable {
      var name: String
      var fileExtension: String
      var mimetype: String
      var version: String
      enum CodingKeys: String, CodingKey {
        case fileExtension = "file_extension"
        case name, mimetype, version
      }
    }
    var kernelspec: Kernel
    var languageInfo: LanguageInfo
    enum CodingKeys: String, CodingKey {
      case languageInfo = "language_info"
      case kernelspec
    }
  }

  var cells: [NotebookCell]
  var metadata: Metadata
  var nbformat: Int
  var nbformatMinor: Int
  enum CodingKeys: String, CodingKey {
    case nbformatMinor = "nbformat_minor"
    case cells, metadata, nbformat
  }
}

/// A notebook cell; `executionCount` and `outputs` only for code cells.
struct NotebookCell: Encodable {
  var cellType: String
  var id: String
  var source: [String]
  var executionCount: Int?
  var outputs: [NotebookOutput]?

  enum CodingKeys: String, CodingKey {
    case cellType = "cell_type"
    case executionCount = "execution_count"
    case id, source, outputs, metadata
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(cellType, forKey: .cellType)
    try container.encode(id, forKey: .id)
    try container.encode(source, forKey: .source)
    try container.encode([String: String](), forKey: .metadata)
    if let outputs {
      // nbformat requires execution_count on code cells, null when the cell did not run.
      try container.encode(executionCount, forKey: .executionCount)
      try container.encode(outputs, forKey: .outputs)
    }
  }
}

/// One output of a code cell.
struct NotebookOutput: Encodable {
  var outputType: String
  var name: String?
  var text: [String]?
  var data: [String: [String]]?
  var metadata: [String: String]?
  var ename: String?
  var evalue: String?
  var traceback: [String]?

  init(
    outputType: String, name: String? = nil, text: [String]? = nil, data: [String: [String]]? = nil,
    metadata: [String: String]? = nil, ename: String? = nil, evalue: String? = nil, traceback: [String]? = nil
  ) {
    self.outputType = outputType
    self.name = name
    self.text = text
    self.data = data
    self.metadata = metadata
    self.ename = ename
    self.evalue = evalue
    self.traceback = traceback
  }

  static func stream(name: String, text: [String]) -> NotebookOutput {
    NotebookOutput(outputType: "stream", name: name, text: text)
  }

  enum CodingKeys: String, CodingKey {
    case outputType = "output_type"
    case name, text, data, metadata, ename, evalue, traceback
  }
}
