#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A TCP socket on 127.0.0.1 that listens but never accepts or answers: the kernel completes the handshake, so a
/// client connects, sends its request and waits — the case only a total timeout can end.
final class SilentListener {
  let port: Int
  private let descriptor: Int32

  init() throws {
    (descriptor, port) = try Self.bound(listen: true)
  }

  deinit { close(descriptor) }

  var url: String { "http://127.0.0.1:\(port)/api/version" }

  /// A port that nothing listens on: bound, then closed.
  static func closedPort() throws -> Int {
    let (descriptor, port) = try bound(listen: false)
    close(descriptor)
    return port
  }

  struct SocketError: Error, CustomStringConvertible {
    var step: String
    var description: String { "\(step) failed: errno \(errno)" }
  }

  private static func bound(listen shouldListen: Bool) throws -> (Int32, Int) {
    #if canImport(Glibc)
      let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let descriptor = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard descriptor >= 0 else { throw SocketError(step: "socket") }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let result = withUnsafeMutablePointer(to: &address) { pointer in
      pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic -> Int32 in
        guard bind(descriptor, generic, length) == 0 else { return -1 }
        if shouldListen, listen(descriptor, 16) != 0 { return -2 }
        return getsockname(descriptor, generic, &length)
      }
    }
    guard result == 0 else {
      close(descriptor)
      throw SocketError(step: result == -1 ? "bind" : result == -2 ? "listen" : "getsockname")
    }
    return (descriptor, Int(UInt16(bigEndian: address.sin_port)))
  }
}
