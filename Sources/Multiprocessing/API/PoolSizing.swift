import Glibc

/// Pool sizes and chunk sizes, computed the way Python's `multiprocessing` does.
public enum PoolSizing {
  /// The number of CPUs this process may run on (`sched_getaffinity`), at least 1.
  ///
  /// This is the default pool size: a container or `taskset` limit is honoured, unlike a count of all CPUs.
  public static var usableCPUs: Int {
    // Glibc declares sched_getaffinity only under _GNU_SOURCE, which Swift's Glibc module does not define;
    // the function itself is not variadic, so calling it through its address is an ordinary C call.
    typealias GetAffinity = @convention(c) (Int32, Int, UnsafeMutableRawPointer) -> Int32
    if let symbol = dlsym(nil, "sched_getaffinity") {
      let getAffinity = unsafeBitCast(symbol, to: GetAffinity.self)
      var mask = [UInt8](repeating: 0, count: 128)  // room for 1,024 CPUs, as cpu_set_t
      let status = mask.withUnsafeMutableBytes { bytes -> Int32 in
        guard let base = bytes.baseAddress else { return -1 }
        return getAffinity(0, bytes.count, base)
      }
      let count = mask.reduce(0) { $0 + $1.nonzeroBitCount }
      if status == 0, count > 0 { return count }
    }
    return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
  }

  /// Python's default chunksize for `map`: ceil(count / (4 × workers)), at least 1.
  public static func defaultChunksize(count: Int, workers: Int) -> Int {
    let per = 4 * max(1, workers)
    return max(1, (count + per - 1) / per)
  }

  /// Checks a size argument and returns it, or throws `PoolError.invalidArgument`.
  static func positive(_ value: Int, name: String) throws(PoolError) -> Int {
    guard value > 0 else { throw .invalidArgument(name: name, value: value, requirement: "must be at least 1") }
    return value
  }
}
