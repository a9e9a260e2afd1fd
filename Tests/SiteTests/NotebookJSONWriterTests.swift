import Charts
import Execution
import Foundation
import Lessons
import Testing
import TestSupport

@testable import Site

/// `NotebookJSONWriter` writes what `JSONEncoder` wrote byte for byte, and valid JSON (and valid nbformat) for any
/// text: control characters, U+0000, U+2028/2029, DEL, emoji, CRLF, huge cells.
@Suite struct NotebookJSONWriterTests {
  /// Texts that have broken JSON writers: every ASCII control character and the JSON-special ones, separators
  /// that JavaScript (not JSON) refuses raw, non-characters, combining marks, emoji sequences, line ends.
  static let hostile: [String] = [
    "", "\n", "\n\n", "\r", "\r\n", "a\r\nb\nc\r\n", "\r\r\n\n", "\u{0}", "nul:\u{0}:end", "\u{7F}", "\u{2028}\u{2029}",
    "line\u{2028}separator\u{2029}paragraph\n", String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) })),
    "\"quoted\" \\back\\slash\\ /slash/ </script>", "\u{1B}[1mbold\u{1B}[0m\u{8}\u{C}\t", "\u{85}\u{A0}\u{FEFF}\u{FFFE}\u{FFFF}",
    "é\u{301}x\u{301}\n", "👩‍👩‍👧\n🇫🇷 😀\u{10FFFF}", "\u{D7FF}\u{E000}", "trailing backslash\\", "\\u0000 is text, not an escape",
  ]

  @Test("each hostile text in every place a string goes: the bytes JSONEncoder wrote")
  func hostileTextMatchesJSONEncoder() throws {
    for text in Self.hostile {
      let notebook = Self.notebook(text)
      #expect(NotebookJSONWriter.json(notebook) == (try NotebookJSONReference.json(notebook)), "\(text.debugDescription)")
    }
  }

  @Test("hostile texts come back unchanged when the JSON is decoded")
  func hostileTextRoundTrips() throws {
    for text in Self.hostile {
      let json = NotebookJSONWriter.json(Self.notebook(text))
      let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      let cells = try #require(object["cells"] as? [[String: Any]])
      #expect(cells.first?["id"] as? String == text)
      #expect((cells.first?["source"] as? [String])?.joined() == text)
      let outputs = try #require(cells.first?["outputs"] as? [[String: Any]])
      #expect((outputs.first?["text"] as? [String])?.joined() == text)
      #expect(outputs.last?["evalue"] as? String == text)
      let version = (object["metadata"] as? [String: Any]).flatMap { $0["language_info"] as? [String: Any] }?["version"]
      #expect(version as? String == text)
    }
  }

  @Test("random notebooks of random texts: the bytes JSONEncoder wrote")
  func randomNotebooksMatchJSONEncoder() throws {
    var random = BodyFuzzTests.Generator(state: 11)
    let pieces = Self.hostile + ["a", "b c", "\n", "\r\n", "\"", "\\", "{", "}", "[", "]", ",", ":", "\u{1F}", "\u{20}"]
    func text() -> String { (0..<Int.random(in: 0...12, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined() }
    for _ in 0..<200 {
      let cells = (0..<Int.random(in: 0...5, using: &random)).map { _ -> NotebookCell in
        guard Bool.random(using: &random) else { return NotebookCell(kind: .markdown, id: text(), source: text()) }
        let outputs = (0..<Int.random(in: 0...4, using: &random)).map { _ -> NotebookOutput in
          switch Int.random(in: 0..<3, using: &random) {
          case 0: .stream(name: text(), text: text())
          case 1: .displayData(svg: text(), plainText: text())
          default: .error(name: text(), value: text(), traceback: (0..<Int.random(in: 0...2, using: &random)).map { _ in text() })
          }
        }
        let count = [nil, 0, 1, Int.max, Int.min].randomElement(using: &random)!
        return NotebookCell(kind: .code(executionCount: count, outputs: outputs), id: text(), source: text())
      }
      let notebook = Notebook(cells: cells, swiftVersion: text())
      #expect(NotebookJSONWriter.json(notebook) == (try NotebookJSONReference.json(notebook)))
    }
  }

  @Test("a cell of 4 MB of mixed text is written whole, as JSONEncoder wrote it")
  func hugeCell() throws {
    let text = String(repeating: Self.hostile.joined(), count: 4 << 20 / Self.hostile.joined().utf8.count)
    let notebook = Notebook(cells: [NotebookCell(kind: .markdown, id: "huge", source: text)], swiftVersion: "6")
    let json = NotebookJSONWriter.json(notebook)
    #expect(json == (try NotebookJSONReference.json(notebook)))
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(((object["cells"] as? [[String: Any]])?.first?["source"] as? [String])?.joined() == text)
  }

  @Test("control characters use JSON's short escapes or \\u00xx; DEL, U+2028 and U+2029 stay raw")
  func escapes() {
    let notebook = Notebook(
      cells: [NotebookCell(kind: .markdown, id: "\u{0}\u{8}\u{9}\u{A}\u{C}\u{D}\u{1F}\u{7F}\u{2028}\u{2029}\"\\/", source: "")],
      swiftVersion: "")
    let json = NotebookJSONWriter.json(notebook)
    #expect(json.contains(#""id" : "\u0000\b\t\n\f\r\u001f"# + "\u{7F}\u{2028}\u{2029}" + #"\"\\/","#))
    #expect(json.contains("\"source\" : [\n\n      ]"), "an empty list has JSONEncoder's blank line")
  }

  @Test(
    "the exported notebook of a lesson with every kind of output and hostile text is valid nbformat",
    .enabled(if: NotebookValidator.available, "python3 with nbformat is not installed (pip install nbformat)"),
    .timeLimit(.minutes(2)))
  func validNbformat() throws {
    let hostile = Self.hostile.joined(separator: "\n")
    let cells = [
      Cell(index: 0, code: "print(1)\r\n" + hostile, line: 5),
      Cell(index: 1, code: "throw E()", line: 9),
      Cell(index: 2, code: "crash()", line: 12),
      Cell(index: 3, code: "never()", line: 15),
    ]
    let lesson = Lesson(
      file: "/t/tutorial.md", relativePath: "topics/t/tutorials/x", topic: "t", slug: "x",
      frontMatter: FrontMatter(title: "Pools \u{0}\u{2028}"), document: Document(), cells: cells, diagnostics: [])
    let stamp = EnvironmentStamp(
      date: "d", operatingSystem: "o\u{0}", cpuModel: "c", logicalCPUs: 2, memoryBytes: 1,
      swiftVersion: "Swift version 6.3.1 (x)", totalSeconds: 1)
    var chart = Chart(kind: .line, title: "Speed-up \u{2028}")
    chart.add("time", x: [1, 4], y: [2.5, 1.0])
    let results = LessonResults(
      key: "k",
      cells: [
        CellResult(index: 0, stdout: hostile, stderr: "warn\u{0}\n", seconds: 0.1, status: .succeeded, charts: [chart]),
        CellResult(index: 1, stdout: "", stderr: "", seconds: 0.1, status: .failed(message: hostile, expected: false), charts: []),
        CellResult(index: 2, stdout: "", stderr: "", seconds: 0.1, status: .crashed(signal: 11, description: "SEGV\n"), charts: []),
        CellResult(index: 3, stdout: "", stderr: "", seconds: 0, status: .notRun(reason: "earlier"), charts: []),
      ], stamp: stamp)
    let json = try NotebookExport.notebook(for: lesson, results: results)
    let problem = try NotebookValidator.problem(json)
    #expect(problem == nil, "\(problem ?? "")")
  }

  /// A notebook holding `text` in every string the writer writes.
  static func notebook(_ text: String) -> Notebook {
    let outputs: [NotebookOutput] = [
      .stream(name: "stdout", text: text), .displayData(svg: text, plainText: text),
      .error(name: text, value: text, traceback: [text, text]),
    ]
    return Notebook(
      cells: [
        NotebookCell(kind: .code(executionCount: 3, outputs: outputs), id: text, source: text),
        NotebookCell(kind: .markdown, id: "m", source: text),
        NotebookCell(kind: .code(executionCount: nil, outputs: []), id: "c", source: text),
      ],
      swiftVersion: text)
  }
}

/// Jupyter's own validator (`nbformat.validate`, from PyPI), run by python3 on a notebook.
enum NotebookValidator {
  static let available = (try? run(["-c", "import nbformat"]).status) == 0

  /// Nil when `json` is a valid nbformat 4 notebook, else what the validator said.
  static func problem(_ json: String) throws -> String? {
    let folder = try TestFiles.temporaryFolder(prefix: "nbformat-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try TestFiles.write(json, to: folder + "/lesson.ipynb")
    let script = "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4)); print('valid')"
    let (status, output) = try run(["-c", script, folder + "/lesson.ipynb"])
    return status == 0 && output.contains("valid") ? nil : output
  }

  /// Runs python3 with `arguments`, killed after 60 s: its exit status and what it printed. The output goes to a
  /// file, not a pipe, so that a python3 that hangs cannot block the read.
  private static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let folder = try TestFiles.temporaryFolder(prefix: "python-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try Data().write(to: URL(fileURLWithPath: folder + "/output"))
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: folder + "/output"))
    defer { try? output.close() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    process.standardOutput = output
    process.standardError = output
    let done = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in done.signal() }
    try process.run()
    if done.wait(timeout: .now() + 60) == .timedOut {
      process.terminate()
      return (-1, "python3 did not finish within 60 s")
    }
    let text = (try? String(contentsOfFile: folder + "/output", encoding: .utf8)) ?? ""
    return (process.terminationStatus, text)
  }
}
