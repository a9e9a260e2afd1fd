import Charts
import Lessons

extension LessonResults {
  /// The problems these results show, located at the lesson file and cell line: compiler errors in cells (errors),
  /// cells that failed unexpectedly (threw, crashed, timed out), times no run can take and charts with points
  /// that cannot be drawn (NaN, infinity, a bar off its categories).
  ///
  /// Derived from the results rather than stored beside them, so that a build reusing frozen results reports the
  /// same warnings as the build that made them (and `--strict` fails either way).
  public func diagnostics(for lesson: Lesson) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let notCompiled = cells.contains { $0.status == .notRun(reason: CellStatus.compileFailureReason) }
    for result in cells {
      // Stored with the lesson's relative path (results files are committed); reported at the file as named now.
      // Compiler errors are errors, also in results files written when they were warnings.
      diagnostics += result.diagnostics.map { stored in
        var diagnostic = stored
        diagnostic.file = lesson.file
        diagnostic.message = "cell \(result.index + 1): \(stored.message)"
        if result.status == .notRun(reason: CellStatus.compileFailureReason) { diagnostic.severity = .error }
        return diagnostic
      }
      let line = lesson.cells.first { $0.index == result.index }?.line
      func warn(_ message: String) {
        diagnostics.append(Diagnostic(.warning, file: lesson.file, line: line, "cell \(result.index + 1) \(message)"))
      }
      if !result.hasPlausibleTime {
        warn("has a recorded time no run can take (\(result.seconds) s); the page shows it as unknown")
      }
      for (number, chart) in result.charts.enumerated() where !chart.drawingNotes.isEmpty {
        warn("chart \(number + 1): \(chart.drawingNotes.joined(separator: " "))")
      }
      if result.status.isUnexpectedFailure { warn(result.status.summary) }
    }
    if notCompiled && !diagnostics.contains(where: { $0.severity == .error }) {
      // The compiler's complaint named no cell (it is reported when the lesson runs, not stored): still an error.
      diagnostics.append(Diagnostic(.error, file: lesson.file, "the lesson's Swift cells did not compile"))
    }
    return diagnostics
  }
}
