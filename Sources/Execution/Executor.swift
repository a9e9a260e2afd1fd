import Lessons

/// Runs a lesson's Swift cells, or reuses its frozen results.
///
/// The lesson's runnable cells are compiled into one program (see `LessonProgram`) against the builder's own
/// `Multiprocessing` and `LessonSupport` libraries, run in a process group of its own with a per-cell timeout, and
/// the per-cell outputs are stored beside the lesson (see `FrozenResultsStore`). A lesson is executed again when
/// its results are missing, corrupt or stale (`ResultsKey`), or when `options.refresh` names it.
public enum Executor {
  /// Frozen or fresh results for `lesson`, and the problems met; nil results when the lesson has no Swift cells to run
  /// (or cannot be executed and has no usable frozen results).
  ///
  /// Problems are warnings located at the lesson file and cell line: compile errors, cells that failed
  /// unexpectedly, crashes, timeouts, unreadable results files. `--strict` turns them into a failed build.
  /// Blocks while the lesson runs. Safe to call for several lessons at once from different threads: each run has
  /// its own temporary folder and pipes, and shared state (toolchain, machine description) is read once.
  public static func results(for lesson: Lesson, options: ExecutionOptions) -> (LessonResults?, [Diagnostic]) {
    // Nothing to run (no Swift cells, or all `run: false`): no compiler, no results file.
    guard lesson.cells.contains(where: \.options.run) else { return (nil, []) }
    let libraryFolder = options.libraryFolder ?? Toolchain.defaultLibraryFolder
    let key = ResultsKey.current(for: lesson, libraryFolder: libraryFolder, optimize: options.optimize)
    var diagnostics = DataFiles.problems(lesson)
    var stored: LessonResults?
    do {
      stored = try FrozenResultsStore.load(for: lesson.file)
    } catch {
      diagnostics.append(Diagnostic(.warning, file: lesson.file, "\(error); executing the lesson again"))
    }
    let refresh = options.refresh.includes(slug: lesson.slug, relativePath: lesson.relativePath)
    if let stored, !refresh, key.accepts(stored.inputs) {
      return (stored, diagnostics + stored.diagnostics(for: lesson))
    }
    do {
      let execution = LessonExecution(lesson: lesson, options: options, key: key, libraryFolder: libraryFolder)
      // An `exclusive: true` lesson compiles and runs while no other lesson does (timing-sensitive lessons).
      let (results, problems) = try options.gate.run(exclusive: lesson.frontMatter.exclusive) {
        () throws(ExecutionError) in try execution.run()
      }
      diagnostics += problems + results.diagnostics(for: lesson)
      options.refreshLog?.record(relativePath: lesson.relativePath, previous: stored, current: results)
      do {
        try FrozenResultsStore.save(results, for: lesson.file)
      } catch {
        diagnostics.append(Diagnostic(.warning, file: lesson.file, "results not saved: \(error)"))
      }
      return (results, diagnostics)
    } catch {
      var message = "cannot execute the lesson's Swift cells: \(error)"
      if let stored, let reason = key.mismatch(with: stored.inputs) {
        message += "; the frozen results are stale (\(reason)) and are not shown"
      }
      diagnostics.append(Diagnostic(.warning, file: lesson.file, message))
      return (nil, diagnostics)
    }
  }
}
