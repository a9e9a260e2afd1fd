import Lessons

/// The Swift source of a lesson's program: its runnable cells in order as top-level code of one `main.swift`, so
/// that they share state as a notebook's cells do.
///
/// Each cell is preceded by `#sourceLocation(file: <lesson path>, line: <first code line>)` so that compiler
/// diagnostics and runtime traps name the lesson's file and line. Around each cell the program calls
/// `LessonRuntime` (module LessonProtocol), which flushes output, writes a boundary marker on stdout and stderr
/// and reports the cell's begin and end on the control channel: that is how the runner attributes output, charts
/// and time to cells. The file holds no secret (the runtime receives it through the channel), and the
/// scaffolding is a few calls, so the program compiles fast. Cells marked `error: expected` are wrapped in
/// `do { … } catch { … }` so that the program runs on after the error; their declarations are therefore local to
/// the cell, and their imports are moved to the top of the file (see `hoistingImports(from:)`); other cells keep
/// their imports in place.
struct LessonProgram: Sendable {
  /// The `main.swift` text.
  let source: String
  /// The indices of the cells compiled into the program, in order.
  let cellIndices: [Int]

  /// The module name the program is compiled with (type names in error messages start with it).
  static let moduleName = "LessonProgram"

  init(lesson: Lesson) {
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
      body += "let _lessonsStart\(i) = LessonRuntime.cellBegin(\(i))\n"
      if cell.options.errorExpected {
        body += "do {\n#sourceLocation(file: \(file), line: \(cell.line))\n\(code)\n#sourceLocation()\n"
        body += "} catch {\n  LessonRuntime.cellThrew(\(i), error)\n}\n"
      } else {
        body += "#sourceLocation(file: \(file), line: \(cell.line))\n\(code)\n#sourceLocation()\n"
      }
      body += "LessonRuntime.cellEnd(\(i), since: _lessonsStart\(i))\n"
    }
    var seen = Set<String>()
    let uniqueImports = imports.filter { seen.insert($0).inserted }
    // Glibc for the cells, as a learner's main.swift on Linux has it through the standard library's overlay;
    // of LessonProtocol only the runtime, so that its other names cannot clash with a cell's.
    source =
      "@preconcurrency import Glibc\nimport enum LessonProtocol.LessonRuntime\n"
      + uniqueImports.map { $0 + "\n" }.joined() + "LessonRuntime.start()\n" + body + "LessonRuntime.finish()\n"
  }

  /// The lesson's path relative to the content folder (`topics/t/tutorials/x/tutorial.md`), the file name the
  /// program's diagnostics and trap messages use: it reads well on the page and keeps the builder's absolute
  /// paths out of committed results files.
  static func displayPath(of lesson: Lesson) -> String {
    let name = lesson.file.split(separator: "/").last.map(String.init) ?? lesson.file
    return lesson.relativePath.isEmpty ? name : "\(lesson.relativePath)/\(name)"
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
