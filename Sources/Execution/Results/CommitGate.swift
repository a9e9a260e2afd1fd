import Glibc
import Synchronization

/// One lock shared by everything that replaces what a build leaves behind — saving a lesson's frozen results,
/// swapping or updating the site — and by the interrupt handler.
///
/// Without it, Ctrl-C or SIGTERM during `--refresh` could still replace a lesson's frozen results with the killed
/// run: the handler kills the lesson programs before it ends the builder, and in that gap another thread saw its
/// program die ("crashed: signal 9") and renamed the results file into place. Now a commit runs whole under the
/// lock, and the handler `close`s the gate before it kills anything: a commit in progress finishes first, and every
/// commit after is refused (`perform` returns nil), so the files stay those of the last complete run.
public final class CommitGate: Sendable {
  /// The gate of this process, used by the builder and its interrupt handler. A commit it refuses first waits (up
  /// to a minute) for the handler to end the process, so that the builder does not go on to end by itself with
  /// another status than the signal's.
  public static let shared = CommitGate(holdingRefusedCommitsFor: 60)

  private struct State {
    var closed = false
    var refused = 0
  }

  private let state = Mutex(State())
  private let hold: Double

  /// An open gate (tests make their own; the builder uses `shared`); a refused commit waits `seconds` before
  /// `perform` returns.
  public init(holdingRefusedCommitsFor seconds: Double = 0) {
    hold = seconds
  }

  /// Runs `body` (a few renames: keep it short, the interrupt handler waits for it) under the lock, or returns nil
  /// without running it once the gate is closed.
  public func perform<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result? {
    var refused = false
    let result = try state.withLock { state throws(Failure) -> Result? in
      guard !state.closed else {
        state.refused += 1
        refused = true
        return nil
      }
      return try body()
    }
    if refused && hold > 0 { sleep(UInt32(hold)) }
    return result
  }

  /// Waits for a commit in progress, then refuses every later one. Called by the interrupt handler before it kills
  /// the lesson programs. Safe to call more than once.
  public func close() {
    state.withLock { $0.closed = true }
  }

  /// Whether the gate is closed.
  public var isClosed: Bool { state.withLock { $0.closed } }

  /// How many commits were refused since the gate closed (for the interrupt handler's test hook and for tests).
  public var refusedCount: Int { state.withLock { $0.refused } }
}
