/// A pool of threads with the same API as `ProcessPool`: Python's `multiprocessing.pool.ThreadPool`.
///
/// Swift has no global interpreter lock, so the threads run truly in parallel, CPU-bound work included.
/// Tasks share memory with the caller (no result encoding, so results need only be `Sendable`). Threads
/// cannot be killed, so there is no task timeout. `close()` + `join()` (or the scoped `withThreadPool`)
/// join every thread, so a `ProcessPool` may fork safely afterwards. Thread-safe: any thread may submit
/// work; the pool itself never forks.
///
/// ```swift
/// let lengths = try withThreadPool(4) { pool in try pool.map(urls) { fetch($0).count } }
/// ```
public final class ThreadPool: Sendable {
  /// The number of worker threads.
  public let workers: Int
  let core: ThreadCore

  /// Starts `workers` threads (default: usable CPUs), each running `initializer` once before any task.
  /// - Throws: `PoolError.invalidArgument` for a size below 1 or above `2^20`; `.initializerFailed` if an initializer threw
  ///   (the threads are then joined); `.system` if a thread cannot be created.
  public init(workers: Int? = nil, initializer: (@Sendable () throws -> Void)? = nil) throws(PoolError) {
    self.workers = try PoolSizing.poolSize(workers ?? PoolSizing.usableCPUs)
    core = ThreadCore(initializer: initializer)
    try core.start(count: self.workers)
  }

  /// Finishes the queued work and joins the threads (as `close()` then `join()`).
  deinit { core.finish() }

  /// Applies `body` to every item on the pool's threads; results in input order.
  ///
  /// `chunksize` defaults to Python's ceil(count / (4 × workers)). Throws the lowest-numbered task's
  /// `PoolError.taskFailed` after every task ran, or `.closed`, `.invalidArgument`.
  @available(*, noasync, message: "use `try await pool.map(…)`, which does not block a concurrency thread")
  public func map<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil, _ body: @escaping @Sendable (Input) throws -> Output
  ) throws(PoolError) -> [Output] {
    let input = try SendableInput(items, limit: PoolSizing.mapLimit(of: Output.self))
    let size = PoolSizing.fitted(
      try PoolSizing.positive(
        chunksize ?? PoolSizing.defaultChunksize(count: input.count, workers: workers), name: "chunksize"),
      count: input.count)
    guard input.count > 0 else {
      try core.checkOpen()  // an empty map on a closed pool fails like any other
      return []
    }
    // The threads write straight into the result array's storage: no second buffer, no final copy.
    var failure: PoolError?
    let result = [Output](unsafeUninitializedCapacity: input.count) { buffer, initialized in
      initialized = 0
      guard let storage = buffer.baseAddress else { return }
      let batch = ThreadBatch(
        source: .indexed(count: input.count) { try body(input.element($0)) }, chunksize: size, windowChunks: nil,
        ordered: true, condition: core.condition, storage: storage)
      do throws(PoolError) {
        try core.enqueue(batch, strong: true)
      } catch {
        failure = error
        return
      }
      failure = batch.finishInPlace()
      if failure == nil { initialized = input.count }
    }
    if let failure { throw failure }
    return result
  }

  /// `map` for items that are pairs of arguments: `pool.starmap([(2, 3), (4, 5)]) { a, b in a * b }`.
  @available(*, noasync, message: "use `try await pool.map(…)`, which does not block a concurrency thread")
  public func starmap<A: Sendable, B: Sendable, Output: Sendable>(
    _ items: some Sequence<(A, B)>, chunksize: Int? = nil, _ body: @escaping @Sendable (A, B) throws -> Output
  ) throws(PoolError) -> [Output] {
    try map(items, chunksize: chunksize) { pair in try body(pair.0, pair.1) }
  }

  /// `map` for items that are triples of arguments.
  @available(*, noasync, message: "use `try await pool.map(…)`, which does not block a concurrency thread")
  public func starmap<A: Sendable, B: Sendable, C: Sendable, Output: Sendable>(
    _ items: some Sequence<(A, B, C)>, chunksize: Int? = nil,
    _ body: @escaping @Sendable (A, B, C) throws -> Output
  ) throws(PoolError) -> [Output] {
    try map(items, chunksize: chunksize) { triple in try body(triple.0, triple.1, triple.2) }
  }

  /// Lazy ordered results with bounded read-ahead; `chunksize` defaults to 1.
  ///
  /// An array or a range is read in place; any other sequence is pulled a chunk at a time as workers need
  /// tasks, so an endless sequence works and a lazy one is never read ahead of the window. (`join()` stops
  /// an imap over such a sequence that nobody reads, instead of running it to an end it may not have.)
  public func imap<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int = 1, _ body: @escaping @Sendable (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    try lazyResults(items, chunksize: chunksize, ordered: true, body)
  }

  /// Lazy results in completion order.
  public func imapUnordered<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int = 1, _ body: @escaping @Sendable (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    try lazyResults(items, chunksize: chunksize, ordered: false, body)
  }

  /// Runs `body` on a pool thread and waits for its result.
  @available(*, noasync, message: "use `try await pool.map(…)`, which does not block a concurrency thread")
  public func apply<Output: Sendable>(_ body: @escaping @Sendable () throws -> Output) throws(PoolError) -> Output {
    try applyAsync(body).get()
  }

  /// Queues `body` and returns a handle to its result at once (Python's `apply_async`).
  ///
  /// With `callback` or `errorCallback`, exactly one of them runs (the value, or the `PoolError` that `get`
  /// throws), before `get()`/`wait()` return: on the pool thread that ran the task, right after it, as Python's
  /// run in its result-handler thread, so keep them short and thread-safe; a task that never ran (the pool was
  /// terminated first) has its `errorCallback` called by the first `get`/`wait`/`ready` that sees the failure.
  public func applyAsync<Output: Sendable>(
    callback: (@Sendable (Output) -> Void)? = nil, errorCallback: (@Sendable (PoolError) -> Void)? = nil,
    _ body: @escaping @Sendable () throws -> Output
  ) throws(PoolError) -> AsyncResult<Output> {
    guard let callbacks = CompletionCallbacks(callback: callback, errorCallback: errorCallback) else {
      let batch = try submit(.indexed(count: 1) { _ in try body() }, chunksize: 1, window: false, ordered: true)
      return AsyncResult(batch: batch)
    }
    // The task delivers its outcome before the batch publishes it, so `get` returns only after the callback.
    let batch = try submit(.indexed(count: 1) { index in
      do {
        let value = try body()
        callbacks.deliver(.success(value))
        return value
      } catch {
        callbacks.deliver(.failure(.taskThrew(index: index, error: error)))
        throw error
      }
    }, chunksize: 1, window: false, ordered: true)
    return AsyncResult(batch: batch, callbacks: callbacks)
  }

  /// Accepts no more work; queued work goes on. Safe to call twice.
  public func close() { core.close() }

  /// Closes the pool, waits for all queued work, and joins every thread.
  public func join() { core.finish() }

  /// Fails tasks that have not started with `PoolError.terminated`, waits for running ones (threads cannot
  /// be killed), and joins every thread.
  public func terminate() { core.stop() }

  private func lazyResults<Input: Sendable, Output: Sendable>(
    _ items: some Sequence<Input>, chunksize: Int, ordered: Bool,
    _ body: @escaping @Sendable (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    let source: ThreadTaskSource<Output>
    if let input = SendableInput(indexing: items) {
      source = .indexed(count: input.count) { try body(input.element($0)) }
    } else {
      source = .streamed(TaskStream(items, body))
    }
    let batch = try submit(source, chunksize: chunksize, window: true, ordered: ordered)
    return PoolResults(batch: batch, ordered: ordered)
  }

  func submit<Output: Sendable>(
    _ source: ThreadTaskSource<Output>, chunksize: Int, window: Bool, ordered: Bool
  ) throws(PoolError) -> ThreadBatch<Output> {
    let requested = try PoolSizing.positive(chunksize, name: "chunksize")
    let size = window
      ? PoolSizing.fittedWindowed(requested, count: source.knownCount)
      : PoolSizing.fitted(requested, count: source.knownCount)
    let batch = ThreadBatch(
      source: source, chunksize: size,
      windowChunks: window ? PoolSizing.windowChunks(workers: workers, chunksize: size) : nil,
      ordered: ordered, condition: core.condition)
    try core.enqueue(batch, strong: !window)
    return batch
  }
}

