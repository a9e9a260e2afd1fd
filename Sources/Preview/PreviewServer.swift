import FlyingSocks
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The preview server of `lessons serve`: answers each connection's one request with a file of the site folder,
/// on 127.0.0.1 only, then closes it; `/__lessons/events` instead stays open and streams one Server-Sent Event per
/// rebuild (when the responder has live reload).
///
/// Request heads are read by `RequestHeadParser` within fixed limits (an oversized request line is answered 414
/// and oversized headers 431 as soon as the limit is crossed) and within `headDeadline`; each connection runs in a
/// task of its own, so a slow or hostile client never holds up the others. Sockets and readiness come from
/// FlyingSocks (the socket layer of FlyingFox, whose HTTP parser has no limits).
public struct PreviewServer: Sendable {
  /// How long a client has to send its request head.
  static let headDeadline: Duration = .seconds(10)
  /// How long a client may take to accept each write of an answer (a file goes out in pieces of 256 KB).
  static let writeDeadline: Duration = .seconds(20)
  /// After refusing a request, how much of what the client still sends is read and dropped before closing, so
  /// that the client receives the answer instead of a reset.
  static let drainLimit = 1 << 20

  /// The port asked for (0: any free port; see `boundPort(of:)`).
  public let port: UInt16
  /// Answers requests for files.
  public let responder: PreviewResponder

  /// A server for `port` on 127.0.0.1 answering with `responder`.
  public init(port: UInt16, responder: PreviewResponder) {
    self.port = port
    self.responder = responder
  }

  /// Binds 127.0.0.1:`port` and listens; throws when the port cannot be had. Then call `run(on:)`.
  public func listen() throws -> Socket {
    let socket = try Socket(domain: AF_INET, type: .stream)
    try socket.setValue(true, for: .localAddressReuse)
    try socket.bind(to: .inet(ip4: "127.0.0.1", port: port))
    try socket.listen()
    return socket
  }

  /// The port `socket` is bound to: the one the system chose when `port` was 0.
  public static func boundPort(of socket: Socket) throws -> UInt16 {
    switch try socket.sockname() {
    case .ip4(_, let port), .ip6(_, let port): return port
    case .unix: return 0
    }
  }

  /// Accepts connections on `socket` until the task is cancelled or the socket fails.
  ///
  /// At most `connectionLimit()` connections are open at once: one more is closed as soon as it is accepted. Idle
  /// connections (each may wait `headDeadline` for its head) once used up the process's file descriptors, the next
  /// `accept` failed with EMFILE and the server stopped. Such failures (and the system's) now only pause accepting.
  public func run(on socket: Socket) async throws {
    let pool: some AsyncSocketPool = .make()
    try await pool.prepare()
    let listener = try AsyncSocket(socket: socket, pool: pool)
    let limit = Self.connectionLimit()
    let open = ConnectionCount()
    try await withThrowingDiscardingTaskGroup { group in
      group.addTask { try await pool.run() }
      while true {
        let client: AsyncSocket
        do {
          client = try await listener.accept()
        } catch SocketError.disconnected {
          return
        } catch let error as SocketError where Self.isPassing(error) {
          try await Task.sleep(for: .milliseconds(50))  // a connection ending frees a descriptor
          continue
        }
        guard open.value.add(1, ordering: .relaxed).newValue <= limit else {
          open.value.subtract(1, ordering: .relaxed)
          try? client.close()
          continue
        }
        group.addTask {
          defer { open.value.subtract(1, ordering: .relaxed) }
          await serve(client)
        }
      }
    }
  }

  /// How many connections may be open at once: a quarter of the descriptors this process may open, at most 512
  /// (an author's browser opens a handful).
  static func connectionLimit() -> Int {
    var limit = rlimit()
    guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 512 }
    return max(8, Int(min(512, limit.rlim_cur / 4)))
  }

  /// Whether an `accept` failure passes (descriptors or memory short, a connection reset before it was taken).
  static func isPassing(_ error: SocketError) -> Bool {
    guard case .failed(_, let number, _) = error else { return false }
    return [EMFILE, ENFILE, ENOBUFS, ENOMEM, ECONNABORTED, EINTR, EPROTO, EAGAIN].contains(number)
  }

  /// The connections open now, shared by the tasks serving them.
  private final class ConnectionCount: Sendable {
    let value = Atomic<Int>(0)
  }

  /// Reads one request head (within the limits and the deadline), answers it and closes the connection.
  private func serve(_ client: AsyncSocket) async {
    defer { try? client.close() }
    let progress = await readHead(from: client)
    if case .complete(let head) = progress, head.method == "GET", let broadcaster = responder.liveReload,
      head.target.split(separator: "?").first == Substring(LiveReloadScript.eventsPath)
    {
      await streamEvents(to: client, from: broadcaster)
      return
    }
    let response = responder.response(to: progress) ?? PreviewResponse(.requestTimeout)
    do {
      try await write(response.head, to: client)
      if !response.omitsBody && !response.body.isEmpty { try await write(response.body, to: client) }
      if !response.omitsBody, let file = response.bodyFile { try await send(file, to: client) }
    } catch {
      return
    }
    // A refused or unfinished request may still be arriving: read it away before closing.
    if case .complete = progress { return }
    await drain(client)
  }

  /// Sends the first `file.size` bytes of the file in pieces of 256 KB (fewer when it shrank meanwhile: the
  /// connection then closes short of its Content-Length, which the client sees).
  private func send(_ file: (path: String, size: Int), to client: AsyncSocket) async throws {
    guard let handle = FileHandle(forReadingAtPath: file.path) else { return }
    defer { try? handle.close() }
    var left = file.size
    while left > 0, let piece = try handle.read(upToCount: min(left, 256 * 1024)), !piece.isEmpty {
      try await write(piece, to: client)
      left -= piece.count
    }
  }

  /// Writes `data`, or throws when the client has not taken it within `writeDeadline`: a client that stops reading
  /// would otherwise hold its connection, one of `connectionLimit()`, for as long as it stays connected.
  private func write(_ data: Data, to client: AsyncSocket) async throws {
    let written = await withTaskGroup(of: Bool.self) { group in
      group.addTask { (try? await client.write(data)) != nil }
      group.addTask {
        try? await Task.sleep(for: Self.writeDeadline)
        return false
      }
      let first = await group.next() ?? false
      group.cancelAll()
      return first
    }
    guard written else { throw SocketError.disconnected }
  }

  /// Streams the live-reload events: the latest outcome at once (`hello`), then one `rebuild` event per rebuild,
  /// until the client goes away.
  private func streamEvents(to client: AsyncSocket, from broadcaster: RebuildBroadcaster) async {
    let (latest, updates) = broadcaster.subscribe()
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n\r\n"
    guard (try? await write(Data((head + "retry: 250\n\n" + latest.serverSentEvent(named: "hello")).utf8), to: client)) != nil
    else { return }
    await withTaskGroup(of: Void.self) { group in
      group.addTask {
        for await outcome in updates {
          guard (try? await write(Data(outcome.serverSentEvent(named: "rebuild").utf8), to: client)) != nil else { return }
        }
      }
      // The client sends nothing more: a read ends only when it closes the connection.
      group.addTask {
        while let bytes = try? await client.read(atMost: 1024), !bytes.isEmpty {}
      }
      await group.next()
      group.cancelAll()
    }
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
