import Glibc
import Testing

@testable import Execution

extension ProcessSuites {
  /// The process layer: spawning in a group of its own, killing the group, reaping.
  @Suite("Child processes")
  struct ProcessTests {
    @Test("killAll ends every registered process group, as an interrupted build does", .timeLimit(.minutes(1)))
    func killAll() throws {
      let child = try ChildProcess(
        executable: "/bin/sh", arguments: ["-c", "sleep 100 & sleep 100"], environment: [], controlPipe: false)
      #expect(getpgid(child.pid) == child.pid)
      ProcessGroupRegistry.shared.killAll()
      #expect(child.reap() == .signaled(SIGKILL))
      #expect(liveProcesses(inGroup: child.pid).isEmpty)
    }

    @Test("a command's output and exit status are collected", .timeLimit(.minutes(1)))
    func command() throws {
      let result = try CommandRunner.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], timeout: 30)
      #expect(result.stdout == "out\n")
      #expect(result.stderr == "err\n")
      #expect(result.termination == .exited(3))
      #expect(!result.timedOut)
    }

    @Test("a missing program is a clear error, not a crash")
    func missing() {
      #expect(throws: ExecutionError.self) {
        _ = try CommandRunner.run("/nonexistent/swiftc", [], timeout: 5)
      }
    }
  }
}
