import Lessons

/// Writes a `Notebook` as nbformat JSON straight into a byte buffer.
///
/// The layout is byte for byte what Foundation's `JSONEncoder` wrote with `[.prettyPrinted, .sortedKeys,
/// .withoutEscapingSlashes]` before this writer existed (two-space indents, `"key" : value`, keys in sorted order, an
/// empty list or object as `[`, a blank line, `]`), so published notebooks did not change; `JSONEncoder` with its
/// `Encodable` boxing, dynamic casts and key sorting was half of the notebook export's cost.
///
/// Invalid JSON cannot come out: the writer only knows the nbformat structure, every brace it opens is closed by
/// the same function, and every text goes through `string(_:)` (`JSONString.Style.json`), which escapes what JSON
/// requires (`"`, `\`, and each control character U+0000–U+001F, as `\b \t \n \f \r` or `\u00xx`) and copies
/// everything else as it is: U+007F, U+2028 and U+2029 are allowed raw in JSON strings, and a Swift String is always
/// valid Unicode.
struct NotebookJSONWriter {
  private var bytes: [UInt8] = []

  /// The notebook's JSON text, ending in a newline.
  static func json(_ notebook: Notebook) -> String {
    var writer = NotebookJSONWriter()
    writer.bytes.reserveCapacity(4096 + notebook.cells.reduce(0) { $0 + $1.source.utf8.count * 11 / 10 + 120 })
    writer.write(notebook)
    writer.bytes.append(UInt8(ascii: "\n"))
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Calls `body` with the byte range of each line of `text`, as nbformat splits multi-line strings: a line keeps
  /// its "\n", and a "\r\n" does not end a line (it is one Character, not "\n"); the last line may have no "\n".
  static func forEachLine(in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
    var lineStart = 0
    var from = 0
    while let newline = ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: text, from: from) {
      from = newline + 1
      if newline > 0 && text[newline - 1] == UInt8(ascii: "\r") { continue }
      body(lineStart..<from)
      lineStart = from
    }
    if lineStart != text.count { body(lineStart..<text.count) }
  }

  private mutating func write(_ notebook: Notebook) {
    append("{")
    key("cells", level: 1, first: true)
    list(level: 2, notebook.cells) { $0.write($1) }
    key("metadata", level: 1)
    append(
      """
      {
          "kernelspec" : {
            "display_name" : "Swift",
            "language" : "swift",
            "name" : "swift"
          },
          "language_info" : {
            "file_extension" : ".swift",
            "mimetype" : "text/x-swift",
            "name" : "swift"
      """)
    key("version", level: 3)
    string(notebook.swiftVersion)
    close("}", level: 2, empty: false)
    close("}", level: 1, empty: false)
    key("nbformat", level: 1)
    append("4")
    key("nbformat_minor", level: 1)
    append("5")
    close("}", level: 0, empty: false)
  }

  /// A cell at level 2: its fields at level 3, in sorted order.
  private mutating func write(_ cell: NotebookCell) {
    append("{")
    key("cell_type", level: 3, first: true)
    switch cell.kind {
    case .markdown:
      append("\"markdown\"")
    case .code(let executionCount, _):
      append("\"code\"")
      key("execution_count", level: 3)
      if let executionCount { append(number: executionCount) } else { append("null") }
    }
    key("id", level: 3)
    string(cell.id)
    key("metadata", level: 3)
    emptyObject(level: 3)
    if case .code(_, let outputs) = cell.kind {
      key("outputs", level: 3)
      list(level: 4, outputs) { $0.write($1) }
    }
    key("source", level: 3)
    lines(cell.source, level: 4)
    close("}", level: 2, empty: false)
  }

  /// An output at level 4: its fields at level 5, in sorted order.
  private mutating func write(_ output: NotebookOutput) {
    append("{")
    switch output {
    case .stream(let name, let text):
      key("name", level: 5, first: true)
      string(name)
      key("output_type", level: 5)
      append("\"stream\"")
      key("text", level: 5)
      lines(text, level: 6)
    case .displayData(let svg, let plainText):
      key("data", level: 5, first: true)
      append("{")
      key("image/svg+xml", level: 6, first: true)
      lines(svg, level: 7)
      key("text/plain", level: 6)
      lines(plainText, level: 7)
      close("}", level: 5, empty: false)
      key("metadata", level: 5)
      emptyObject(level: 5)
      key("output_type", level: 5)
      append("\"display_data\"")
    case .error(let name, let value, let traceback):
      key("ename", level: 5, first: true)
      string(name)
      key("evalue", level: 5)
      string(value)
      key("output_type", level: 5)
      append("\"error\"")
      key("traceback", level: 5)
      list(level: 6, traceback) { $0.string($1) }
    }
    close("}", level: 4, empty: false)
  }

  // MARK: Layout

  /// `"name" : ` on a new line at `level`, after a comma unless it is the object's first key.
  private mutating func key(_ name: StaticString, level: Int, first: Bool = false) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\n"))
    indent(level)
    bytes.append(UInt8(ascii: "\""))
    append(name)
    append("\" : ")
  }

  /// A list whose elements stand at `level`; `element` writes one value.
  private mutating func list<Element>(level: Int, _ elements: [Element], _ element: (inout Self, Element) -> Void) {
    append("[")
    for (index, value) in elements.enumerated() {
      newElement(level: level, first: index == 0)
      element(&self, value)
    }
    close("]", level: level - 1, empty: elements.isEmpty)
  }

  /// `text` as a list of its lines (elements at `level`), without making a String per line.
  private mutating func lines(_ text: String, level: Int) {
    append("[")
    var text = text
    var empty = true
    text.withUTF8 { utf8 in
      Self.forEachLine(in: utf8) { range in
        newElement(level: level, first: empty)
        empty = false
        string(UnsafeBufferPointer(rebasing: utf8[range]))
      }
    }
    close("]", level: level - 1, empty: empty)
  }

  private mutating func newElement(level: Int, first: Bool) {
    if !first { bytes.append(UInt8(ascii: ",")) }
    bytes.append(UInt8(ascii: "\n"))
    indent(level)
  }

  private mutating func emptyObject(level: Int) {
    append("{")
    close("}", level: level, empty: true)
  }

  /// Ends a list or object whose own line is at `level`; an empty one gets the blank line JSONEncoder wrote.
  private mutating func close(_ bracket: StaticString, level: Int, empty: Bool) {
    bytes.append(UInt8(ascii: "\n"))
    if empty { bytes.append(UInt8(ascii: "\n")) }
    indent(level)
    append(bracket)
  }

  private mutating func indent(_ level: Int) {
    let spaces: StaticString = "                "
    bytes.append(contentsOf: UnsafeBufferPointer(start: spaces.utf8Start, count: min(2 * level, spaces.utf8CodeUnitCount)))
  }

  private mutating func append(_ text: StaticString) {
    bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  private mutating func append(number: Int) {
    DecimalBytes.append(number, to: &bytes)
  }

  // MARK: Strings

  private mutating func string(_ text: String) {
    JSONString.append(quoted: text, .json, to: &bytes)
  }

  private mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) {
    JSONString.append(quoted: utf8, .json, to: &bytes)
  }
}
