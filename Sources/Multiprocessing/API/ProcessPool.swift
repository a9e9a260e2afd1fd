import Glibc

/// A pool of worker processes, the Swift counterpart of Python's `multiprocessing.Pool`.
///
/// Workers are forked from the caller when work is submitted, so the task closure and its inputs need no
/// serialization (closures may capture anything); only results travel back, over pipes, as raw bytes for
/// plain numbers and in a compact binary Codable form otherwise. Workers claim chunks of tasks from a shared
/// queue, so one slow task never idles the others. A worker that dies (SIGKILL, a trap, a segfault) fails
/// only the task it was running, with `PoolError.workerDied`; the pool forks a replacement and never hangs.
///
/// ```swift
/// let squares = try withProcessPool(5) { pool in try pool.map(0..<10) { $0 * $0 } }
/// ```
///
/// Not thread-safe: use a pool from one thread. The calling thread drives the workers while it waits, so
/// the pool starts no thread of its own and the process stays safe to fork.
public final class ProcessPool {
  /// The maximum number of worker processes running at once.
  public let workers: Int
  /// A worker exits and is replaced after running this many tasks (nil: no limit).
  public let maxTasksPerChild: Int?
  /// A task running longer than this is stopped by killing its worker, and fails with `PoolError.timeout`.
  public let taskTimeout: Duration?
  /// What to do when forking a process that runs other threads.
  public let whenThreaded: ThreadedProcessPolicy
  private let initializer: (() throws -> Void)?
  /// The worker budget and event loop shared by the outstanding batches: `applyAsync` and `map` held strongly
  /// (their work finishes even if the handle is dropped), `imap` weakly (dropping its results stops its
  /// workers instead of running the rest at join).
  private let driver: PoolDriver
  private var state = State.open

  private enum State { case open, closed, terminated }

  /// Creates a pool; no process starts until work is submitted.
  ///
  /// - Parameters:
  ///   - workers: pool size; defaults to the CPUs this process may use (`PoolSizing.usableCPUs`).
  ///   - maxTasksPerChild: recycle a worker after this many tasks (Python's `maxtasksperchild`).
  ///   - taskTimeout: kill a worker whose task runs longer, and report `PoolError.timeout` for it.
  ///   - whenThreaded: `.refuse` (default) throws instead of forking a multi-threaded process.
  ///   - initializer: runs once in each worker process before its first task.
  /// - Throws: `PoolError.invalidArgument` for a size or limit below 1, or a size above `2^20`.
  public init(
    workers: Int? = nil, maxTasksPerChild: Int? = nil, taskTimeout: Duration? = nil,
    whenThreaded: ThreadedProcessPolicy = .refuse, initializer: (() throws -> Void)? = nil
  ) throws(PoolError) {
    self.workers = try PoolSizing.poolSize(workers ?? PoolSizing.usableCPUs)
    if let maxTasksPerChild { _ = try PoolSizing.positive(maxTasksPerChild, name: "maxTasksPerChild") }
    if let taskTimeout, taskTimeout <= .zero {
      throw .invalidArgument(
        name: "taskTimeout (ms)", value: taskTimeout.saturatingMilliseconds, requirement: "must be positive")
    }
    self.maxTasksPerChild = maxTasksPerChild
    self.taskTimeout = taskTimeout
    self.whenThreaded = whenThreaded
    self.initializer = initializer
    driver = PoolDriver(limit: self.workers)
  }

  /// Finishes outstanding `map`/`applyAsync` work, so no worker outlives the pool. An `imap` whose results are
  /// still held goes on without the pool: its consumer drives it (dropping the results stops it).
  deinit { driver.finishAll(strongOnly: true) }

  /// Applies `body` to every item in worker processes and returns the results in input order.
  ///
  /// Blocks until all tasks finish. `chunksize` defaults to Python's ceil(count / (4 × workers)).
  /// - Throws: the `PoolError` of the lowest-numbered task that failed (`taskFailed`, `workerDied`,
  ///   `timeout`, `encoding`), after every task ran; `closed`, `invalidArgument`, `threadedProcess`.
  @available(*, noasync, message: "use `try await pool.map(…)`, which the awaiting task can cancel")
  public func map<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil, _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> [Output] {
    let input = try IndexedInput(items, limit: PoolSizing.mapLimit(of: Output.self))
    guard let batch = try submit(
      IndexedFeed(count: input.count) { try body(input.element($0)) }, count: input.count, chunksize: chunksize,
      window: false, ordered: true)
    else { return [] }
    return try batch.collectAll()
  }

  /// `map` for items that are argument tuples: `pool.starmap([(2, 3), (4, 5)]) { a, b in a * b }`.
  @available(*, noasync, message: "use `try await pool.map(…)`, which the awaiting task can cancel")
  public func starmap<each Argument, Output: Codable>(
    _ items: some Sequence<(repeat each Argument)>, chunksize: Int? = nil,
    _ body: @escaping (repeat each Argument) throws -> Output
  ) throws(PoolError) -> [Output] {
    try map(items, chunksize: chunksize) { arguments in try body(repeat each arguments) }
  }

  /// Like `map`, but lazy: results are yielded in input order as they arrive, and workers run at most a few
  /// chunks ahead of the consumer, so memory stays bounded on huge inputs. `chunksize` defaults to 1.
  ///
  /// A random-access collection (an array, a range) is read in place by the workers. Any other sequence is
  /// pulled a segment at a time (32,768 items or a window, whichever is larger, doubling up to 131,072), as workers are forked for it,
  /// so an endless sequence works and a lazy one is never read whole. `join()` stops an imap over such a
  /// sequence that nobody reads, instead of running it to an end it may not have.
  public func imap<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int = 1, _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    try lazyResults(items, chunksize: chunksize, ordered: true, body)
  }

  /// Like `imap`, but results are yielded in the order tasks finish.
  public func imapUnordered<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int = 1, _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    try lazyResults(items, chunksize: chunksize, ordered: false, body)
  }

  /// Runs `body` once in a worker process and returns its result (Python's `apply`).
  @available(*, noasync, message: "use `try await pool.map(…)`, which the awaiting task can cancel")
  public func apply<Output: Codable>(_ body: @escaping () throws -> Output) throws(PoolError) -> Output {
    try applyAsync(body).get()
  }

  /// Starts `body` in a worker process and returns a handle to its result at once (Python's `apply_async`).
  ///
  /// When `workers` processes are already busy, the task waits in the pool's queue (as in Python) and starts
  /// when a worker slot frees, which happens whenever the pool is waited on (`get`, `wait`, `ready`, `map`, …).
  ///
  /// With `callback` or `errorCallback` (Python's `callback`/`error_callback`), exactly one of them runs (the
  /// value, or the `PoolError` that `get` throws) before `get()`/`wait()` return. The pool starts no thread
  /// (that keeps it safe to fork), so they run on the thread that drives the pool when the result arrives:
  /// during any wait on the pool (`get`, `wait`, `ready` of any handle, `map`, `join`, …) or `terminate()`.
  public func applyAsync<Output: Codable>(
    callback: ((Output) -> Void)? = nil, errorCallback: ((PoolError) -> Void)? = nil,
    _ body: @escaping () throws -> Output
  ) throws(PoolError) -> AsyncResult<Output> {
    guard let batch = try submit(
      IndexedFeed(count: 1) { _ in try body() }, count: 1, chunksize: 1, window: false, ordered: true)
    else { throw .closed }
    let callbacks = CompletionCallbacks(callback: callback, errorCallback: errorCallback)
    if let callbacks {
      batch.onComplete = { store in
        if let outcome = store.peek(0) { callbacks.deliver(outcome) }
      }
      batch.reportCompletion()  // a batch that could fork no worker failed already: its callback runs now
    }
    return AsyncResult(batch: batch, callbacks: callbacks)
  }

  /// Accepts no more work; outstanding work goes on. Safe to call twice.
  public func close() {
    if state == .open { state = .closed }
  }

  /// Closes the pool (as `ThreadPool.join()` does; Python raises unless `close()` came first), waits until all
  /// outstanding work has finished, and reaps every worker process. An `imap` whose results are still held
  /// is run to its end (its results wait in memory), except over a sequence that may be endless: that one is
  /// stopped, its unread tasks failing with `PoolError.terminated`.
  public func join() {
    close()
    driver.finishAll(strongOnly: false)
  }

  /// Stops at once: kills every worker (SIGKILL), reaps it, closes its pipe. Unfinished tasks fail with
  /// `PoolError.terminated`; no child process, zombie or descriptor is left behind. Costs the same however
  /// many tasks are pending.
  public func terminate() {
    state = .terminated
    driver.terminateAll()
  }

  // Submission:

  private func lazyResults<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int, ordered: Bool, _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    let feed: any ProcessTaskFeed<Output>
    let count: Int
    if let input = IndexedInput(indexing: items) {
      feed = IndexedFeed(count: input.count) { try body(input.element($0)) }
      count = input.count
    } else {
      feed = StreamedFeed(items, body)
      count = Int.max
    }
    let batch = try submit(feed, count: count, chunksize: chunksize, window: true, ordered: ordered)
    return PoolResults(batch: batch ?? EmptyBatch(), ordered: ordered)
  }

  func submit<Output: Codable>(
    _ feed: any ProcessTaskFeed<Output>, count: Int, chunksize: Int?, window: Bool, ordered: Bool
  ) throws(PoolError) -> ProcessBatch<Output>? {
    guard state == .open else { throw .closed }
    let requested = try PoolSizing.positive(
      chunksize ?? PoolSizing.defaultChunksize(count: count, workers: workers), name: "chunksize")
    let known = count == Int.max ? nil : count
    let size = window
      ? PoolSizing.fittedWindowed(requested, count: known) : PoolSizing.fitted(requested, count: known)
    guard count > 0 else { return nil }
    try ForkGate.checkThreads(whenThreaded)
    // Workers of finished work are reaped first, so their slots serve this batch.
    driver.pump(deadline: .now)
    let plan = BatchPlan(
      count: count, chunksize: size, maxTasksPerChild: maxTasksPerChild, taskTimeout: taskTimeout,
      windowChunks: window ? PoolSizing.windowChunks(workers: workers, chunksize: size) : nil)
    let batch = try ProcessBatch(
      plan: plan, driver: driver, ordered: ordered, feed: feed, initializer: initializer)
    driver.add(batch, strong: !window)
    return batch
  }
}
