/// A Jupyter notebook as `NotebookExport` makes it from a lesson (nbformat 4.5, Swift kernel): the cells, and the
/// Swift version the outputs come from. `NotebookJSONWriter` writes it.
struct Notebook {
  var cells: [NotebookCell]
  /// `language_info.version` ("6.3.1"), empty when the lesson has no results.
  var swiftVersion: String
}

/// A notebook cell.
struct NotebookCell {
  enum Kind {
    case markdown
    /// `executionCount` is nil for a cell that did not run (nbformat then wants `null`, not a missing key).
    case code(executionCount: Int?, outputs: [NotebookOutput])
  }

  var kind: Kind
  var id: String
  /// The cell's text, written as nbformat stores multi-line strings: a list of lines that keep their "\n".
  var source: String
}

/// One output of a code cell, in nbformat's output types. Texts are written as lists of lines, like `source`.
enum NotebookOutput {
  /// `name` is "stdout" or "stderr".
  case stream(name: String, text: String)
  /// A chart: its SVG, and its alt text as `text/plain` for screen readers and text front ends.
  case displayData(svg: String, plainText: String)
  /// A thrown error; `traceback` holds whole strings, not split into lines.
  case error(name: String, value: String, traceback: [String])
}
