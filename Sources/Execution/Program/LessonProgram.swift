import Lessons

/// The Swift source of a lesson's program: its runnable cells in order as top-level code of one `main.swift`, so
/// that they share state as a notebook's cells do.
///
/// Each cell is preceded by `#sourceLocation(file: <lesson path>, line: <first code line>)` so that compiler
/// diagnostics and runtime traps name the lesson's file and line. Around each cell the program flushes its output
/// and writes a boundary marker (a line with a per-run nonce) on stdout and stderr and `cell-begin`/`cell-end`
/// lines on the control pipe, which is how the runner attributes output, charts and time to cells. Cells marked
/// `error: expected` are wrapped in `do { … } catch { … }` so that the program runs on after the error; their
/// declarations are therefore local to the cell, and their imports are moved to the top of the file (see
/// `hoistingImports(from:)`); other cells keep their imports in place.
struct LessonProgram: Sendable {
  /// The `main.swift` text.
  let source: String
  /// The indices of the cells compiled into the program, in order.
  let cellIndices: [Int]
  /// The random token in the boundary markers.
  let nonce: String

  /// The module name the program is compiled with (type names in error messages start with it).
  static let moduleName = "LessonProgram"

  init(lesson: Lesson, nonce: String) {
    self.nonce = nonce
    let runnable = lesson.cells.filter(\.options.run)
    cellIndices = runnable.map(\.index)
    var imports: [String] = []
    var body = ""
    let file = Self.stringLiteral(Self.displayPath(of: lesson))
    for cell in runnable {
      var code = cell.code
      if cell.options.errorExpected {
        let split = Self.hoistingImports(from: cell.code)
        code = split.code
        imports += split.imports
      }
      let i = cell.index
      body += "let _lessonsStart\(i) = _lessonsCellBegin(\(i))\n"
      if cell.options.errorExpected {
        body += "do {\n#sourceLocation(file: \(file), line: \(cell.line))\n\(code)\n#sourceLocation()\n"
        body += "} catch {\n  _lessonsCellThrew(\(i), error)\n}\n"
      } else {
        body += "#sourceLocation(file: \(file), line: \(cell.line))\n\(code)\n#sourceLocation()\n"
      }
      body += "_lessonsCellEnd(\(i), since: _lessonsStart\(i))\n"
    }
    var seen = Set<String>()
    let uniqueImports = imports.filter { seen.insert($0).inserted }
    source =
      "@preconcurrency import Glibc\n" + uniqueImports.map { $0 + "\n" }.joined() + Self.prologue(nonce: nonce)
      + body + "_lessonsControl(\"done\\n\")\n"
  }

  /// The lesson's path relative to the content folder (`topics/t/tutorials/x/tutorial.md`), the file name the
  /// program's diagnostics and trap messages use: it reads well on the page and keeps the builder's absolute
  /// paths out of committed results files.
  static func displayPath(of lesson: Lesson) -> String {
    let name = lesson.file.split(separator: "/").last.map(String.init) ?? lesson.file
    return lesson.relativePath.isEmpty ? name : "\(lesson.relativePath)/\(name)"
  }

  /// The marker line the program writes on stdout and stderr when cell `index` begins.
  static func marker(nonce: String, index: Int) -> String {
    "\u{1}lessons-cell:\(nonce):\(index)\n"
  }

  /// The prefix every marker starts with, for scanning.
  static func markerPrefix(nonce: String) -> String {
    "\u{1}lessons-cell:\(nonce):"
  }

  /// The imports of a cell that is wrapped in `do { }` (where Swift allows none), taken out: import lines outside
  /// strings, comments and `#if` blocks, and whole `#if … #endif` blocks that hold an import (so that
  /// `#if canImport(Darwin) import Darwin #endif` keeps its condition). Each is replaced by empty lines, so that
  /// line numbers still match. Other cells keep their imports where they are: `main.swift` accepts an import
  /// anywhere at top level.
  static func hoistingImports(from code: String) -> (code: String, imports: [String]) {
    let lines = CellCodeLines(code).lines
    var kept = lines.map { String($0.text) }
    var imports: [String] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      if line.conditionDepth == 0, CellCodeLines.isImport(line) {
        imports.append(String(line.text).trimmingSpaces())
        kept[index] = ""
      } else if line.conditionDepth == 0, line.startsInCode, String(line.text).trimmingSpaces().hasPrefix("#if") {
        // The block runs to the next line back at depth 0 (its `#endif`).
        var end = index + 1
        while end < lines.count, lines[end].conditionDepth > 0 { end += 1 }
        if end < lines.count, lines[(index + 1)..<end].contains(where: CellCodeLines.isImport) {
          imports.append(lines[index...end].map { String($0.text) }.joined(separator: "\n"))
          for blank in index...end { kept[blank] = "" }
        }
        index = end
      }
      index += 1
    }
    return (kept.joined(separator: "\n"), imports)
  }

  /// `text` as a Swift string literal.
  static func stringLiteral(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case "\"": result += "\\\""
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7f:
        result += "\\u{\(String(scalar.value, radix: 16))}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  /// Helpers the cells' scaffolding calls; Glibc only, so that the program compiles fast.
  private static func prologue(nonce: String) -> String {
    let marker = stringLiteral(markerPrefix(nonce: nonce))
    return """
      setvbuf(stdout, nil, Int32(_IOLBF), 0)
      if let folder = getenv("LESSONS_WORK_FOLDER") { chdir(folder) }
      func _lessonsWrite(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in
          guard let base = buffer.baseAddress else { return }
          var offset = 0
          while offset < buffer.count {
            let written = write(fd, base + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            offset += written
          }
        }
      }
      func _lessonsControl(_ line: String) {
        guard let value = getenv("LESSONS_CONTROL_FD"), let fd = Int32(String(cString: value)) else { return }
        _lessonsWrite(fd, line)
      }
      func _lessonsNow() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
      }
      func _lessonsCellBegin(_ index: Int) -> Double {
        fflush(nil)
        _lessonsWrite(1, \(marker) + "\\(index)\\n")
        _lessonsWrite(2, \(marker) + "\\(index)\\n")
        _lessonsControl("cell-begin \\(index)\\n")
        return _lessonsNow()
      }
      func _lessonsCellEnd(_ index: Int, since start: Double) {
        let seconds = _lessonsNow() - start
        fflush(nil)
        _lessonsControl("cell-end \\(index) \\(seconds)\\n")
      }
      func _lessonsCellThrew(_ index: Int, _ error: any Error) {
        var message = ""
        for character in "\\(error)" {
          switch character {
          case "\\\\": message += "\\\\\\\\"
          case "\\n": message += "\\\\n"
          default: message.append(character)
          }
        }
        fflush(nil)
        _lessonsControl("cell-threw \\(index) \\(message)\\n")
      }

      """
  }
}

extension String {
  /// The string without leading and trailing spaces and tabs.
  func trimmingSpaces() -> String {
    var text = Substring(self)
    while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
    while let last = text.last, last == " " || last == "\t" { text = text.dropLast() }
    return String(text)
  }
}
