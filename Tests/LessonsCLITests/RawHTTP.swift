import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A tiny HTTP/1.1 client on a raw socket, so that a test can send a request target exactly as written
/// (`/../etc/passwd`), which URL-based clients normalise away.
enum RawHTTP {
  /// A port that was free a moment ago on 127.0.0.1.
  static func freePort() throws -> UInt16 {
    let socket = try openSocket()
    defer { close(socket) }
    var address = loopback(port: 0)
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0 else { throw RunnerError("bind failed: errno \(errno)") }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }

  /// Whether something accepts connections on 127.0.0.1:`port`.
  static func isListening(port: UInt16) -> Bool {
    guard let socket = try? openSocket() else { return false }
    defer { close(socket) }
    var address = loopback(port: port)
    return withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
  }

  /// Sends `GET target` and returns the status code and the whole response text.
  static func get(_ target: String, port: UInt16) throws -> (status: Int, response: String) {
    try send(Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8), port: port)
  }

  /// Sends `request` as is (from a thread of its own, so that a server answering before the end is heard) and
  /// returns the status code and the whole response text; waits at most `seconds` for the answer.
  static func send(_ request: [UInt8], port: UInt16, seconds: Int = 10) throws -> (status: Int, response: String) {
    let socket = try openSocket()
    defer { close(socket) }
    var timeout = timeval(tv_sec: seconds, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    var address = loopback(port: port)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else { throw RunnerError("cannot connect to port \(port): errno \(errno)") }
    let sent = Handoff<Bool>()
    let sender = Thread {
      var offset = 0
      while offset < request.count {
        let count = request[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        if count <= 0 { break }
        offset += count
      }
      sent.set(true)
    }
    sender.start()
    // Whatever the sender still has to send fails at once after this, so that waiting for it is bounded.
    defer {
      shutdown(socket, Int32(SHUT_RDWR))
      _ = sent.waitAndGet()
    }
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = recv(socket, &buffer, buffer.count, 0)
      if count <= 0 { break }
      data.append(contentsOf: buffer[0..<count])
    }
    let text = String(decoding: data, as: UTF8.self)
    let status = text.split(separator: " ", maxSplits: 2).dropFirst().first.flatMap { Int($0) } ?? 0
    return (status, text)
  }

  /// A connection to 127.0.0.1:`port` that sends nothing (for the caller to close), or nil when it cannot connect;
  /// with `receiveBuffer`, its receive buffer is that small (a client that does not read then soon stops the
  /// server's writes: the kernel no longer takes megabytes for it).
  static func idleConnection(port: UInt16, receiveBuffer: Int32? = nil) -> Int32? {
    guard let socket = try? openSocket() else { return nil }
    if var size = receiveBuffer {
      setsockopt(socket, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
    }
    var address = loopback(port: port)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard connected == 0 else {
      close(socket)
      return nil
    }
    return socket
  }

  private static func openSocket() throws -> Int32 {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw RunnerError("socket failed: errno \(errno)") }
    return socket
  }

  private static func loopback(port: UInt16) -> sockaddr_in {
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    return address
  }
}
