import Foundation
import Glibc

/// The builder's response to Ctrl-C, SIGTERM and SIGHUP: close the `CommitGate` (a results save or site update in
/// progress finishes, later ones are refused), kill every lesson program and compiler, exit with 128 + the signal.
public enum InterruptHandling {
  /// Installs the handlers now rather than at the first lesson program, so that an interrupt during a build that
  /// runs nothing still waits for a site update in progress instead of cutting it short. Call once, early, from a
  /// command-line tool (the handlers end the process).
  public static func install() {
    ProcessGroupRegistry.shared.installHandlersOnce()
  }

  /// The variable that makes the handler wait, after killing the lesson programs, until a commit has been refused
  /// (at most 30 s) before it exits. Only for tests: it turns the race between the handler and a thread saving the
  /// killed run's results, which the gate closes, into one that always happens.
  static let holdVariable = "LESSONS_TEST_HOLD_EXIT_UNTIL_REFUSED"

  /// Waits as `holdVariable` asks; returns at once when it is not set.
  static func holdExitForTests() {
    guard ProcessInfo.processInfo.environment[holdVariable] == "1" else { return }
    let deadline = Date().addingTimeInterval(30)
    while CommitGate.shared.refusedCount == 0, Date() < deadline { usleep(10_000) }
  }
}
