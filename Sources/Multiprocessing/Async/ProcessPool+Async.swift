/// `ProcessPool` from async code, and Python's `map_async`/`starmap_async`.
///
/// The async methods are `nonisolated(nonsending)`: they run on the caller's executor (the main actor in
/// a program's top-level code), because the thread that waits drives the workers and a fork must not race
/// other busy threads. A program whose async code already runs elsewhere has the concurrency runtime's
/// threads, so its pool needs `whenThreaded: .fork` (the `PoolError.threadedProcess` message says so).
/// Cancelling the awaiting task kills the batch's workers and throws `CancellationError`.
extension ProcessPool {
  /// `map`, awaited: `let squares = try await pool.map(0..<10) { $0 * $0 }`.
  ///
  /// Throws what `map` throws, or `CancellationError` when the awaiting task is cancelled (the batch's
  /// workers are killed first).
  nonisolated(nonsending) public func map<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil, _ body: @escaping (Input) throws -> Output
  ) async throws -> [Output] {
    try await mapAsync(items, chunksize: chunksize, body).value
  }

  /// `starmap`, awaited.
  nonisolated(nonsending) public func starmap<each Argument, Output: Codable>(
    _ items: some Sequence<(repeat each Argument)>, chunksize: Int? = nil,
    _ body: @escaping (repeat each Argument) throws -> Output
  ) async throws -> [Output] {
    try await mapAsync(items, chunksize: chunksize) { arguments in try body(repeat each arguments) }.value
  }

  /// `apply`, awaited.
  nonisolated(nonsending) public func apply<Output: Codable>(_ body: @escaping () throws -> Output) async throws
    -> Output
  {
    guard let batch = try submit(
      IndexedFeed(count: 1) { _ in try body() }, count: 1, chunksize: 1, window: false, ordered: true)
    else { throw PoolError.closed }
    return try CancellableWait.poll(cancel: batch.terminate) { deadline in
      batch.waitOutcome(of: 0, deadline: deadline)
    }.get()
  }

  /// Starts `map` and returns at once (Python's `map_async`): the workers run while the caller goes on,
  /// and `get()` (or `try await result.value`) collects the values in input order.
  ///
  /// With `callback` or `errorCallback` (Python's `callback`/`error_callback`), exactly one of them runs (the
  /// values in input order, or the lowest-numbered task's `PoolError`) before `get()`/`wait()` return. The pool
  /// starts no thread, so they run on the thread that drives the pool once the last task is in: during any
  /// wait on the pool (`get`, `wait`, `ready` of any handle, `map`, `join`, …) or `terminate()`; for an empty
  /// input, at once.
  /// - Throws: `closed`, `invalidArgument`, `threadedProcess` at submission; task failures come from `get`.
  public func mapAsync<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil,
    callback: (([Output]) -> Void)? = nil, errorCallback: ((PoolError) -> Void)? = nil,
    _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> MapResult<Output> {
    let input = try IndexedInput(items, limit: PoolSizing.mapLimit(of: Output.self))
    let batch = try submit(
      IndexedFeed(count: input.count) { try body(input.element($0)) }, count: input.count, chunksize: chunksize,
      window: false, ordered: true)
    guard let callbacks = CompletionCallbacks(callback: callback, errorCallback: errorCallback) else {
      return MapResult(batch: batch) { batch?.terminate() }
    }
    guard let batch else {
      callbacks.deliver(.success([]))
      return MapResult(batch: nil, cancel: {}, callbacks: callbacks)
    }
    batch.onComplete = { store in callbacks.deliver(Result { () throws(PoolError) in try store.peekOrderedValues() }) }
    batch.reportCompletion()  // a batch that could fork no worker failed already: its callback runs now
    return MapResult(
      batch: batch, cancel: { batch.terminate() }, waitComplete: { batch.waitComplete(deadline: $0) },
      callbacks: callbacks)
  }

  /// `starmap` started at once (Python's `starmap_async`); callbacks as for `mapAsync`.
  public func starmapAsync<each Argument, Output: Codable>(
    _ items: some Sequence<(repeat each Argument)>, chunksize: Int? = nil,
    callback: (([Output]) -> Void)? = nil, errorCallback: ((PoolError) -> Void)? = nil,
    _ body: @escaping (repeat each Argument) throws -> Output
  ) throws(PoolError) -> MapResult<Output> {
    try mapAsync(items, chunksize: chunksize, callback: callback, errorCallback: errorCallback) { arguments in
      try body(repeat each arguments)
    }
  }
}
