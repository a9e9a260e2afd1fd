import Charts
import Foundation
import Glibc

/// Runs a compiled lesson program and collects, per cell, what it printed on stdout and stderr, its charts,
/// its time and how it ended.
///
/// One thread polls the three pipes (stdout, stderr, control) so that none of them can fill up and block the
/// program. The per-cell deadline starts when the control pipe says the cell began; at the deadline the whole
/// process group is killed (forked workers included). When the program ends, whatever is left of its group is
/// killed too, so no worker outlives the run.
struct ProgramRunner {
  /// What the runner saw.
  struct Outcome {
    var termination: Termination
    /// The cell that was running when the deadline passed, if it did.
    var timedOutCell: Int?
    var began: [Int] = []
    /// Seconds per cell as the program measured them, for cells that ended.
    var seconds: [Int: Double] = [:]
    /// Seconds from a cell's begin line until the program ended, for the cell that did not end.
    var unfinishedSeconds: [Int: Double] = [:]
    var threw: [Int: String] = [:]
    var charts: [Int: [Chart]] = [:]
    var stdout: CellOutputSplitter
    var stderr: CellOutputSplitter
    /// Wall time from spawn to exit.
    var totalSeconds: Double
    /// Control lines that could not be understood, for warnings.
    var problems: [String] = []
  }

  /// The program to run.
  let executable: String
  /// The program's environment (`LESSONS_WORK_FOLDER` names the folder it changes to first).
  let environment: [String]
  let nonce: String
  /// Seconds each cell may run, by cell index.
  let timeouts: [Int: Double]
  /// Seconds allowed outside cells (start-up, between cells).
  let gapTimeout: Double
  /// Bytes kept per cell and stream.
  let outputLimit: Int

  func run() throws(ExecutionError) -> Outcome {
    let child = try ChildProcess(
      executable: executable, arguments: [], environment: environment, controlPipe: true)
    let started = Self.now()
    var outcome = Outcome(
      termination: .exited(0), stdout: CellOutputSplitter(nonce: nonce, limit: outputLimit),
      stderr: CellOutputSplitter(nonce: nonce, limit: outputLimit), totalSeconds: 0)
    var open = [child.stdoutFD, child.stderrFD, child.controlFD]
    var controlBuffer: [UInt8] = []
    var deadline = started + gapTimeout
    var current: Int?
    var currentBegan = started
    var exitedAt: Double?
    var termination: Termination?
    var buffer = [UInt8](repeating: 0, count: 65536)

    while true {
      let now = Self.now()
      if let exitedAt, open.allSatisfy({ $0 < 0 }) || now - exitedAt > 2 { break }
      if exitedAt == nil, now >= deadline, outcome.timedOutCell == nil {
        outcome.timedOutCell = current ?? -1
        child.killGroup()
      }
      if exitedAt == nil, child.hasExited() {
        exitedAt = now
        // Kill what is left of the group while the leader is still a zombie (its pid, the group id, cannot be
        // reused yet), then reap it at once: the pipes are drained below, stragglers are already dying.
        child.killGroup()
        termination = child.reap()
        if let current { outcome.unfinishedSeconds[current] = now - currentBegan }
        continue
      }
      var pollSet = open.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let wait = max(0, min(0.1, deadline - now))
      let ready = poll(&pollSet, nfds_t(pollSet.count), Int32(wait * 1000) + 1)
      if ready < 0 && errno != EINTR { break }
      for entry in pollSet where entry.revents != 0 {
        let count = buffer.withUnsafeMutableBytes { read(entry.fd, $0.baseAddress, $0.count) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
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
          controlBuffer.append(contentsOf: bytes)
          while let newline = controlBuffer.firstIndex(of: 10) {
            let line = String(decoding: controlBuffer[..<newline], as: UTF8.self)
            controlBuffer.removeFirst(newline + 1)
            let message = ControlMessage(line: line)
            handle(message, outcome: &outcome, current: &current)
            let when = Self.now()
            if case .cellBegin(let index) = message {
              currentBegan = when
              deadline = when + (timeouts[index] ?? gapTimeout)
            } else if case .cellEnd = message {
              deadline = when + gapTimeout
            }
          }
        }
      }
    }
    outcome.termination = termination ?? child.reap()
    outcome.totalSeconds = (exitedAt ?? Self.now()) - started
    outcome.stdout.finish()
    outcome.stderr.finish()
    return outcome
  }

  private func handle(_ message: ControlMessage, outcome: inout Outcome, current: inout Int?) {
    switch message {
    case .cellBegin(let index):
      current = index
      outcome.began.append(index)
    case .cellEnd(let index, let seconds):
      outcome.seconds[index] = seconds
      current = nil
    case .cellThrew(let index, let message):
      outcome.threw[index] = message
    case .chart(let json):
      do {
        let chart = try JSONDecoder().decode(Chart.self, from: Data(json.utf8))
        outcome.charts[current ?? outcome.began.last ?? 0, default: []].append(chart)
      } catch {
        outcome.problems.append("a chart could not be read (\(error)): \(json.prefix(200))")
      }
    case .done:
      break
    case .unknown(let line):
      outcome.problems.append("unknown control line: \(line.prefix(200))")
    }
  }

  /// Seconds on the monotonic clock.
  static func now() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
  }
}
