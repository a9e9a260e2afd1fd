import Foundation
import Glibc
import Testing

@testable import Execution
@testable import SystemCalls

extension ProcessSuites {
  /// The runner's wait loop: it sleeps until output, the program's exit or a deadline, never on a timer for nothing.
  @Suite("Program runner")
  struct ProgramRunnerTests {
    @Test(
      "a program that closes its channels and then ends is seen ending at once, not after a timed sleep",
      .timeLimit(.minutes(1)))
    func exitAfterChannelsClosed() throws {
      // Without an exit descriptor the runner cannot help looking on a timer: nothing to check there.
      guard let probe = ProcessCalls.exitDescriptor(of: getpid()) else { return }
      FileDescriptorIO.close(probe)
      let folder = try TemporaryFolder()
      // Closes stdout, stderr and the control channel (the pipes reach end of file), then lives a while on: the
      // window in which the runner used to poll an empty set for up to 100 ms before it looked for the exit.
      try folder.write("#!/bin/sh\nexec 1>&- 2>&- 3>&-\nsleep 0.2\n", to: "program")
      let program = folder.path + "/program"
      #expect(chmod(program, 0o755) == 0)
      let marker = "LESSONS_WORK_FOLDER=\(folder.path)"
      let runner = ProgramRunner(
        executable: program, environment: ["PATH=/usr/bin:/bin", marker], secret: "secret", order: [],
        timeouts: [:], gapTimeout: 30, outputLimit: 1 << 16, runMarker: marker)
      let outcome = try runner.run()
      #expect(outcome.termination == .exited(0))
      #expect(outcome.timedOutCell == nil)
      // Every wake-up had a reason (output, the exit, a look or deadline due); none was a sleep on a timer.
      #expect(outcome.idleWakeUps == 0, "woke \(outcome.idleWakeUps) of \(outcome.wakeUps) times for nothing")
      #expect(outcome.wakeUps >= 1)
    }
  }
}
