/// The results of `imap`/`imapUnordered` as an `AsyncSequence`: `for try await r in try pool.imap(xs, f).async`.
///
/// Each element is a `Result`, as in `PoolResults`. The waits run on the awaiting task's executor (a
/// `ProcessPool`'s workers are driven by the thread that waits); the task's cancellation is looked at before
/// each result, and a cancelled iteration throws `CancellationError` and lets go of the results, which stops
/// the batch once no other copy of them is left.
public struct AsyncPoolResults<Output>: AsyncSequence {
  /// One task's value or error, as in `PoolResults`.
  public typealias Element = Result<Output, PoolError>
  /// Only `CancellationError`: task failures are elements.
  public typealias Failure = any Error

  private let results: PoolResults<Output>

  init(_ results: PoolResults<Output>) { self.results = results }

  /// An iterator over the results; iterate once (the results, like `PoolResults`, are consumed).
  public func makeAsyncIterator() -> Iterator { Iterator(results: results) }

  /// Hands over one result per call; nil after the last one.
  public struct Iterator: AsyncIteratorProtocol {
    private var results: PoolResults<Output>?

    init(results: PoolResults<Output>) { self.results = results }

    /// The next result, waited for on the caller's executor.
    public mutating func next(isolation actor: isolated (any Actor)?) async throws -> Element? {
      guard results != nil else { return nil }
      if Task.isCancelled {
        results = nil
        throw CancellationError()
      }
      let element = results?.next()
      if element == nil { results = nil }
      return element
    }

    /// The next result.
    public mutating func next() async throws -> Element? { try await next(isolation: nil) }
  }
}

extension PoolResults {
  /// These results as an `AsyncSequence`, for `for try await` loops in async code.
  public var async: AsyncPoolResults<Output> { AsyncPoolResults(self) }
}

extension AsyncResult {
  /// The task's value, awaited: throws what `get()` throws, or `CancellationError` when the awaiting task is
  /// cancelled (the task itself keeps running; `get()` may still collect it). Waits on the caller's executor.
  nonisolated(nonsending) public var value: Output {
    get async throws {
      try CancellableWait.poll(cancel: {}) { deadline in try poll(until: deadline) }
    }
  }

  /// The value if it arrives by `deadline`, nil otherwise.
  private func poll(until deadline: ContinuousClock.Instant) throws(PoolError) -> Output? {
    guard wait(timeout: max(.zero, ContinuousClock.now.duration(to: deadline))) else { return nil }
    return try get()
  }
}
