internal import SystemCalls
import Glibc

/// Pool sizes and chunk sizes, computed the way Python's `multiprocessing` does.
public enum PoolSizing {
  /// The number of CPUs this process may run on (`sched_getaffinity`), at least 1.
  ///
  /// This is the default pool size: a container or `taskset` limit is honoured, unlike a count of all CPUs.
  public static var usableCPUs: Int {
    ProcessCalls.usableCPUCount ?? max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// Python's default chunksize for `map`: ceil(count / (4 × workers)), at least 1.
  public static func defaultChunksize(count: Int, workers: Int) -> Int {
    let per = 4 * max(1, workers)
    return max(1, (count + per - 1) / per)
  }

  /// How many chunks an `imap` runs ahead of the oldest result its consumer has not taken: 4 per worker, as
  /// the docs promise, and at least 64 tasks' worth, so that workers wake for a run of tasks, not for each.
  static func windowChunks(workers: Int, chunksize: Int) -> Int {
    max(4 * max(1, workers), (64 + chunksize - 1) / max(1, chunksize))
  }

  /// Checks a size argument and returns it, or throws `PoolError.invalidArgument`.
  static func positive(_ value: Int, name: String) throws(PoolError) -> Int {
    guard value > 0 else { throw .invalidArgument(name: name, value: value, requirement: "must be at least 1") }
    return value
  }
}
