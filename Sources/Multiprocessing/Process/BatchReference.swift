/// A pool's reference to an outstanding batch, strong or weak.
struct BatchReference {
  private let strongBatch: (any ActiveProcessBatch)?
  private weak var weakBatch: (any ActiveProcessBatch)?

  init(_ batch: any ActiveProcessBatch, strong: Bool) {
    strongBatch = strong ? batch : nil
    weakBatch = batch
  }

  var batch: (any ActiveProcessBatch)? { strongBatch ?? weakBatch }
}

/// What the pool needs from its outstanding batches, whatever their result type.
protocol ActiveProcessBatch: AnyObject {
  var liveWorkers: Int { get }
  var isDone: Bool { get }
  func finishWorkers()
  func reapExited()
  func terminate()
}

extension ProcessBatch: ActiveProcessBatch {
  var isDone: Bool { isComplete && liveWorkers == 0 }
}

/// The batch behind `imap` over an empty input.
final class EmptyBatch<Output>: TaskBatch {
  var count: Int? { 0 }
  var handedOver: Int { 0 }
  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? { nil }
  func nextInOrder() -> Result<Output, PoolError>? { nil }
  func nextArrival() -> Result<Output, PoolError>? { nil }
  func collectAll() throws(PoolError) -> [Output] { [] }
  func consumerGone() {}
}
