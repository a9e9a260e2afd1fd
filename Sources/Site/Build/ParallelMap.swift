import Multiprocessing

/// Applies `transform` to every item on up to `jobs` threads of the project's own pool engine and returns the
/// results in the items' order.
///
/// One item per task by default (`chunksize: 1`): an item is usually a whole lesson, seconds of work, so handing them
/// out one at a time costs nothing and keeps every thread busy (with chunks of 4, a site of up to 4 lessons ran on
/// one thread); items of microseconds (a folder to look at) go in larger chunks.
///
/// Threads only: the builder never forks (a fork-based pool in a multi-threaded process is what FINDINGS.md warns
/// against). Should the pool refuse to start (it cannot create a thread), the items are done one by one on the
/// calling thread, so that a build still finishes.
func parallelMap<Item: Sendable, Result: Sendable>(
  _ items: [Item], jobs: Int, chunksize: Int = 1, _ transform: @escaping @Sendable (Item) -> Result
) -> [Result] {
  guard items.count > 1, jobs > 1 else { return items.map(transform) }
  let workers = min(jobs, items.count)
  if let results = try? withThreadPool(workers, { pool in try pool.map(items, chunksize: chunksize, transform) }) {
    return results
  }
  return items.map(transform)
}
