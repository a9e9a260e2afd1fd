import Glibc

/// Reads and writes on raw file descriptors that survive signals: every call is retried on `EINTR`, and a write
/// goes on until every byte is out. The one place in the package that loops around `read(2)` and `write(2)`.
public enum FileDescriptorIO {
  /// One `read(2)` into `buffer`, retried on `EINTR`. Returns the byte count (0 at end of file), or nil when the
  /// descriptor is non-blocking and has nothing now (`EAGAIN`). Throws on any other error.
  public static func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer) throws(SystemCallError)
    -> Int?
  {
    guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
    while true {
      let count = Glibc.read(descriptor, base, buffer.count)
      if count >= 0 { return count }
      let error = errno
      if error == EINTR { continue }
      if error == EAGAIN || error == EWOULDBLOCK { return nil }
      throw SystemCallError(call: "read", errno: error)
    }
  }

  /// Writes every byte of `bytes`, retrying on `EINTR` and short writes. On a non-blocking descriptor that is
  /// full it waits with `poll(2)` for room. Throws on any other error (`EPIPE` when the reader has gone).
  public static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(SystemCallError) {
    guard let base = bytes.baseAddress else { return }
    var offset = 0
    while offset < bytes.count {
      let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
      if written >= 0 {
        offset += written
        continue
      }
      let error = errno
      if error == EINTR { continue }
      if error == EAGAIN || error == EWOULDBLOCK {
        var entry = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        _ = poll(&entry, 1, -1)
        continue
      }
      throw SystemCallError(call: "write", errno: error)
    }
  }

  /// Writes every byte of `bytes` (see `writeAll(_:_:)` with a raw buffer).
  public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(SystemCallError) {
    let failure: SystemCallError? = bytes.withUnsafeBytes { buffer in
      do throws(SystemCallError) {
        try writeAll(descriptor, buffer)
        return nil
      } catch { return error }
    }
    if let failure { throw failure }
  }

  /// Writes the UTF-8 bytes of `text` (see `writeAll(_:_:)` with a raw buffer).
  public static func writeAll(_ descriptor: Int32, _ text: String) throws(SystemCallError) {
    try writeAll(descriptor, Array(text.utf8))
  }

  /// `close(2)`, ignoring `EINTR` (on Linux the descriptor is closed even then; retrying could close another's).
  public static func close(_ descriptor: Int32) {
    guard descriptor >= 0 else { return }
    _ = Glibc.close(descriptor)
  }
}
