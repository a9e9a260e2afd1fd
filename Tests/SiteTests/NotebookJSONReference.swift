import Foundation

@testable import Site

/// The notebook as Foundation's `JSONEncoder` wrote it before `NotebookJSONWriter` (these are the `Encodable` types
/// the export used): the reference the writer must match byte for byte.
enum NotebookJSONReference {
  static func json(_ notebook: Site.Notebook) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(Notebook(notebook)), as: UTF8.self) + "\n"
  }

  struct Notebook: Encodable {
    struct Metadata: Encodable {
      struct Kernel: Encodable {
        var displayName = "Swift"
        var language = "swift"
        var name = "swift"
        enum CodingKeys: String, CodingKey {
          case displayName = "display_name"
          case language, name
        }
      }
      struct LanguageInfo: Encodable {
        var name = "swift"
        var fileExtension = ".swift"
        var mimetype = "text/x-swift"
        var version: String
        enum CodingKeys: String, CodingKey {
          case fileExtension = "file_extension"
          case name, mimetype, version
        }
      }
      var kernelspec = Kernel()
      var languageInfo: LanguageInfo
      enum CodingKeys: String, CodingKey {
        case languageInfo = "language_info"
        case kernelspec
      }
    }

    var cells: [Cell]
    var metadata: Metadata
    var nbformat = 4
    var nbformatMinor = 5
    enum CodingKeys: String, CodingKey {
      case nbformatMinor = "nbformat_minor"
      case cells, metadata, nbformat
    }

    init(_ notebook: Site.Notebook) {
      cells = notebook.cells.map(Cell.init)
      metadata = Metadata(languageInfo: .init(version: notebook.swiftVersion))
    }
  }

  struct Cell: Encodable {
    var cellType: String
    var id: String
    var source: [String]
    var executionCount: Int?
    var outputs: [Output]?

    init(_ cell: NotebookCell) {
      id = cell.id
      source = NotebookExport.lines(of: cell.source)
      switch cell.kind {
      case .markdown:
        cellType = "markdown"
      case .code(let count, let outputs):
        cellType = "code"
        executionCount = count
        self.outputs = outputs.map(Output.init)
      }
    }

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
        try container.encode(executionCount, forKey: .executionCount)
        try container.encode(outputs, forKey: .outputs)
      }
    }
  }

  struct Output: Encodable {
    var outputType: String
    var name: String?
    var text: [String]?
    var data: [String: [String]]?
    var metadata: [String: String]?
    var ename: String?
    var evalue: String?
    var traceback: [String]?

    init(_ output: NotebookOutput) {
      switch output {
      case .stream(let name, let text):
        outputType = "stream"
        self.name = name
        self.text = NotebookExport.lines(of: text)
      case .displayData(let svg, let plainText):
        outputType = "display_data"
        data = ["image/svg+xml": NotebookExport.lines(of: svg), "text/plain": NotebookExport.lines(of: plainText)]
        metadata = [:]
      case .error(let name, let value, let traceback):
        outputType = "error"
        ename = name
        evalue = value
        self.traceback = traceback
      }
    }

    enum CodingKeys: String, CodingKey {
      case outputType = "output_type"
      case name, text, data, metadata, ename, evalue, traceback
    }
  }
}
