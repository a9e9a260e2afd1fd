import Foundation
import Glibc
import SystemCalls
import Testing

@testable import Execution

extension ProcessSuites {
  /// `CommandRunner` waits for a command's exit, not for the end of its output, and leaves nothing running.
  @Suite("Command runner")
  struct CommandRunnerTests {
    @Test("a command that closes its output early is waited for until it exits", .timeLimit(.minutes(1)))
    func closesOutputEarly() throws {
      let folder = try TemporaryFolder()
      let marker = folder.path + "/done"
      let result = try CommandRunner.run(
        "/bin/sh", ["-c", "echo started; exec >&- 2>&-; sleep 0.3; touch '\(marker)'"], timeout: 30)
      #expect(result.stdout == "started\n")
      #expect(result.termination == .exited(0))
      #expect(!result.timedOut)
      #expect(access(marker, F_OK) == 0, "the command was stopped before it finished its work")
    }

    @Test("a command that closed its output is still stopped at the timeout", .timeLimit(.minutes(1)))
    func closedOutputTimesOut() throws {
      let result = try CommandRunner.run("/bin/sh", ["-c", "echo $$; exec >&- 2>&-; sleep 1000"], timeout: 1)
      #expect(result.timedOut)
      #expect(result.termination == .signaled(SIGKILL))
      let group = try #require(Int32(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
      #expect(liveProcesses(inGroup: group, afterWaitingUpTo: 20).isEmpty)
    }

    @Test("what a command leaves running is stopped when it exits, even while it holds the output open", .timeLimit(.minutes(1)))
    func backgroundProcessStopped() throws {
      let result = try CommandRunner.run("/bin/sh", ["-c", "sleep 1000 & echo $$"], timeout: 20)
      #expect(!result.timedOut, "the runner waited for the background process's output instead of the command")
      #expect(result.termination == .exited(0))
      let group = try #require(Int32(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
      #expect(liveProcesses(inGroup: group, afterWaitingUpTo: 20).isEmpty)
    }
  }
}
