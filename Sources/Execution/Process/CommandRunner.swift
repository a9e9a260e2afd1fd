import Foundation
import Glibc
import SystemCalls

/// Runs a command (the compiler, `swiftc --version`, `git log` for the site's page dates) to completion with a
/// time limit, collecting its output. Public so that the site builder runs its few commands the same way.
public enum CommandRunner {
  /// What a finished command produced.
  public struct Result: Sendable {
    public var termination: ExitStatus
    public var stdout: String
    public var stderr: String
    public var timedOut: Bool
  }

  /// Seconds the output pipes may stay open after the command ended and its group was killed: only a process
  /// that left the group can still hold them (it is not waited for; its later output is lost).
  static let drainTimeout = 2.0
  /// The period of looking for the exit where the kernel has no exit descriptors.
  static let longestSleep = 0.1

  /// Runs `executable` with `arguments` in its own process group until the command exits, collecting its output;
  /// kills the group after `timeout` seconds. The command may close its output early and go on working: the
  /// runner waits for its exit, not for the end of its output. Once it has exited, whatever is left of its group
  /// (processes it started in the background) is killed, so nothing it started outlives the call.
  /// `environment` (`NAME=value` lines) is the builder's own unless given.
  public static func run(
    _ executable: String, _ arguments: [String], timeout: Double, environment: [String]? = nil
  ) throws(ExecutionError) -> Result {
    let child = try ChildProcess(
      executable: executable, arguments: arguments, environment: environment ?? currentEnvironment())
    let deadline = ProgramRunner.now() + timeout
    var outputs: [[UInt8]] = [[], []]
    var open = [child.stdoutFD, child.stderrFD]
    var timedOut = false
    var exitedAt: Double?
    // Polled until it says the command ended: it stays readable after that.
    var exitFD = child.exitFD
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let now = ProgramRunner.now()
      if exitedAt == nil, child.hasExited() {
        exitedAt = now
        // Still a zombie: its pid, the group id, cannot be reused yet. Its output is drained below.
        child.killGroup()
      }
      if let exitedAt, open.allSatisfy({ $0 < 0 }) || now - exitedAt > drainTimeout { break }
      if exitedAt == nil, now >= deadline {
        timedOut = true
        child.killGroup()
        break
      }
      // Sleep until output, the exit or the deadline (or the end of the drain); without an exit descriptor,
      // look for the exit on a timer.
      var pollSet = open.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      var sleep: Double
      if let exitedAt {
        sleep = exitedAt + drainTimeout - now
      } else {
        sleep = deadline - now
        if exitFD >= 0 {
          pollSet.append(pollfd(fd: exitFD, events: Int16(POLLIN), revents: 0))
        } else {
          sleep = min(sleep, longestSleep)
        }
      }
      // Whole milliseconds, rounded up so that the time is due when poll returns; capped (a deadline may be far).
      let wait = Int32((min(max(0, sleep), 60) * 1000).rounded(.up))
      let ready = poll(&pollSet, nfds_t(pollSet.count), wait)
      if ready < 0 && errno != EINTR { break }
      for entry in pollSet where entry.revents != 0 {
        if entry.fd == exitFD {
          exitFD = -1
          continue
        }
        let read = buffer.withUnsafeMutableBytes { (bytes) -> Int? in
          do throws(SystemCallError) { return try FileDescriptorIO.read(entry.fd, into: bytes) } catch { return 0 }
        }
        guard let count = read else { continue }  // nothing there after all (EAGAIN)
        guard let slot = open.firstIndex(of: entry.fd) else { continue }
        if count <= 0 { open[slot] = -1 } else { outputs[slot].append(contentsOf: buffer[0..<count]) }
      }
    }
    let termination = child.reap()
    return Result(
      termination: termination, stdout: String(decoding: outputs[0], as: UTF8.self),
      stderr: String(decoding: outputs[1], as: UTF8.self), timedOut: timedOut)
  }

  /// The builder's environment as `NAME=value` lines, sorted.
  public static func currentEnvironment() -> [String] {
    ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }.sorted()
  }
}
