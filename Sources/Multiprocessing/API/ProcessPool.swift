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
  /// Outstanding batches: `applyAsync` and `map` held strongly (their work finishes even if the handle is
  /// dropped), `imap` weakly (dropping its results stops its workers instead of running the rest at join).
  private var active: [BatchReference] = []
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
  /// - Throws: `PoolError.invalidArgument` for a size or limit below 1.
  public init(
    workers: Int? = nil, maxTasksPerChild: Int? = nil, taskTimeout: Duration? = nil,
    whenThreaded: ThreadedProcessPolicy = .refuse, initializer: (() throws -> Void)? = nil
  ) throws(PoolError) {
    self.workers = try PoolSizing.positive(workers ?? PoolSizing.usableCPUs, name: "pool size")
    if let maxTasksPerChild { _ = try PoolSizing.positive(maxTasksPerChild, name: "maxTasksPerChild") }
    if let taskTimeout, taskTimeout <= .zero {
      let milliseconds = Int(taskTimeout.components.seconds) * 1000
        + Int(taskTimeout.components.attoseconds / 1_000_000_000_000_000)
      throw .invalidArgument(name: "taskTimeout (ms)", value: milliseconds, requirement: "must be positive")
    }
    self.maxTasksPerChild = maxTasksPerChild
    self.taskTimeout = taskTimeout
    self.whenThreaded = whenThreaded
    self.initializer = initializer
  }

  /// Finishes outstanding `applyAsync`/`imap` work (as `join()`), so no worker outlives the pool.
  deinit { join() }

  /// Applies `body` to every item in worker processes and returns the results in input order.
  ///
  /// Blocks until all tasks finish. `chunksize` defaults to Python's ceil(count / (4 × workers)).
  /// - Throws: the `PoolError` of the lowest-numbered task that failed (`taskFailed`, `workerDied`,
  ///   `timeout`, `encoding`), after every task ran; `closed`, `invalidArgument`, `threadedProcess`.
  @available(*, noasync, message: "use `try await pool.map(…)`, which the awaiting task can cancel")
  public func map<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int? = nil, _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> [Output] {
    let input = IndexedInput(items)
    guard let batch = try submit(count: input.count, chunksize: chunksize, window: false, ordered: true, {
      try body(input.element($0))
    }) else { return [] }
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
  /// When `workers` processes are already busy with earlier asynchronous work, this first waits for the
  /// oldest of it to finish, so the pool never runs more than `workers` processes.
  public func applyAsync<Output: Codable>(_ body: @escaping () throws -> Output) throws(PoolError)
    -> AsyncResult<Output>
  {
    guard let batch = try submit(count: 1, chunksize: 1, window: false, ordered: true, { _ in try body() }) else {
      throw .closed
    }
    return AsyncResult(batch: batch)
  }

  /// Accepts no more work; outstanding work goes on. Safe to call twice.
  public func close() {
    if state == .open { state = .closed }
  }

  /// Waits until all outstanding work has finished and every worker process has been reaped.
  public func join() {
    for reference in active { reference.batch?.finishWorkers() }
    active.removeAll()
  }

  /// Stops at once: kills every worker (SIGKILL), reaps it, closes its pipe. Unfinished tasks fail with
  /// `PoolError.terminated`; no child process, zombie or descriptor is left behind.
  public func terminate() {
    state = .terminated
    for reference in active { reference.batch?.terminate() }
    active.removeAll()
  }

  // Submission:

  private func lazyResults<Input, Output: Codable>(
    _ items: some Sequence<Input>, chunksize: Int, ordered: Bool, _ body: @escaping (Input) throws -> Output
  ) throws(PoolError) -> PoolResults<Output> {
    let input = IndexedInput(items)
    let batch = try submit(count: input.count, chunksize: chunksize, window: true, ordered: ordered) {
      try body(input.element($0))
    }
    return PoolResults(batch: batch ?? EmptyBatch(), ordered: ordered)
  }

  func submit<Output: Codable>(
    count: Int, chunksize: Int?, window: Bool, ordered: Bool, _ task: @escaping (Int) throws -> Output
  ) throws(PoolError) -> ProcessBatch<Output>? {
    guard state == .open else { throw .closed }
    let size = try PoolSizing.positive(
      chunksize ?? PoolSizing.defaultChunksize(count: count, workers: workers), name: "chunksize")
    guard count > 0 else { return nil }
    try ForkGate.checkThreads(whenThreaded)
    // Finished batches leave; if every worker slot is busy, the oldest outstanding work finishes first.
    for reference in active { reference.batch?.reapExited() }
    active.removeAll { $0.batch?.isDone ?? true }
    while busyWorkers >= workers, let oldest = active.first {
      oldest.batch?.finishWorkers()
      active.removeFirst()
    }
    let free = workers - busyWorkers
    let plan = BatchPlan(
      count: count, chunksize: size, maxTasksPerChild: maxTasksPerChild, taskTimeout: taskTimeout,
      windowChunks: window ? 4 * workers : nil)
    let batch = try ProcessBatch(plan: plan, workers: free, ordered: ordered, initializer: initializer, task: task)
    active.append(BatchReference(batch, strong: !window))
    return batch
  }

  private var busyWorkers: Int { active.reduce(0) { $0 + ($1.batch?.liveWorkers ?? 0) } }
}
