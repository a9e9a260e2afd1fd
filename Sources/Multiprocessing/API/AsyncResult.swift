/// The handle `applyAsync` returns: the result of one task that runs while the caller goes on.
///
/// Mirrors Python's `AsyncResult`: `get(timeout:)`, `wait(timeout:)`, `ready`, `successful`.
public final class AsyncResult<Output> {
  private let batch: any TaskBatch<Output>
  /// `applyAsync`'s callbacks; delivered here when no task did (a terminated pool), before `get` returns.
  private let callbacks: CompletionCallbacks<Output>?
  private var outcome: Result<Output, PoolError>?

  init(batch: any TaskBatch<Output>, callbacks: CompletionCallbacks<Output>? = nil) {
    self.batch = batch
    self.callbacks = callbacks
  }

  /// Blocks until the result arrives (or `timeout` passes) and returns it.
  ///
  /// Throws the task's error (`PoolError.taskFailed`, `.workerDied`, `.timeout`), or `PoolError.notReady` if
  /// `timeout` passed first; in that case the task keeps running and `get` may be called again.
  @available(*, noasync, message: "use `try await result.value`, which the awaiting task can cancel")
  public func get(timeout: Duration? = nil) throws(PoolError) -> Output {
    guard let outcome = settle(timeout: timeout) else { throw .notReady(waited: timeout ?? .zero) }
    return try outcome.get()
  }

  /// Blocks until the result arrives or `timeout` passes; returns whether it arrived.
  @available(*, noasync, message: "use `try await result.value`, which the awaiting task can cancel")
  @discardableResult
  public func wait(timeout: Duration? = nil) -> Bool { settle(timeout: timeout) != nil }

  /// Whether the task has finished (successfully or not). Does not block.
  public var ready: Bool { settle(timeout: .zero) != nil }

  /// Whether the task finished without error; nil while it is still running.
  public var successful: Bool? {
    guard let outcome = settle(timeout: .zero) else { return nil }
    if case .success = outcome { return true }
    return false
  }

  private func settle(timeout: Duration?) -> Result<Output, PoolError>? {
    if let outcome { return outcome }
    let deadline = timeout.map { ContinuousClock.now + $0 }
    outcome = batch.waitOutcome(of: 0, deadline: deadline)
    if let outcome { callbacks?.deliver(outcome) }
    return outcome
  }
}
