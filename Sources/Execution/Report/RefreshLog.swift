import Synchronization

/// Collects, while a build runs, each lesson it executed with the frozen results that were there before, so that
/// a refresh report can say what changed. Shared by the build's lessons (set in `ExecutionOptions.refreshLog`).
public final class RefreshLog: Sendable {
  /// One executed lesson: its results before (nil when it had none or they could not be read) and after.
  public struct Entry: Sendable {
    /// `topics/<topic>/tutorials/<tutorial>`.
    public var relativePath: String
    /// The frozen results before the run.
    public var previous: LessonResults?
    /// The results the run made (and saved).
    public var current: LessonResults
  }

  private let entries = Mutex<[Entry]>([])

  /// An empty log.
  public init() {}

  func record(relativePath: String, previous: LessonResults?, current: LessonResults) {
    entries.withLock { $0.append(Entry(relativePath: relativePath, previous: previous, current: current)) }
  }

  /// Every executed lesson so far, in path order.
  public var executed: [Entry] {
    entries.withLock { $0 }.sorted { $0.relativePath < $1.relativePath }
  }
}
