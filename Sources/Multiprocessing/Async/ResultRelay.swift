/// One outcome handed from the thread that computes it to any thread that waits for it.
final class ResultRelay<Value>: @unchecked Sendable {
  // Invariant: `outcome` is read and written only with `condition` locked, and written once.
  private let condition = Condition()
  private var outcome: Result<Value, PoolError>?

  /// Stores the outcome and wakes every waiter.
  func settle(_ result: Result<Value, PoolError>) {
    condition.withLock { outcome = result }
    condition.broadcast()
  }

  /// The outcome, once settled; nil if `deadline` passes first.
  func wait(until deadline: ContinuousClock.Instant?) -> Result<Value, PoolError>? {
    condition.withLock {
      while outcome == nil {
        if !condition.wait(until: deadline), outcome == nil { return nil }
      }
      return outcome
    }
  }
}
