import FlyingSocks
import Foundation
import Site

#if canImport(Glibc)
  import Glibc
#endif

/// The preview server of `lessons serve`: answers each connection's one request with a file of the site folder,
/// on 127.0.0.1 only, then closes it.
///
/// Request heads are read by `RequestHeadParser` within fixed limits (an oversized request line is answered 414
/// and oversized headers 431 as soon as the limit is crossed) and within `headDeadline`; each connection runs in a
/// task of its own, so a slow or hostile client never holds up the others. Sockets and readiness come from
/// FlyingSocks (the socket layer of FlyingFox, whose HTTP parser has no limits).
struct PreviewServer: Sendable {
  /// How long a client has to send its request head.
  static let headDeadline: Duration = .seconds(10)
  /// After refusing a request, how much of what the client still sends is read and dropped before closing, so
  /// that the client receives the answer instead of a reset.
  static let drainLimit = 1 << 20

  let port: UInt16
  let responder: PreviewResponder

  /// Binds 127.0.0.1:`port` and listens; throws when the port cannot be had. Then call `run(on:)`.
  func listen() throws -> Socket {
    let socket = try Socket(domain: AF_INET, type: .stream)
    try socket.setValue(true, for: .localAddressReuse)
    try socket.bind(to: .inet(ip4: "127.0.0.1", port: port))
    try socket.listen()
    return socket
  }

  /// Accepts connections on `socket` until the task is cancelled or the socket fails.
  func run(on socket: Socket) async throws {
    let pool: some AsyncSocketPool = .make()
    try await pool.prepare()
    let listener = try AsyncSocket(socket: socket, pool: pool)
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { try await pool.run() }
      for try await client in listener.sockets {
        group.addTask { await serve(client) }
      }
    }
  }

  /// Reads one request head (within the limits and the deadline), answers it and closes the connection.
  private func serve(_ client: AsyncSocket) async {
    defer { try? client.close() }
    let progress = await readHead(from: client)
    let response = responder.response(to: progress) ?? PreviewResponse(.requestTimeout)
    do {
      try await client.write(response.serialized)
    } catch {
      return
    }
    // A refused or unfinished request may still be arriving: read it away before closing.
    if case .complete = progress { return }
    await drain(client)
  }

  /// The parser's last word on the request: complete, rejected, or `needMore` when the client went quiet or away.
  private func readHead(from client: AsyncSocket) async -> RequestHeadParser.Progress {
    await withTaskGroup(of: RequestHeadParser.Progress.self) { group in
      group.addTask {
        var parser = RequestHeadParser()
        while true {
          guard let bytes = try? await client.read(atMost: 4096) else { return .needMore }
          let progress = parser.append(bytes)
          if progress != .needMore { return progress }
        }
      }
      group.addTask {
        try? await Task.sleep(for: Self.headDeadline)
        return .needMore
      }
      let first = await group.next() ?? .needMore
      group.cancelAll()
      return first
    }
  }

  /// Stops sending, then reads and drops what the client still sends (at most `drainLimit` bytes, for at most a
  /// second), so that closing with unread data does not reset the connection before the client read the answer.
  private func drain(_ client: AsyncSocket) async {
    shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        var dropped = 0
        while dropped < Self.drainLimit, let bytes = try? await client.read(atMost: 65536) { dropped += bytes.count }
      }
      group.addTask { try? await Task.sleep(for: .seconds(1)) }
      await group.next()
      group.cancelAll()
    }
  }
}
