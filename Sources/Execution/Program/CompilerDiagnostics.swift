import Foundation
import Lessons

/// Turns `swiftc` output into `Diagnostic`s that point at the lesson file, line and column.
///
/// Because every cell is preceded by `#sourceLocation`, the compiler already names the lesson (by its
/// `LessonProgram.displayPath`) and line; this keeps the `file:line:col: error: message` lines (the notes' context
/// is dropped). Errors in the scaffolding (which name `main.swift`) are kept with no line, so nothing is lost.
enum CompilerDiagnostics {
  /// The errors in `output`, at `LessonProgram.displayPath` (errors in lesson code, with line and column) or at
  /// `lesson.file` (anything else); warnings are left out (lesson code is shown as written).
  static func errors(in output: String, lesson: Lesson) -> [Diagnostic] {
    var result: [Diagnostic] = []
    for line in output.split(separator: "\n") {
      guard let range = line.range(of: ": error: ") else { continue }
      let place = line[..<range.lowerBound]
      let message = String(line[range.upperBound...])
      let parts = place.split(separator: ":")
      // file:line:column, where the file itself may contain ':'.
      if parts.count >= 3, let lineNumber = Int(parts[parts.count - 2]), let column = Int(parts[parts.count - 1]) {
        let file = parts.dropLast(2).joined(separator: ":")
        if file == LessonProgram.displayPath(of: lesson) {
          result.append(Diagnostic(.error, file: file, line: lineNumber, column: column, message))
          continue
        }
      }
      result.append(Diagnostic(.error, file: lesson.file, "in the generated program: \(line)"))
    }
    return result
  }

  /// The cell whose code holds `line`, for attributing a diagnostic.
  static func cell(containing line: Int, in cells: [Cell]) -> Int? {
    for cell in cells {
      let count = cell.code.split(separator: "\n", omittingEmptySubsequences: false).count
      if line >= cell.line && line < cell.line + count { return cell.index }
    }
    return nil
  }
}
