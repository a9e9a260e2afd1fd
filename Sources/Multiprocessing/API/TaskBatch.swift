/// One submission to a pool (a `map`, an `imap`, an `apply`), seen from the caller's side.
///
/// Both pools implement it; `PoolResults` and `AsyncResult` are written once against it.
protocol TaskBatch<Output>: AnyObject {
  associatedtype Output
  /// How many tasks the batch holds.
  var count: Int { get }
  /// Blocks until task `index` has an outcome, then hands it over; nil if `deadline` passes first.
  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>?
  /// Blocks until any task not yet handed over has an outcome; nil when all were handed over.
  func waitAnyOutcome() -> Result<Output, PoolError>?
  /// Blocks until every task has an outcome; returns values in order or the lowest-numbered task's error.
  func collectAll() throws(PoolError) -> [Output]
  /// The lazy results over this batch were dropped: stop starting its tasks.
  func consumerGone()
}

/// Tells a batch when the last copy of the `PoolResults` reading it goes away.
final class ConsumerToken {
  private let onRelease: () -> Void
  init(_ onRelease: @escaping () -> Void) { self.onRelease = onRelease }
  deinit { onRelease() }
}
