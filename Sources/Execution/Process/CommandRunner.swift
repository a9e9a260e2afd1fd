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

  /// Runs `executable` with `arguments` in its own process group; kills the group after `timeout` seconds.
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
    var buffer = [UInt8](repeating: 0, count: 65536)
    while open.contains(where: { $0 >= 0 }) {
      let remaining = deadline - ProgramRunner.now()
      if remaining <= 0 {
        timedOut = true
        child.killGroup()
        break
      }
      var pollSet = open.filter { $0 >= 0 }.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&pollSet, nfds_t(pollSet.count), Int32(min(remaining, 1) * 1000) + 1)
      if ready < 0 && errno != EINTR { break }
      for entry in pollSet where entry.revents != 0 {
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
