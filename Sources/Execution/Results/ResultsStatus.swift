import Lessons

/// Whether an executed lesson's frozen results can be published as they are: what `lessons status` shows.
public enum ResultsState: Sendable, Hashable {
  /// The results match the lesson's key and every cell ended as the lesson expects.
  case fresh
  /// The results were made from other inputs, and which (cells, toolchain, library sources, data files).
  case stale(reasons: [String])
  /// The lesson has never been run: it has no results file.
  case neverRun
  /// The results are current but a cell failed unexpectedly (error, crash, timeout, compile error), or the
  /// results file cannot be read; the reasons say which.
  case failed(reasons: [String])

  /// `fresh`, `stale`, `never run` or `failed`.
  public var name: String {
    switch self {
    case .fresh: "fresh"
    case .stale: "stale"
    case .neverRun: "never run"
    case .failed: "failed"
    }
  }

  /// Why the lesson is stale or failed; empty otherwise.
  public var reasons: [String] {
    switch self {
    case .stale(let reasons), .failed(let reasons): reasons
    case .fresh, .neverRun: []
    }
  }

  /// True for the states `lessons status --strict` refuses: stale or failed.
  public var refusedWhenStrict: Bool {
    switch self {
    case .stale, .failed: true
    case .fresh, .neverRun: false
    }
  }
}

/// Decides a lesson's `ResultsState` from its frozen results, without running anything (no compiler needed: parts
/// of the key the machine cannot know, such as the toolchain, are not compared, as when the builder reuses results).
public enum ResultsStatus {
  /// The state of `lesson`'s frozen results; nil when the lesson has no cell to run (it is not an executed lesson).
  public static func state(of lesson: Lesson, libraryFolder: String? = nil) -> ResultsState? {
    guard lesson.cells.contains(where: \.options.run) else { return nil }
    let stored: LessonResults
    do {
      guard let loaded = try FrozenResultsStore.load(for: lesson.file) else { return .neverRun }
      stored = loaded
    } catch {
      return .failed(reasons: ["\(error)"])
    }
    let key = ResultsKey.current(for: lesson, libraryFolder: libraryFolder ?? Toolchain.defaultLibraryFolder)
    let mismatches = key.mismatches(with: stored.inputs)
    if !mismatches.isEmpty { return .stale(reasons: mismatches) }
    let failures = stored.cells.compactMap(failure)
    return failures.isEmpty ? .fresh : .failed(reasons: failures)
  }

  /// Why one cell's result is a failure, in words; nil when it is not one.
  static func failure(of cell: CellResult) -> String? {
    let name = "cell \(cell.index + 1)"
    switch cell.status {
    case .succeeded: return nil
    case .failed(let message, let expected):
      return expected ? nil : "\(name) failed: \(message.split(separator: "\n").first.map(String.init) ?? "")"
    case .crashed(_, let description): return "\(name) crashed (\(description))"
    case .timedOut(let seconds): return "\(name) timed out after \(seconds) s"
    case .notRun(let reason):
      return reason == CellStatus.runFalseReason || reason == CellStatus.earlierFailureReason
        ? nil : "\(name) did not run: \(reason)"
    }
  }
}
