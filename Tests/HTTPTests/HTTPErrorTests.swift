import HTTP
import Testing

/// Each failure becomes its own `HTTPError` case, carrying the URL.
@Suite("HTTP failures", .timeLimit(.minutes(1)))
struct HTTPErrorTests {
  @Test("a server that accepts but never answers: the total timeout fires near its value")
  func totalTimeout() async throws {
    let listener = try SilentListener()
    let timeout = 1.0
    let started = ContinuousClock.now
    do {
      _ = try await HTTPClient(timeout: timeout, urlMap: .empty).get(listener.url)
      Issue.record("a silent server produced an answer")
    } catch {
      let elapsed = ContinuousClock.now - started
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
      print("timeout \(timeout) s fired after \(seconds) s (error \((seconds - timeout) / timeout * 100) %)")
      #expect(error == .timeout(url: listener.url, limit: timeout))
      #expect(seconds >= 0.9 * timeout)
      // The upper bound only shows that the timeout fires at all: the measured time includes waiting for one of
      // the test run's few shared threads, which CPU-bound suites can hold for many seconds on a loaded machine.
      #expect(seconds < 30 * timeout)
      #expect(error.description.contains(listener.url))
    }
  }

  @Test("a closed port is a refused connection")
  func connectionRefused() async throws {
    let url = "http://127.0.0.1:\(try SilentListener.closedPort())/api/version"
    await #expect(throws: HTTPError.connectionRefused(url: url)) {
      try await HTTPClient(timeout: 5, urlMap: .empty).get(url)
    }
  }

  @Test("an .invalid host does not resolve (RFC 6761; no network needed)")
  func nameNotResolved() async throws {
    let url = "http://galaxy.invalid/api/version"
    await #expect(throws: HTTPError.nameNotResolved(url: url, host: "galaxy.invalid")) {
      try await HTTPClient(timeout: 5, urlMap: .empty).get(url)
    }
  }

  @Test("unusable URLs are bad URLs", arguments: ["", "ftp://example.org/file", "http://", "http://a b/", "example.org"])
  func badURL(url: String) async throws {
    do {
      _ = try await HTTPClient(timeout: 5, urlMap: .empty).get(url)
      Issue.record("\(url) was accepted")
    } catch {
      guard case .badURL(let reported, let reason) = error else {
        Issue.record("expected badURL for \(url), got \(error)")
        return
      }
      #expect(reported == url)
      #expect(!reason.isEmpty)
    }
  }

  @Test("descriptions name the failure and the URL")
  func descriptions() {
    let url = "https://usegalaxy.org/api/version"
    #expect(HTTPError.timeout(url: url, limit: 2).description == "timed out after 2 s: \(url)")
    #expect(HTTPError.timeout(url: url, limit: 0.25).description == "timed out after 0.25 s: \(url)")
    #expect(HTTPError.connectionRefused(url: url).description == "connection refused: \(url)")
    #expect(HTTPError.nameNotResolved(url: url, host: "usegalaxy.org").description.contains("usegalaxy.org"))
    #expect(HTTPError.transfer(url: url, code: 35, message: "SSL").description.contains("curl error 35"))
    #expect(HTTPError.status(url: url, code: 404, body: "").url == url)
  }
}
