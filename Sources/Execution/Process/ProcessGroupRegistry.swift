import Dispatch
import Glibc
import Synchronization

/// The process groups of every lesson program and compiler the builder is running, so that an interrupted
/// build (Ctrl-C, SIGTERM) kills them instead of leaving them behind.
///
/// Lesson programs run in process groups of their own, so the terminal's SIGINT does not reach them: on the
/// first spawn the registry installs SIGINT/SIGTERM/SIGHUP handlers (dispatch signal sources, so the cleanup runs
/// in normal thread context, not in a signal handler) that kill every registered group, then end the builder
/// with exit status 128 + the signal number, as a shell reports a process killed by it.
final class ProcessGroupRegistry: Sendable {
  static let shared = ProcessGroupRegistry()

  private let groups = Mutex<Set<pid_t>>([])
  private let sources = Mutex<[any DispatchSourceSignal]>([])

  private init() {}

  /// Records `group` as running; installs the interrupt handlers the first time.
  func register(_ group: pid_t) {
    groups.withLock { _ = $0.insert(group) }
    installHandlersOnce()
  }

  /// Forgets `group` once it has been killed and reaped.
  func unregister(_ group: pid_t) {
    groups.withLock { _ = $0.remove(group) }
  }

  /// Kills every registered group with SIGKILL.
  func killAll() {
    let running = groups.withLock { $0 }
    for group in running { kill(-group, SIGKILL) }
  }

  /// Installs the interrupt handlers unless they are; the first spawn does it, and the CLI does it at start so
  /// that an interrupt never cuts a site update short (see `CommitGate`).
  func installHandlersOnce() {
    sources.withLock { sources in
      guard sources.isEmpty else { return }
      for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
        signal(signalNumber, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
        source.setEventHandler { [self] in
          // First wait for a results save or site update in progress and refuse every later one: a thread that
          // sees its program killed below must not save the killed run as the lesson's frozen results.
          CommitGate.shared.close()
          killAll()
          TemporaryFolder.removeAllLive()
          InterruptHandling.holdExitForTests()
          // End the builder now, with the shell's status for a signal. Re-raising the signal does not work here:
          // the dispatch source receives it again instead of the default action (the builder then went on and
          // saved the killed run as frozen results). `_exit` also skips writing anything half-done; the site and
          // the results files are only ever replaced by renames, so they stay as they were.
          _exit(128 + signalNumber)
        }
        source.resume()
        sources.append(source)
      }
    }
  }
}
