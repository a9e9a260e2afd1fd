import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Synchronization

/// Local HTTP servers that answer as Galaxy servers do, so that lessons which talk to Galaxy build offline and
/// reproducibly.
///
/// Each entry gets its own FlyingFox server on 127.0.0.1 at a port the system picks. It answers
/// `GET /api/version` with `{"version_major": "24.1", "version_minor": "2"}` after the entry's latency (so a slow
/// server can make a client's timeout fire) and any other request with a 404 and a JSON error, as Galaxy does.
///
/// ```swift
/// let standIns = GalaxyStandIns(servers: [.init(url: "https://usegalaxy.org", version: "24.1.2", latency: 0.2)])
/// let mapping = try standIns.start()          // ["https://usegalaxy.org": "http://127.0.0.1:40123"]
/// environment["LESSONS_URL_MAP"] = GalaxyStandIns.urlMapValue(mapping)
/// defer { standIns.stop() }
/// ```
public final class GalaxyStandIns: Sendable {
  /// One server to stand in for.
  public struct Server: Sendable, Hashable {
    /// The real server's base URL, e.g. `https://usegalaxy.org`; requests to it are mapped to the stand-in.
    public var url: String
    /// The Galaxy version to report, e.g. `24.1` or `24.1.2`: the first two parts are `version_major`, the rest
    /// `version_minor` (`0` when there is no third part).
    public var version: String
    /// Seconds before the answer.
    public var latency: Double
    /// A server to stand in for.
    public init(url: String, version: String, latency: Double) {
      self.url = url
      self.version = version
      self.latency = latency
    }
  }

  private struct Running: Sendable {
    var server: HTTPServer
    var task: Task<Void, any Error>
    var localURL: String
  }

  private let servers: [Server]
  /// The running servers; empty before `start()` and after `stop()`.
  private let running = Mutex<[Running]>([])

  /// Stand-ins for `servers`; nothing listens until `start()`.
  public init(servers: [Server]) {
    self.servers = servers
  }

  deinit {
    // Cannot wait here; cancelling each server's task closes its listening socket and its connections.
    running.withLock { list in
      for entry in list { entry.task.cancel() }
      list = []
    }
  }

  /// Starts one server per entry on 127.0.0.1 and returns once every one accepts connections; returns the real
  /// URL → local URL mapping (format it with `urlMapValue(_:)` for `LESSONS_URL_MAP`). Calling it again while
  /// running returns the same mapping.
  ///
  /// Blocks the calling thread while the servers start; from async code the `async` overload is chosen instead.
  /// The servers run on Swift's shared concurrency pool (FlyingFox is built on it), which has one thread per CPU:
  /// a program that blocks every one of those threads (on `waitpid`, a semaphore, a blocking HTTP call) starves
  /// the servers, so wait for child processes and make blocking calls on threads of your own.
  /// - Throws: `GalaxyStandInError` when a server cannot listen within 10 seconds.
  public func start() throws -> [String: String] {
    let result = Mutex<Result<[String: String], any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      do {
        let mapping = try await self.start()
        result.withLock { $0 = .success(mapping) }
      } catch {
        result.withLock { $0 = .failure(error) }
      }
      done.signal()
    }
    done.wait()
    guard let outcome = result.withLock({ $0 }) else { return [:] }
    return try outcome.get()
  }

  /// Starts the servers without blocking a thread; see `start()`.
  public func start() async throws -> [String: String] {
    if let mapping = currentMapping() { return mapping }
    var started: [Running] = []
    for entry in servers {
      do {
        started.append(try await Self.launch(entry))
      } catch {
        for server in started { await Self.shutDown(server) }
        throw GalaxyStandInError(url: entry.url, message: "could not start its stand-in: \(error)")
      }
    }
    let extra = running.withLock { list -> [Running] in
      guard list.isEmpty else { return started }
      list = started
      return []
    }
    // Another caller won a race to start: keep its servers, drop ours.
    for server in extra { await Self.shutDown(server) }
    return currentMapping() ?? [:]
  }

  /// Stops every server and waits until their ports are closed. Safe to call twice, and before `start()`.
  /// Blocks the calling thread; from async code the `async` overload is chosen instead.
  public func stop() {
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      await self.stop()
      done.signal()
    }
    done.wait()
  }

  /// Stops the servers without blocking a thread; see `stop()`.
  public func stop() async {
    let list = running.withLock { list in
      defer { list = [] }
      return list
    }
    for server in list { await Self.shutDown(server) }
  }

  /// The value of `LESSONS_URL_MAP` for `mapping`: one `real=local` line per server, sorted.
  public static func urlMapValue(_ mapping: [String: String]) -> String {
    mapping.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
  }

  private func currentMapping() -> [String: String]? {
    running.withLock { list in
      guard !list.isEmpty else { return nil }
      var mapping: [String: String] = [:]
      for (entry, server) in zip(servers, list) { mapping[entry.url] = server.localURL }
      return mapping
    }
  }

  private static func launch(_ entry: Server) async throws -> Running {
    let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: 0)
    let server = HTTPServer(address: address, timeout: 15, logger: .disabled)
    await StandInRoutes.install(on: server, for: entry)
    let task = Task { try await server.run() }
    do {
      try await server.waitUntilListening(timeout: 10)
      guard case .ip4(_, let port) = await server.listeningAddress else {
        throw GalaxyStandInError(url: entry.url, message: "the server has no IPv4 address after listening")
      }
      return Running(server: server, task: task, localURL: "http://127.0.0.1:\(port)")
    } catch {
      task.cancel()
      throw error
    }
  }

  private static func shutDown(_ running: Running) async {
    await running.server.stop(timeout: 0)
    running.task.cancel()
    _ = await running.task.result
  }
}

/// Why a stand-in server could not start.
public struct GalaxyStandInError: Error, Sendable, CustomStringConvertible {
  /// The real URL whose stand-in failed.
  public var url: String
  /// What went wrong.
  public var message: String
  /// An error for `url`.
  public init(url: String, message: String) {
    self.url = url
    self.message = message
  }
  /// `stand-in for <url>: <message>`.
  public var description: String { "stand-in for \(url): \(message)" }
}
