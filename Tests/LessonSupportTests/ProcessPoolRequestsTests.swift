import Foundation
import GalaxyStandIn
import Testing
import TestSupport

/// Requests from the worker processes of a ProcessPool, in a compiled lesson program (single-threaded, as
/// lessons are, so the pool may fork).
@Suite("HTTP from a ProcessPool in a lesson program", .serialized, .timeLimit(.minutes(1)))
struct ProcessPoolRequestsTests {
  static let source = """
    import LessonSupport
    import Multiprocessing
    let urls = (0..<20).map { "https://galaxy\\($0 % 4).example/api/version" }
    let versions = try withProcessPool(5) { pool in
      try pool.map(urls) { url in
        try HTTP.get(url, timeout: 30).requireSuccess().json(as: [String: String].self)["version_major"] ?? "?"
      }
    }
    print(versions.joined(separator: ","))
    """

  @Test("20 requests mapped over a ProcessPool of 5 all succeed, in input order")
  func processPool() async throws {
    let servers = (0..<4).map {
      GalaxyStandIns.Server(url: "https://galaxy\($0).example", version: "24.\($0)", latency: 0.02)
    }
    let standIns = GalaxyStandIns(servers: servers)
    let mapping = try await standIns.start()
    let program = try LessonProgramTests.compile(Self.source, name: "process-pool", libraries: ["LessonSupport", "Multiprocessing"])
    let environment = ["LESSONS_URL_MAP": GalaxyStandIns.urlMapValue(mapping)]
    let (status, output) = try await OffPool.run { try LessonProgramTests.run(program.path, [], environment: environment) }
    await standIns.stop()
    #expect(status == 0, "\(output)")
    #expect(output == (0..<20).map { "24.\($0 % 4)" }.joined(separator: ",") + "\n")
  }
}
