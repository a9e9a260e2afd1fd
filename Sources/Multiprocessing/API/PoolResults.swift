/// The lazy results of `imap` and `imapUnordered`: a sequence you iterate while the workers run.
///
/// Each element is a `Result`, because a task may fail while the others succeed: `for r in results { let v =
/// try r.get() }` stops at the first failure exactly where Python's `imap` raises. Ordered results are
/// produced a bounded window ahead of the consumer, so memory stays flat on huge inputs.
public struct PoolResults<Output>: Sequence, IteratorProtocol {
  private let batch: any TaskBatch<Output>
  private let ordered: Bool
  private var nextIndex = 0
  private var handedOver = 0
  private let token: ConsumerToken

  init(batch: any TaskBatch<Output>, ordered: Bool) {
    self.batch = batch
    self.ordered = ordered
    token = ConsumerToken { [weak batch] in batch?.consumerGone() }
  }

  /// The number of tasks (and so of elements).
  public var underestimatedCount: Int { batch.count - handedOver }

  /// Blocks until the next result is available; nil after the last one.
  public mutating func next() -> Result<Output, PoolError>? {
    guard handedOver < batch.count else { return nil }
    handedOver += 1
    if ordered {
      defer { nextIndex += 1 }
      return batch.waitOutcome(of: nextIndex, deadline: nil)
    }
    return batch.waitAnyOutcome()
  }

  /// Every remaining value, in iteration order; throws the first failure met.
  public mutating func values() throws(PoolError) -> [Output] {
    var result: [Output] = []
    while let outcome = next() { result.append(try outcome.get()) }
    return result
  }
}
