import Lessons

/// Which lessons to execute again even when their frozen results are current.
public enum RefreshPolicy: Sendable, Hashable {
  /// Reuse frozen results whose key matches (the default: publishing needs no compiler).
  case none
  /// Re-execute every lesson.
  case all
  /// Re-execute the lessons whose slug or relative path is named.
  case lessons([String])
}

/// How lessons are executed.
public struct ExecutionOptions: Sendable {
  public var refresh: RefreshPolicy
  /// Contact the real servers instead of starting stand-ins.
  public var live: Bool
  /// Seconds a cell may run when it sets no `timeout:`.
  public var defaultTimeout: Double

  public init(refresh: RefreshPolicy = .none, live: Bool = false, defaultTimeout: Double = 60) {
    self.refresh = refresh
    self.live = live
    self.defaultTimeout = defaultTimeout
  }
}

/// Runs a lesson's Swift cells, or reuses its frozen results.
///
/// PLACEHOLDER: implemented by the execution work.
public enum Executor {
  /// Frozen or fresh results for `lesson`, and the problems met; nil results when the lesson has no Swift cells.
  /// Safe to call for several lessons at once from different threads.
  public static func results(for lesson: Lesson, options: ExecutionOptions) -> (LessonResults?, [Diagnostic]) {
    (nil, [])
  }
}
