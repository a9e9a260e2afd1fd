import Foundation
import GalaxyStandIn
import Glibc
import LessonProtocol
import Lessons
import SystemCalls

/// One execution of one lesson: assemble, compile, run (with stand-in servers when the lesson asks for them) and
/// turn what the runner saw into per-cell results and diagnostics.
struct LessonExecution {
  let lesson: Lesson
  let options: ExecutionOptions
  let key: ResultsKey
  let libraryFolder: String

  /// Seconds the compiler may take.
  static let compileTimeout: Double = 300
  /// Marker the Swift runtime prints when a top-level `try` fails.
  static let topLevelError = "Fatal error: Error raised at top level: "

  func run() throws(ExecutionError) -> (LessonResults, [Diagnostic]) {
    let runnable = lesson.cells.filter(\.options.run)
    guard !runnable.isEmpty else {
      let cells = lesson.cells.map {
        CellResult(index: $0.index, stdout: "", stderr: "", seconds: 0, status: .notRun(reason: CellStatus.runFalseReason), charts: [])
      }
      return (results(cells, totalSeconds: 0, servers: nil), [])
    }
    let toolchain = try Toolchain.locate(libraryFolder: libraryFolder)
    let folder = try TemporaryFolder()
    let program = LessonProgram(lesson: lesson)
    try folder.write(program.source, to: "main.swift")

    options.onStep?(.compiling)
    let compiled = try CommandRunner.run(
      toolchain.compiler,
      toolchain.arguments(
        source: "\(folder.path)/main.swift", output: "\(folder.path)/lesson-program", optimize: key.optimizes),
      timeout: Self.compileTimeout)
    guard compiled.termination == .exited(0), !compiled.timedOut else {
      return compileFailure(compiled)
    }

    var servers: String?
    var urlMap = ""
    var standIns: GalaxyStandIns?
    if !lesson.frontMatter.standInServers.isEmpty {
      if options.live {
        servers = "live"
      } else {
        servers = "stand-in"
        let started = GalaxyStandIns(
          servers: lesson.frontMatter.standInServers.map {
            GalaxyStandIns.Server(url: $0.url, version: $0.version, latency: $0.latency)
          })
        do {
          urlMap = try started.start().sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            .joined(separator: "\n")
        } catch {
          throw ExecutionError(.spawnFailed, "cannot start the stand-in servers: \(error)")
        }
        standIns = started
      }
    }
    defer { standIns?.stop() }

    var own = [
      ControlChannel.descriptorVariable: "\(ChildProcess.childControlFD)", "SWIFT_BACKTRACE": "enable=no",
      ControlChannel.workFolderVariable: folder.path, ControlChannel.builderVariable: "\(getpid())",
    ]
    if !urlMap.isEmpty { own["LESSONS_URL_MAP"] = urlMap }
    let asked = options.passedEnvironment + lesson.frontMatter.environment
    let environment = ProgramEnvironment.make(
      builder: options.builderEnvironment ?? ProcessInfo.processInfo.environment,
      named: asked.filter(options.permittedEnvironment.contains), own: own)
    let refused = Array(Set(asked).subtracting(options.permittedEnvironment)).sorted()
    let runner = ProgramRunner(
      executable: "\(folder.path)/lesson-program", environment: environment, secret: ControlChannel.makeSecret(),
      order: program.cellIndices,
      timeouts: Dictionary(uniqueKeysWithValues: runnable.map { ($0.index, timeout(of: $0)) }),
      gapTimeout: options.defaultTimeout, outputLimit: options.outputLimit,
      runMarker: "\(ControlChannel.workFolderVariable)=\(folder.path)",
      cellBegan: options.onStep.map { report in
        { [count = lesson.cells.count] cell in report(.cell(index: cell, count: count)) }
      })
    BuilderIsolation.prepare()
    let outcome = try runner.run()
    let (cells, diagnostics) = cellResults(outcome)
    let notPassed = refused.map { name in
      Diagnostic(
        .warning, file: lesson.file,
        "env: \(name) is not passed to the cells: the builder passes only the variables its command names "
          + "(--pass-env \(name))")
    }
    return (results(cells, totalSeconds: outcome.totalSeconds, servers: servers), notPassed + diagnostics)
  }

  private func timeout(of cell: Cell) -> Double {
    cell.options.timeout ?? options.defaultTimeout
  }

  private func results(_ cells: [CellResult], totalSeconds: Double, servers: String?) -> LessonResults {
    LessonResults(
      key: key.combined, cells: cells, stamp: EnvironmentProbe.stamp(totalSeconds: totalSeconds, servers: servers),
      inputs: key)
  }

  /// Results when the program did not compile: every cell not run, the errors on the cells they point at. A lesson
  /// that does not compile is an error (the build fails and names file:line), not a page of cells that never ran.
  private func compileFailure(_ compiled: CommandRunner.Result) -> (LessonResults, [Diagnostic]) {
    var diagnostics = CompilerDiagnostics.errors(in: compiled.stderr + compiled.stdout, lesson: lesson)
    if compiled.timedOut {
      diagnostics.append(Diagnostic(.error, file: lesson.file, "swiftc did not finish within \(Int(Self.compileTimeout)) s"))
    } else if diagnostics.isEmpty {
      let tail = String(compiled.stderr.suffix(2000))
      diagnostics.append(Diagnostic(.error, file: lesson.file, "swiftc failed (\(compiled.termination)): \(tail)"))
    }
    let cells = lesson.cells.map { cell in
      let own = diagnostics.filter { diagnostic in
        diagnostic.line.flatMap { CompilerDiagnostics.cell(containing: $0, in: lesson.cells) } == cell.index
      }
      let status: CellStatus =
        cell.options.run ? .notRun(reason: CellStatus.compileFailureReason) : .notRun(reason: CellStatus.runFalseReason)
      return CellResult(index: cell.index, stdout: "", stderr: "", seconds: 0, status: status, charts: [], diagnostics: own)
    }
    // Diagnostics attached to a cell are reported from the results (`LessonResults.diagnostics(for:)`).
    let unattached = diagnostics.filter { diagnostic in
      diagnostic.line.flatMap { CompilerDiagnostics.cell(containing: $0, in: lesson.cells) } == nil
    }
    return (results(cells, totalSeconds: 0, servers: nil), unattached)
  }

  /// Per-cell results from what the runner saw.
  private func cellResults(_ outcome: ProgramRunner.Outcome) -> ([CellResult], [Diagnostic]) {
    var diagnostics = outcome.problems.map { Diagnostic(.warning, file: lesson.file, $0) }
    var cells: [CellResult] = []
    var stopped = false
    for cell in lesson.cells {
      var result = CellResult(index: cell.index, stdout: "", stderr: "", seconds: 0, status: .succeeded, charts: [])
      if !cell.options.run {
        result.status = .notRun(reason: CellStatus.runFalseReason)
      } else if stopped {
        result.status = .notRun(reason: CellStatus.earlierFailureReason)
      } else if !began(cell.index, outcome) {
        result.status = .notRun(reason: endedEarlyReason(outcome))
        stopped = true
      } else {
        result.stdout = outcome.stdout.text(of: cell.index)
        result.stderr = outcome.stderr.text(of: cell.index)
        result.charts = outcome.charts[cell.index] ?? []
        result.droppedBytes = (outcome.stdout.dropped[cell.index] ?? 0) + (outcome.stderr.dropped[cell.index] ?? 0)
        if let seconds = outcome.seconds[cell.index] ?? endedUnreported(cell.index, outcome) {
          result.seconds = seconds
          if let message = outcome.threw[cell.index] {
            result.status = .failed(message: message, expected: true)
          } else if cell.options.errorExpected {
            diagnostics.append(
              Diagnostic(.warning, file: lesson.file, line: cell.line, "cell \(cell.index + 1) is marked `error: expected` but threw no error"))
          }
        } else {
          result.seconds = outcome.unfinishedSeconds[cell.index] ?? 0
          result.status = failure(of: cell, outcome: outcome, stderr: &result.stderr)
          stopped = true
        }
      }
      if let count = outcome.leftRunning[cell.index] {
        let what = count == 1 ? "1 process running; it was" : "\(count) processes running; they were"
        result.diagnostics.append(
          Diagnostic(.warning, file: LessonProgram.displayPath(of: lesson), line: cell.line, "left \(what) stopped"))
      }
      if result.droppedBytes > 0 {
        diagnostics.append(
          Diagnostic(.warning, file: lesson.file, line: cell.line, "cell \(cell.index + 1) printed more than \(options.outputLimit) bytes; \(result.droppedBytes) bytes dropped"))
      }
      cells.append(result)
    }
    return (cells, diagnostics)
  }

  /// How a cell that began but did not end failed; trims the runtime's stack trace from `stderr`.
  private func failure(of cell: Cell, outcome: ProgramRunner.Outcome, stderr: inout String) -> CellStatus {
    if outcome.timedOutCell == cell.index { return .timedOut(seconds: timeout(of: cell)) }
    if let range = stderr.range(of: "Current stack trace:") {
      stderr = String(stderr[..<range.lowerBound])
    }
    switch outcome.termination {
    case .signaled(let signal):
      if let range = stderr.range(of: Self.topLevelError) {
        let message = stderr[range.upperBound...].prefix { $0 != "\n" }
        let lineStart = stderr[..<range.lowerBound].lastIndex(of: "\n").map { stderr.index(after: $0) } ?? stderr.startIndex
        stderr = String(stderr[..<lineStart])
        return .failed(message: message.replacingOccurrences(of: "\(LessonProgram.moduleName).", with: ""), expected: false)
      }
      return .crashed(signal: signal, description: CellStatus.describe(signal: signal))
    case .exited(let code):
      return .failed(message: "the program exited with status \(code) during this cell", expected: false)
    }
  }

  /// True when cell `index` began: the control channel said so, or its marker arrived on stdout or stderr (the
  /// channel may have been lost to a cell that closed every descriptor).
  private func began(_ index: Int, _ outcome: ProgramRunner.Outcome) -> Bool {
    outcome.began.contains(index) || outcome.stdout.marked.contains(index) || outcome.stderr.marked.contains(index)
  }

  /// Zero seconds (unknown) for a cell whose end was not reported although a later cell's marker, or the marker
  /// after the last cell, arrived: it ended.
  private func endedUnreported(_ index: Int, _ outcome: ProgramRunner.Outcome) -> Double? {
    if outcome.stdout.sawDone || outcome.stderr.sawDone { return 0 }
    let later = lesson.cells.filter { $0.index > index && $0.options.run }.map(\.index)
    return later.contains { began($0, outcome) } ? 0 : nil
  }

  private func endedEarlyReason(_ outcome: ProgramRunner.Outcome) -> String {
    if outcome.timedOutCell != nil {
      return "the program timed out between cells (after \(CellStatus.format(options.defaultTimeout)) s)"
    }
    switch outcome.termination {
    case .signaled(let signal): return "the program crashed between cells (signal \(signal))"
    case .exited(let code): return "the program ended (status \(code)) before this cell"
    }
  }
}
