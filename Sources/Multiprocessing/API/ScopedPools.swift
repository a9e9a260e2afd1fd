/// Runs `body` with a `ProcessPool` of `workers` processes, then closes and joins it — unlike Python's
/// `with Pool()`, which terminates and so kills unfinished `apply_async` work.
///
/// ```swift
/// let squares = try withProcessPool(5) { pool in try pool.map(0..<10) { $0 * $0 } }
/// ```
/// - Throws: `PoolError` from creating the pool, or whatever `body` throws (after the pool was joined).
public func withProcessPool<Result>(
  _ workers: Int? = nil, maxTasksPerChild: Int? = nil, taskTimeout: Duration? = nil,
  whenThreaded: ThreadedProcessPolicy = .refuse, initializer: (() throws -> Void)? = nil,
  _ body: (ProcessPool) throws -> Result
) throws -> Result {
  let pool = try ProcessPool(
    workers: workers, maxTasksPerChild: maxTasksPerChild, taskTimeout: taskTimeout, whenThreaded: whenThreaded,
    initializer: initializer)
  defer {
    pool.close()
    pool.join()
  }
  return try body(pool)
}

/// Runs `body` with a `ThreadPool` of `workers` threads, then closes it and joins every thread.
///
/// ```swift
/// let lengths = try withThreadPool(4) { pool in try pool.map(pages) { $0.count } }
/// ```
public func withThreadPool<Result>(
  _ workers: Int? = nil, initializer: (@Sendable () throws -> Void)? = nil, _ body: (ThreadPool) throws -> Result
) throws -> Result {
  let pool = try ThreadPool(workers: workers, initializer: initializer)
  defer { pool.join() }
  return try body(pool)
}
