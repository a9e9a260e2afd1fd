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

  /// Python's default chunksize for `map`: ceil(count / (4 × workers)), at least 1 (any count: no overflow).
  public static func defaultChunksize(count: Int, workers: Int) -> Int {
    max(1, chunks(of: count, chunksize: saturatingProduct(4, max(1, workers))))
  }

  /// How many chunks an `imap` runs ahead of the oldest result its consumer has not taken: 4 per worker, as
  /// the docs promise, and at least 64 tasks' worth, so that workers wake for a run of tasks, not for each.
  static func windowChunks(workers: Int, chunksize: Int) -> Int {
    max(4 * max(1, workers), chunks(of: 64, chunksize: chunksize))
  }

  /// The largest chunk of an input whose length is not known in advance (a lazy or endless sequence).
  static let largestStreamedChunk = 1 << 20

  /// The chunksize a batch runs with: the requested one, cut to the input's length (one chunk of the whole input
  /// is the same work), or to `largestStreamedChunk` for an input of unknown length, so that no chunk arithmetic
  /// overflows, whatever the caller asked for (`Int.max` included).
  static func fitted(_ chunksize: Int, count: Int?) -> Int {
    min(chunksize, max(1, count ?? largestStreamedChunk))
  }

  /// The chunksize an `imap` runs with: as `fitted`, and never above `largestStreamedChunk`, whatever the input's
  /// length: its result ring holds a window of whole chunks, so a chunk of `0..<Int.max` must not be the input.
  static func fittedWindowed(_ chunksize: Int, count: Int?) -> Int {
    fitted(chunksize, count: min(count ?? largestStreamedChunk, largestStreamedChunk))
  }

  /// The most results a `map` of `Output` may hold: all of them live in memory at once, in one buffer, so their
  /// bytes must fit the address space and this machine's memory (beyond it the allocation fails, and a failed
  /// allocation traps). Python's `map` raises `MemoryError` there.
  static func mapLimit<Output>(of _: Output.Type) -> Int {
    let stride = max(1, MemoryLayout<Output>.stride)
    let pages = max(1, sysconf(Int32(_SC_PHYS_PAGES)))
    let pageSize = max(1, sysconf(Int32(_SC_PAGESIZE)))
    return saturatingProduct(pages, pageSize) / stride
  }

  /// Checks the length of a `map`'s input against `mapLimit` and returns it, or throws
  /// `PoolError.invalidArgument` (before any task starts: a map that cannot hold its results never runs).
  static func mapLength(_ count: Int, limit: Int) throws(PoolError) -> Int {
    guard count <= limit else { throw tooLongForMap(count, limit: limit) }
    return count
  }

  static func tooLongForMap(_ count: Int, limit: Int) -> PoolError {
    .invalidArgument(
      name: "map input length", value: count,
      requirement: "must be at most \(limit): map holds every result in memory at once; imap streams them")
  }

  /// ceil(count / chunksize) without the overflow of `(count + chunksize - 1) / chunksize`.
  static func chunks(of count: Int, chunksize: Int) -> Int {
    let size = max(1, chunksize)
    return count / size + (count % size == 0 ? 0 : 1)
  }

  /// `a * b`, or `Int.max` where the product does not fit: for capacities that are cut to a count afterwards.
  static func saturatingProduct(_ a: Int, _ b: Int) -> Int {
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
  }

  /// Checks a size argument and returns it, or throws `PoolError.invalidArgument`.
  static func positive(_ value: Int, name: String) throws(PoolError) -> Int {
    guard value > 0 else { throw .invalidArgument(name: name, value: value, requirement: "must be at least 1") }
    return value
  }

  /// The most workers a pool takes: far more processes or threads than any machine runs at once, and small
  /// enough that the sizes derived from it (chunks, windows, buffers) cannot overflow.
  static let largestPool = 1 << 20

  /// Checks a pool size and returns it, or throws `PoolError.invalidArgument` (below 1, above `largestPool`).
  static func poolSize(_ value: Int) throws(PoolError) -> Int {
    let size = try positive(value, name: "pool size")
    guard size <= largestPool else {
      throw .invalidArgument(name: "pool size", value: size, requirement: "must be at most \(largestPool)")
    }
    return size
  }
}
