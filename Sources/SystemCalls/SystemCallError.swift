import Glibc

/// A system call that failed: which call, and the `errno` it left.
public struct SystemCallError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The call that failed, as a reader would search for it (`"pipe2"`, `"waitpid"`).
  public let call: String
  /// The `errno` value it set.
  public let errno: Int32

  public init(call: String, errno: Int32) {
    self.call = call
    self.errno = errno
  }

  public var description: String { "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))" }
}
