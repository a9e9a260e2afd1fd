import Execution
import Lessons
import TestSupport

extension Executor {
  /// As `results(for:options:)`, awaited: compiling and running a lesson takes seconds (minutes on a loaded
  /// machine), which an async test must not spend holding one of Swift's few cooperative threads.
  static func results(for lesson: Lesson, options: ExecutionOptions) async throws -> (LessonResults?, [Diagnostic]) {
    try await OffPool.run { results(for: lesson, options: options) }
  }
}
