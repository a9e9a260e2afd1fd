import Charts
import Glibc
import LessonProtocol
import SystemCalls

/// Runs a compiled lesson program and collects, per cell, what it printed on stdout and stderr, its charts,
/// its time and how it ended.
///
/// One thread polls the three channels (stdout, stderr, control) so that none of them can fill up and block the
/// program. The deadlines are the builder's (`RunLedger`): a cell's starts when the control channel says the
/// cell began, in turn; at the deadline the whole process group is killed (forked workers included). When the
/// program ends, whatever is left of its group is killed too, so no worker outlives the run.
struct ProgramRunner {
  /// What the runner saw.
  struct Outcome {
    var termination: Termination
    /// The cell that was running when the deadline passed (-1 outside cells), if it did.
    var timedOutCell: Int?
    var began: [Int] = []
    /// Seconds per cell, for cells that ended.
    var seconds: [Int: Double] = [:]
    /// Seconds from a cell's begin line until the program ended, for the cell that did not end.
    var unfinishedSeconds: [Int: Double] = [:]
    var threw: [Int: String] = [:]
    var charts: [Int: [Chart]] = [:]
    var stdout: CellOutputSplitter
    var stderr: CellOutputSplitter
    /// Wall time from spawn to exit.
    var totalSeconds: Double
    /// What the builder did not believe or keep, for warnings.
    var problems: [String] = []
    /// Processes the program left running when it ended by itself (stopped since), by the cell that started them
    /// (as far as the builder saw: else the last cell that began).
    var leftRunning: [Int: Int] = [:]
    /// Times the loop's `poll` returned with nothing to read, no exit and no deadline or look due: a sleep on a
    /// timer instead of an event (the stamp then overstates the run by up to that sleep). Zero where the kernel
    /// gives exit descriptors; kept for tests and the benchmark.
    var idleWakeUps = 0
    /// Times the loop's `poll` returned at all (for the benchmark).
    var wakeUps = 0
  }

  /// The program to run.
  let executable: String
  /// The program's environment (`LESSONS_WORK_FOLDER` names the folder it changes to first).
  let environment: [String]
  /// The run's secret (`ControlChannel.makeSecret()`): sent to the program through its channel, never in a file.
  let secret: String
  /// The runnable cells in program order.
  let order: [Int]
  /// Seconds each cell may run, by cell index.
  let timeouts: [Int: Double]
  /// Seconds allowed outside cells (start-up, between cells).
  let gapTimeout: Double
  /// Bytes kept per cell and stream.
  let outputLimit: Int
  /// The environment line every process of the run inherits (`LESSONS_WORK_FOLDER=<folder>`), to find those that
  /// left the program's process group.
  let runMarker: String
  /// Called with a cell's index when the ledger accepts its begin line (the cell running now, for progress).
  var cellBegan: ((Int) -> Void)? = nil

  /// Seconds between looks for processes the program started (to tell which cell started a leftover).
  static let lookInterval = 0.5
  /// Seconds the pipes may stay open after the program ended (stragglers are killed; this only bounds the drain).
  static let drainTimeout = 2.0
  /// The period of looking for the exit where the kernel has no exit descriptors.
  static let longestSleep = 0.1

  /// The longest control line kept (a chart of many points is the longest legitimate one).
  static let controlLineLimit = 8 << 20

  func run() throws(ExecutionError) -> Outcome {
    let child = try ChildProcess(
      executable: executable, arguments: [], environment: environment,
      controlGreeting: ControlChannel.greeting(secret: secret))
    let started = Self.now()
    var outcome = Outcome(
      termination: .exited(0), stdout: CellOutputSplitter(secret: secret, limit: outputLimit),
      stderr: CellOutputSplitter(secret: secret, limit: outputLimit), totalSeconds: 0)
    var ledger = RunLedger(order: order, timeouts: timeouts, gapTimeout: gapTimeout, started: started)
    var lines = ControlLineReader(maximumLineLength: Self.controlLineLimit)
    var open = [child.stdoutFD, child.stderrFD, child.controlFD]
    var exitedAt: Double?
    var termination: Termination?
    var buffer = [UInt8](repeating: 0, count: 65536)
    let run = LeftoverProcesses.Run(
      marker: runMarker, program: child.pid, startTime: ProcessTable.entry(of: child.pid)?.startTime ?? 0)
    // Processes of the run the builder saw alive, with the cell running then (looked for twice a second): which
    // cell started a process, when the program did not say (its report at each cell's end comes first).
    var seen: [ProcessTable.Entry: Int] = [:]
    var lastLook = started
    // The exit descriptor, while it is worth polling: once it said the program ended, it stays readable, so it is
    // not polled again (should `waitid` not see the exit yet, the loop looks on a timer instead of spinning).
    var exitFD = child.exitFD

    while true {
      let now = Self.now()
      if let exitedAt, open.allSatisfy({ $0 < 0 }) || now - exitedAt > Self.drainTimeout { break }
      if exitedAt == nil, now >= ledger.deadline, outcome.timedOutCell == nil {
        outcome.timedOutCell = ledger.current ?? -1
        child.killGroup()
      }
      if exitedAt == nil, now - lastLook > Self.lookInterval {
        LeftoverProcesses.note(run, cell: ledger.current ?? ledger.began.last ?? -1, in: &seen)
        lastLook = now
      }
      if exitedAt == nil, child.hasExited() {
        exitedAt = now
        // Stop what the program left (in its group or not) while it is still a zombie (its pid, the group id,
        // cannot be reused yet), then reap it at once: the pipes are drained below, stragglers are already dying.
        let left = LeftoverProcesses.stop(run)
        if outcome.timedOutCell == nil {
          for entry in left {
            let cell = ledger.startedBy[entry.identity] ?? seen[entry] ?? ledger.began.last ?? -1
            outcome.leftRunning[cell, default: 0] += 1
          }
        }
        child.killGroup()
        termination = child.reap()
        if let current = ledger.current { outcome.unfinishedSeconds[current] = ledger.runningSeconds(at: now) }
        continue
      }
      // Sleep until output, the exit (the exit descriptor) or the next thing the loop must do by itself: the
      // deadline, the next look, the end of the drain. Without an exit descriptor, look for the exit on a timer.
      var pollSet = open.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let due: Double
      var sleep: Double
      if let exitedAt {
        due = exitedAt + Self.drainTimeout
        sleep = due - now
      } else {
        if exitFD >= 0 { pollSet.append(pollfd(fd: exitFD, events: Int16(POLLIN), revents: 0)) }
        // Once the deadline has passed and the group is killed, only the exit (or a look) is awaited.
        due = min(outcome.timedOutCell == nil ? ledger.deadline : .infinity, lastLook + Self.lookInterval)
        sleep = due - now
        if exitFD < 0 { sleep = min(sleep, Self.longestSleep) }
      }
      // Whole milliseconds, rounded up so that the timer is due when poll returns; capped (a deadline may be far).
      let wait = Int32((min(max(0, sleep), 60) * 1000).rounded(.up))
      let ready = poll(&pollSet, nfds_t(pollSet.count), wait)
      if ready < 0 && errno != EINTR { break }
      outcome.wakeUps += 1
      if ready == 0, Self.now() < due { outcome.idleWakeUps += 1 }
      if pollSet.contains(where: { $0.fd == exitFD && $0.revents != 0 }) { exitFD = -1 }
      for entry in pollSet where entry.revents != 0 && entry.fd != child.exitFD {
        let read = buffer.withUnsafeMutableBytes { (bytes) -> Int? in
          do throws(SystemCallError) { return try FileDescriptorIO.read(entry.fd, into: bytes) } catch { return 0 }
        }
        guard let count = read else { continue }  // nothing there after all (EAGAIN)
        guard let slot = open.firstIndex(of: entry.fd) else { continue }
        if count <= 0 {
          open[slot] = -1
          continue
        }
        let bytes = buffer[0..<count]
        switch slot {
        case 0: outcome.stdout.append(bytes)
        case 1: outcome.stderr.append(bytes)
        default:
          let when = Self.now()
          lines.append(bytes) { line in
            let began = ledger.began.count
            ledger.take(ControlMessage(line: String(decoding: line, as: UTF8.self), secret: secret), at: when)
            if ledger.began.count > began, let cell = ledger.current { cellBegan?(cell) }
          }
        }
      }
    }
    outcome.termination = termination ?? child.reap()
    outcome.totalSeconds = (exitedAt ?? Self.now()) - started
    outcome.stdout.finish()
    outcome.stderr.finish()
    outcome.began = ledger.began
    outcome.seconds = ledger.seconds
    outcome.threw = ledger.threw
    outcome.charts = ledger.charts
    outcome.problems = ledger.problems(overlongLines: lines.overlongLines)
    return outcome
  }

  /// Seconds on the monotonic clock.
  static func now() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
