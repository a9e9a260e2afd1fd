import Glibc

/// Glibc functions that Swift's Glibc module hides (they are declared only under `_GNU_SOURCE`).
///
/// They are not variadic, so calling them through their address with their C signature is an ordinary call.
enum GNUCalls {
  private typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
  private static let pipe2Function: Pipe2? = dlsym(nil, "pipe2").map {
    unsafeBitCast($0, to: Pipe2.self)
  }

  /// `pipe2(fds, O_CLOEXEC)`: both ends close on exec, atomically (no window for another thread's fork+exec).
  static func cloexecPipe() throws(PoolError) -> (read: Int32, write: Int32) {
    var ends: [Int32] = [-1, -1]
    guard let pipe2Function else { throw .system(call: "pipe2 (symbol not found)", errno: ENOSYS) }
    guard pipe2Function(&ends, O_CLOEXEC) == 0 else { throw .system(call: "pipe2", errno: errno) }
    return (ends[0], ends[1])
  }
}
