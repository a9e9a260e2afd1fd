/// `ThreadPool` from async code, and Python's `map_async`/`starmap_async`.
///
/// The awaiting task does not hold a thread of the concurrency pool while the tasks run: the wait happens
/// on a thread of its own. Cancelling the awaiting task fails the tasks not yet started with
/// `PoolError.terminated` (running ones finish: threads cannot be killed) and throws `CancellationError`.
extension ThreadPool {
  /// `map`, awaited: `let lengths = try await pool.map(pages) { $0.count }`.
  ///
  /// Throws what `map` throws, or `CancellationError` when the awaiting task is cancelled.
  public func map<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil, _ body: @escaping @Sendable (Input) throws -> Output
  ) async throws -> [Output] {
    try await awaitAll(try batch(items, chunksize: chunksize, body))
  }

  /// `starmap` for argument tuples of any length, awaited.
  public func starmap<each Argument: Sendable, Output: Sendable>(
    _ items: some Sequence<(repeat each Argument)>, chunksize: Int? = nil,
    _ body: @escaping @Sendable (repeat each Argument) throws -> Output
  ) async throws -> [Output] {
    try await awaitAll(try batch(items, chunksize: chunksize) { arguments in try body(repeat each arguments) })
  }

  /// `apply`, awaited.
  public func apply<Output: Sendable>(_ body: @escaping @Sendable () throws -> Output) async throws -> Output {
    let batch = try submit(.indexed(count: 1) { _ in try body() }, chunksize: 1, window: false, ordered: true)
    let outcome = await withTaskCancellationHandler {
      await BlockingBridge.run { batch.waitOutcome(of: 0, deadline: nil) }
    } onCancel: {
      batch.consumerGone()
    }
    try Task.checkCancellation()
    guard let outcome else { throw PoolError.terminated(index: 0) }
    return try outcome.get()
  }

  /// Starts `map` and returns at once (Python's `map_async`); `get()` or `try await result.value` collects
  /// the values in input order.
  ///
  /// With `callback` or `errorCallback`, a thread of the pool's own waits for the whole map and calls one of
  /// them (the values in input order, or the lowest-numbered task's error) before `get()` returns, as
  /// Python's callbacks run in its result-handler thread: keep them short and thread-safe.
  public func mapAsync<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil,
    callback: (@Sendable ([Output]) -> Void)? = nil, errorCallback: (@Sendable (PoolError) -> Void)? = nil,
    _ body: @escaping @Sendable (Input) throws -> Output
  ) throws(PoolError) -> MapResult<Output> {
    let batch = try batch(items, chunksize: chunksize, body)
    guard callback != nil || errorCallback != nil else {
      return MapResult(batch: batch) { batch?.consumerGone() }
    }
    let relay = ResultRelay<[Output]>()
    BlockingBridge.start {
      let outcome = Result { () throws(PoolError) in try batch?.collectAll() ?? [] }
      switch outcome {
      case .success(let values): callback?(values)
      case .failure(let error): errorCallback?(error)
      }
      relay.settle(outcome)
    }
    return MapResult(relay: relay) { batch?.consumerGone() }
  }

  /// `starmap` started at once (Python's `starmap_async`), for argument tuples of any length; callbacks as
  /// for `mapAsync`.
  public func starmapAsync<each Argument: Sendable, Output: Sendable>(
    _ items: some Sequence<(repeat each Argument)>, chunksize: Int? = nil,
    callback: (@Sendable ([Output]) -> Void)? = nil, errorCallback: (@Sendable (PoolError) -> Void)? = nil,
    _ body: @escaping @Sendable (repeat each Argument) throws -> Output
  ) throws(PoolError) -> MapResult<Output> {
    try mapAsync(items, chunksize: chunksize, callback: callback, errorCallback: errorCallback) { arguments in
      try body(repeat each arguments)
    }
  }

  private func batch<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int?, _ body: @escaping @Sendable (Input) throws -> Output
  ) throws(PoolError) -> ThreadBatch<Output>? {
    let input = try SendableInput(items, limit: PoolSizing.mapLimit(of: Output.self))
    let size = try PoolSizing.positive(
      chunksize ?? PoolSizing.defaultChunksize(count: input.count, workers: workers), name: "chunksize")
    guard input.count > 0 else {
      try core.checkOpen()  // an empty map on a closed pool fails like any other
      return nil
    }
    return try submit(.indexed(count: input.count) { try body(input.element($0)) }, chunksize: size, window: false,
      ordered: true)
  }

  private func awaitAll<Output: Sendable>(_ batch: ThreadBatch<Output>?) async throws -> [Output] {
    guard let batch else { return [] }
    let outcome = await withTaskCancellationHandler {
      await BlockingBridge.run { Result { () throws(PoolError) in try batch.collectAll() } }
    } onCancel: {
      batch.consumerGone()
    }
    try Task.checkCancellation()
    return try outcome.get()
  }
}
