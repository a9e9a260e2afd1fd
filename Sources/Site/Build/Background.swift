import Dispatch
import Synchronization

/// Work started on another thread while the caller goes on with something else; `value` waits for its result.
///
/// The site's own pages are written this way while the lessons are published (`EarlySitePages`), instead of after
/// the last lesson.
final class Background<Value: Sendable>: Sendable {
  private let result = Mutex<Value?>(nil)
  private let finished = DispatchSemaphore(value: 0)

  /// Starts `work` at once on a thread of its own.
  init(_ work: @escaping @Sendable () -> Value) {
    DispatchQueue.global().async { [self] in
      let value = work()
      result.withLock { $0 = value }
      finished.signal()
    }
  }

  /// The work's result, once it is done.
  var value: Value {
    finished.wait()
    finished.signal()  // for the next caller
    return result.withLock { $0! }
  }
}

/// A value handed to exactly one taker, who then holds its only reference: the thread that takes it is the one that
/// frees it (a lesson's parsed document and body are let go by the thread that published them, in parallel,
/// instead of by the main thread at the end of the build).
final class Handoff<Value: Sendable>: Sendable {
  private let slot: Mutex<Value?>

  init(_ value: Value) {
    slot = Mutex(value)
  }

  /// The value, the first time; nil after.
  func take() -> Value? {
    slot.withLock { $0.take() }
  }
}

/// Lets go of `value` on another thread: the last references to a build's large structures (a thousand lessons'
/// records, outcomes and manifest entries: tens of thousands of allocations) are released there, so that the build
/// returns without waiting for their memory to be freed (4 ms on the bench), and a command that exits next does not
/// wait for it at all.
func releaseElsewhere(_ value: consuming some Sendable) {
  let handoff = Handoff(value)
  DispatchQueue.global(qos: .utility).async { _ = handoff.take() }
}
