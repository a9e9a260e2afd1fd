/// The lazy results of `imap` and `imapUnordered`: a sequence you iterate while the workers run.
///
/// Each element is a `Result`, because a task may fail while the others succeed: `for r in results { let v =
/// try r.get() }` stops at the first failure exactly where Python's `imap` raises. Ordered results are
/// produced a bounded window ahead of the consumer, so memory stays flat on huge inputs.
///
/// Like the iterator Python's `imap` returns, every copy reads the same stream: a result handed out through
/// one copy is not handed out again through another, and a second `for` loop over the same results goes on
/// where the first stopped (and ends at once when the first ran to the end). Nothing ever waits for a result
/// that was already handed out.
public struct PoolResults<Output>: Sequence, IteratorProtocol {
  private let cursor: ResultCursor<Output>

  init(batch: any TaskBatch<Output>, ordered: Bool) {
    cursor = ResultCursor(batch: batch, ordered: ordered)
  }

  /// The number of results not yet handed out (0 while an endless input's length is unknown).
  public var underestimatedCount: Int { cursor.remaining }

  /// Blocks until the next result is available; nil after the last one.
  public mutating func next() -> Result<Output, PoolError>? { cursor.next(deadline: nil) }

  /// Python's `IMapIterator.next(timeout)`: waits at most `timeout` for the next result; nil after the last one.
  ///
  /// - Throws: `PoolError.notReady` when no result came in time (Python's `TimeoutError`). Nothing is lost: the
  ///   tasks keep running, and a later `next` hands out the result that was late.
  @available(*, noasync, message: "iterate `results.async`, which the awaiting task can cancel")
  public mutating func next(timeout: Duration) throws(PoolError) -> Result<Output, PoolError>? {
    if let outcome = cursor.next(deadline: .now + timeout) { return outcome }
    if cursor.ended { return nil }
    throw .notReady(waited: timeout)
  }

  /// Every remaining value, in iteration order; throws the first failure met.
  public mutating func values() throws(PoolError) -> [Output] {
    var result: [Output] = []
    while let outcome = next() { result.append(try outcome.get()) }
    return result
  }
}

/// The reading position shared by every copy of one `PoolResults`; when the last copy goes, the batch is told
/// that nobody reads its results any more (it stops its work).
final class ResultCursor<Output> {
  private let batch: any TaskBatch<Output>
  private let ordered: Bool

  init(batch: any TaskBatch<Output>, ordered: Bool) {
    self.batch = batch
    self.ordered = ordered
  }

  deinit { batch.consumerGone() }

  var remaining: Int { batch.count.map { max(0, $0 - batch.handedOver) } ?? 0 }

  /// Whether every result was handed out.
  var ended: Bool { batch.count.map { batch.handedOver >= $0 } ?? false }

  func next(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    ordered ? batch.nextInOrder(deadline: deadline) : batch.nextArrival(deadline: deadline)
  }
}
