import Foundation
import GalaxyStandIn
import HTTP
import Multiprocessing
import Testing
import TestSupport

/// Concurrent requests from the project's own pool engine.
@Suite("HTTP from pools", .timeLimit(.minutes(1)))
struct PoolRequestsTests {
  @Test("48 requests mapped over a ThreadPool of 8 all succeed, in input order")
  func threadPool() async throws {
    let servers = (0..<4).map {
      GalaxyStandIns.Server(url: "https://galaxy\($0).example", version: "24.\($0)", latency: 0.02)
    }
    let standIns = GalaxyStandIns(servers: servers)
    let client = HTTPClient(timeout: 20, urlMap: URLMap(try await standIns.start()))
    // The pool blocks its caller until the map is done: call it from a thread of our own, as the shared
    // concurrency pool must stay free for the stand-ins.
    let versions = try await OffPool.run {
      try withThreadPool(8) { pool in
        try pool.map(0..<48) { index in
          try client.get("https://galaxy\(index % 4).example/api/version").requireSuccess()
            .json(as: [String: String].self)["version_major"] ?? "?"
        }
      }
    }
    await standIns.stop()
    #expect(versions == (0..<48).map { "24.\($0 % 4)" })
  }
}
