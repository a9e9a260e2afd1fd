/// One submission to a pool (a `map`, an `imap`, an `apply`), seen from the caller's side.
///
/// Both pools implement it; `PoolResults` and `AsyncResult` are written once against it.
protocol TaskBatch<Output>: AnyObject {
  associatedtype Output
  /// How many tasks the batch holds; nil while its input has not ended.
  var count: Int? { get }
  /// How many outcomes `nextInOrder`/`nextArrival` handed out so far.
  var handedOver: Int { get }
  /// Blocks until task `index` has an outcome, then hands it over; nil if `deadline` passes first.
  /// (For single-task batches: `AsyncResult`.)
  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>?
  /// Hands out the outcome of the next task in input order, waiting for it until `deadline` (nil: as long as it
  /// takes); nil after the last task, or when `deadline` passed first (`count` and `handedOver` tell which).
  func nextInOrder(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>?
  /// Hands out the next outcome in the order tasks finished, waiting for one until `deadline`; nil after the last
  /// task, or when `deadline` passed first.
  func nextArrival(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>?
  /// Blocks until every task has an outcome; returns values in order or the lowest-numbered task's error.
  func collectAll() throws(PoolError) -> [Output]
  /// The lazy results over this batch were dropped: stop starting its tasks.
  func consumerGone()
}

