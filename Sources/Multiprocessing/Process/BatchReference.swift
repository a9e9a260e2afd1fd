/// A pool's reference to an outstanding batch, strong or weak.
struct BatchReference {
  private let strongBatch: (any ActiveProcessBatch)?
  private weak var weakBatch: (any ActiveProcessBatch)?

  init(_ batch: any ActiveProcessBatch, strong: Bool) {
    strongBatch = strong ? batch : nil
    weakBatch = batch
  }

  var batch: (any ActiveProcessBatch)? { strongBatch ?? weakBatch }
  var isStrong: Bool { strongBatch != nil }
}

/// What the pool's driver needs from its outstanding batches, whatever their result type.
protocol ActiveProcessBatch: AnyObject {
  /// Every task has an outcome and every worker was reaped.
  var isDone: Bool { get }
  /// The read ends of the batch's worker pipes.
  var descriptors: [Int32] { get }
  /// Reads what the worker behind `fd` wrote (or reaps it at end of file).
  func handleReadable(_ fd: Int32)
  func nextTimeoutCheckMs() -> Int32?
  func checkTimeouts()
  /// Forks workers for work that has none, as the pool's budget allows.
  func refill()
  /// Has runnable work but no worker at all.
  var isStarved: Bool { get }
  /// Asks (or stops asking) this batch's workers to exit when they find its window shut, parked ones included.
  func yieldWhenBlocked(_ yield: Bool)
  /// Runs the batch to its end (an imap's window is lifted) and reaps its workers.
  func finishWorkers()
  func terminate()
  /// Calls the batch's completion hook (`applyAsync` callbacks) once every task has an outcome; at most once.
  func reportCompletion()
}

/// The batch behind `imap` over an empty input.
final class EmptyBatch<Output>: TaskBatch {
  var count: Int? { 0 }
  var handedOver: Int { 0 }
  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? { nil }
  func nextInOrder(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? { nil }
  func nextArrival(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? { nil }
  func collectAll() throws(PoolError) -> [Output] { [] }
  func consumerGone() {}
}
