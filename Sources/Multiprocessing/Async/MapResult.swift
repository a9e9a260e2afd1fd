/// The handle `mapAsync` and `starmapAsync` return: the results of a whole map that runs while the caller
/// goes on (Python's `MapResult`).
///
/// `get(timeout:)`, `wait(timeout:)`, `ready` and `successful` behave as on `AsyncResult`. Like the pool that
/// made it, a handle from a `ProcessPool` is used from one thread: the thread that waits drives the workers.
public final class MapResult<Output> {
  private let batch: (any TaskBatch<Output>)?
  /// Set instead of `batch` when a thread of the pool's own collects the values (completion callbacks).
  private let relay: ResultRelay<[Output]>?
  private let cancelBatch: () -> Void
  /// A `ProcessPool` map with completion callbacks: drives its batch until every task has an outcome, taking none
  /// (the batch's completion hook calls the callbacks with every value); false if the deadline passed first.
  private let waitComplete: ((ContinuousClock.Instant?) -> Bool)?
  /// The callbacks, called here when the batch's hook did not (an empty input); at most once in all.
  private let callbacks: CompletionCallbacks<[Output]>?
  private var values: [Output] = []
  private var failure: PoolError?
  private var collected = 0
  private var outcome: Result<[Output], PoolError>?

  /// `batch` nil: an empty input, already complete. `cancel` stops the batch (terminate or abandon).
  init(
    batch: (any TaskBatch<Output>)?, cancel: @escaping () -> Void,
    waitComplete: ((ContinuousClock.Instant?) -> Bool)? = nil, callbacks: CompletionCallbacks<[Output]>? = nil
  ) {
    self.batch = batch
    relay = nil
    cancelBatch = cancel
    self.waitComplete = waitComplete
    self.callbacks = callbacks
    // A map's input is indexed, so its batch knows its count.
    if let batch { values.reserveCapacity(batch.count ?? 0) }
  }

  /// A result that `relay` settles (a `ThreadPool` map with completion callbacks).
  init(relay: ResultRelay<[Output]>, cancel: @escaping () -> Void) {
    batch = nil
    self.relay = relay
    cancelBatch = cancel
    waitComplete = nil
    callbacks = nil
  }

  /// Blocks until every task has finished (or `timeout` passes) and returns the values in input order.
  ///
  /// Throws the lowest-numbered task's `PoolError` once every task ran, or `PoolError.notReady` if `timeout`
  /// passed first; the tasks then keep running and `get` may be called again.
  @available(*, noasync, message: "use `try await result.value`, which the awaiting task can cancel")
  public func get(timeout: Duration? = nil) throws(PoolError) -> [Output] {
    guard let outcome = settle(deadline: timeout.map { ContinuousClock.now + $0 }) else {
      throw .notReady(waited: timeout ?? .zero)
    }
    return try outcome.get()
  }

  /// Blocks until every task has finished or `timeout` passes; returns whether all finished.
  @available(*, noasync, message: "use `try await result.value`, which the awaiting task can cancel")
  @discardableResult
  public func wait(timeout: Duration? = nil) -> Bool {
    settle(deadline: timeout.map { ContinuousClock.now + $0 }) != nil
  }

  /// Whether every task has finished. Does not block.
  public var ready: Bool { settle(deadline: .now) != nil }

  /// Whether every task finished without error; nil while some are still running.
  public var successful: Bool? {
    guard let outcome = settle(deadline: .now) else { return nil }
    if case .success = outcome { return true }
    return false
  }

  /// The values in input order, awaited: cancelling the awaiting task stops the batch (a `ProcessPool`
  /// kills its workers, a `ThreadPool` skips the tasks not started) and throws `CancellationError`.
  /// Waits on the awaiting task's thread, waking every few milliseconds to look for cancellation.
  nonisolated(nonsending) public var value: [Output] {
    get async throws {
      try CancellableWait.poll(cancel: cancelBatch) { deadline in settle(deadline: deadline) }.get()
    }
  }

  /// Collects outcomes in order until all are in (the result) or `deadline` passes (nil).
  func settle(deadline: ContinuousClock.Instant?) -> Result<[Output], PoolError>? {
    if let outcome { return outcome }
    if let relay {
      outcome = relay.wait(until: deadline)
      return outcome
    }
    if let waitComplete, !waitComplete(deadline) { return nil }
    if let batch {
      while collected < batch.count ?? 0 {
        guard let next = batch.waitOutcome(of: collected, deadline: deadline) else { return nil }
        collected += 1
        switch next {
        case .success(let value): if failure == nil { values.append(value) }
        case .failure(let error):
          if failure == nil {
            failure = error
            values = []
          }
        }
      }
    }
    let result: Result<[Output], PoolError> = failure.map { .failure($0) } ?? .success(values)
    values = []
    outcome = result
    callbacks?.deliver(result)
    return result
  }
}
