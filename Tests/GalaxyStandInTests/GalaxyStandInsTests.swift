import Foundation
import GalaxyStandIn
import HTTP
import Testing
import TestSupport

/// The stand-in servers: what they answer, how long they wait, and that stopping frees their ports.
@Suite("Galaxy stand-ins", .timeLimit(.minutes(1)))
struct GalaxyStandInsTests {
  @Test("each server answers /api/version with its own version, as Galaxy does")
  func versions() async throws {
    let standIns = GalaxyStandIns(servers: [
      .init(url: "https://usegalaxy.org", version: "24.1.2", latency: 0),
      .init(url: "https://usegalaxy.eu/", version: "24.2", latency: 0),
    ])
    let mapping = try await standIns.start()
    #expect(Set(mapping.keys) == ["https://usegalaxy.org", "https://usegalaxy.eu/"])
    #expect(mapping.values.allSatisfy { $0.hasPrefix("http://127.0.0.1:") })
    #expect(Set(mapping.values).count == 2)
    let client = HTTPClient(timeout: 30, urlMap: URLMap(mapping))
    let org = try await client.get("https://usegalaxy.org/api/version").requireSuccess()
    #expect(org.header("Content-Type") == "application/json")
    #expect(try org.json(as: [String: String].self) == ["version_major": "24.1", "version_minor": "2"])
    let eu = try await client.get("https://usegalaxy.eu/api/version").requireSuccess()
    #expect(try eu.json(as: [String: String].self) == ["version_major": "24.2", "version_minor": "0"])
    #expect(try await standIns.start() == mapping)
    await standIns.stop()
  }

  @Test("other paths get a 404 with a JSON error")
  func notFound() async throws {
    let standIns = GalaxyStandIns(servers: [.init(url: "https://usegalaxy.org", version: "24.1", latency: 0)])
    let client = HTTPClient(timeout: 30, urlMap: URLMap(try await standIns.start()))
    let response = try await client.get("https://usegalaxy.org/api/tools")
    #expect(response.status == 404)
    let error = try response.json(as: [String: ErrorField].self)
    #expect(error["err_code"] == .number(404001))
    await standIns.stop()
  }

  enum ErrorField: Decodable, Equatable {
    case text(String), number(Int)
    init(from decoder: any Decoder) throws {
      let container = try decoder.singleValueContainer()
      if let number = try? container.decode(Int.self) { self = .number(number) } else {
        self = .text(try container.decode(String.self))
      }
    }
  }

  @Test("the answer comes no sooner than the latency, and a client timeout shorter than it fires")
  func latency() async throws {
    let standIns = GalaxyStandIns(servers: [
      .init(url: "https://slow.example", version: "23.0", latency: 0.6),
      .init(url: "https://very-slow.example", version: "23.0", latency: 30),
    ])
    let client = HTTPClient(timeout: 30, urlMap: URLMap(try await standIns.start()))
    let response = try await client.get("https://slow.example/api/version")
    print("latency 0.6 s answered after \(response.elapsed) s")
    #expect(response.elapsed >= 0.6)
    var impatient = client
    impatient.timeout = 0.5
    await #expect(throws: HTTPError.timeout(url: "https://very-slow.example/api/version", limit: 0.5)) {
      try await impatient.get("https://very-slow.example/api/version")
    }
    await standIns.stop()
  }

  @Test("stop() closes the ports, and is safe to call twice (the blocking forms, from a thread of one's own)")
  func stopFreesPort() async throws {
    // The blocking forms wait for the shared concurrency pool; call them from a thread that is not part of it, as
    // the builder does.
    let (before, after) = try await OffPool.run { () throws -> (before: Int, after: HTTPError?) in
      let standIns = GalaxyStandIns(servers: [.init(url: "https://usegalaxy.org", version: "24.1", latency: 0)])
      let mapping = try standIns.start()
      let local = try #require(mapping["https://usegalaxy.org"])
      let client = HTTPClient(timeout: 30, urlMap: .empty)
      let before = try client.get(local + "/api/version").status
      standIns.stop()
      standIns.stop()
      do throws(HTTPError) {
        _ = try client.get(local + "/api/version")
        return (before, nil)
      } catch {
        return (before, error)
      }
    }
    #expect(before == 200)
    // Nothing answers any more: the port refuses, or (when the listener was closing under load as the request
    // came in) the connection is reset before any response.
    switch after {
    case .connectionRefused?, .transfer?: break
    default: Issue.record("expected no answer after stop(), got \(String(describing: after))")
    }
  }

  @Test("the async forms start and stop too, and a stand-in dropped without stop() closes in deinit")
  func asyncForms() async throws {
    var standIns: GalaxyStandIns? = GalaxyStandIns(servers: [
      .init(url: "https://usegalaxy.org", version: "24.1", latency: 0)
    ])
    let mapping = try await standIns?.start() ?? [:]
    #expect(mapping.count == 1)
    await standIns?.stop()
    _ = try await standIns?.start()
    standIns = nil
  }
}
