import Dispatch
import Synchronization

/// Applies `transform` to every item on up to `jobs` threads and returns the results in the items' order.
///
/// Threads only: the builder never forks (a fork-based pool in a multi-threaded process is what FINDINGS.md warns
/// against).
///
/// TODO(pool): once `ThreadPool` is on main, `import Multiprocessing` (add it to the Site target) and start the
/// body with the project's pool engine, keeping the Dispatch code below as the fallback for a pool error:
/// `if let results = try? withThreadPool(jobs, { pool in try pool.map(items, chunksize: 4, transform) }) { return results }`
func parallelMap<Item: Sendable, Result: Sendable>(
  _ items: [Item], jobs: Int, _ transform: @escaping @Sendable (Item) -> Result
) -> [Result] {
  guard !items.isEmpty else { return [] }
  let next = Atomic<Int>(0)
  let results = Mutex<[Result?]>(Array(repeating: nil, count: items.count))
  DispatchQueue.concurrentPerform(iterations: min(max(1, jobs), items.count)) { _ in
    while true {
      let index = next.add(1, ordering: .relaxed).oldValue
      guard index < items.count else { return }
      let result = transform(items[index])
      results.withLock { $0[index] = result }
    }
  }
  return results.withLock { $0.compactMap { $0 } }
}
