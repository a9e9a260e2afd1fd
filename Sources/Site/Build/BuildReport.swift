import Execution
import Lessons

/// What a build or a check did, for the summary line and the exit status.
public struct BuildReport: Sendable {
  /// Tutorials found under the content folder.
  public var lessons: Int = 0
  /// Lessons parsed and rendered by this run.
  public var rendered: Int = 0
  /// Lessons whose pages were carried over unchanged from the last build.
  public var reused: Int = 0
  /// Lessons with `enable: false`.
  public var disabled: Int = 0
  /// Relative paths of lessons left out because of errors.
  public var failed: [String] = []
  /// Every problem found, in content order.
  public var diagnostics: [Diagnostic] = []
  /// True when nothing changed since the last build and nothing was written.
  public var upToDate: Bool = false
  /// Things the user should know that are not problems of the content (how the site was replaced).
  public var notes: [String] = []
  /// Wall time of the run.
  public var seconds: Double = 0

  /// An empty report, filled in as the run goes.
  public init() {}

  /// Whether the run found any error (the exit status is then non-zero).
  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } || !failed.isEmpty }
  /// How many warnings the run reported.
  public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
  /// How many errors the run reported.
  public var errorCount: Int { diagnostics.count { $0.severity == .error } }
}

/// Progress of a build, reported while lessons are processed (from worker threads, one event at a time).
public enum BuildEvent: Sendable {
  /// `total` lessons are about to be processed.
  case started(total: Int)
  /// One more lesson is done: `done` of `total`.
  case lessonFinished(relativePath: String, done: Int, total: Int)
  /// The lesson at `relativePath`, the `lesson`-th of `total` to start, is compiling its program or has begun a
  /// cell: what runs now, for the progress line of a `--refresh`.
  case lessonStep(relativePath: String, step: ExecutionStep, lesson: Int, total: Int)
}
