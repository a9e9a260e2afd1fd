import GalaxyStandIn
import HTTP
import Testing

/// `LESSONS_URL_MAP` parsing and rewriting, and a request that goes through it.
@Suite("URL map", .timeLimit(.minutes(1)))
struct URLMapTests {
  let map = URLMap(
    parsing: """
      https://usegalaxy.org=http://127.0.0.1:4001
       https://usegalaxy.org/sub = http://127.0.0.1:4002/

      not a rule
      https://usegalaxy.eu/=http://127.0.0.1:4003
      """)

  @Test(
    "rewrites the longest prefix at a boundary and leaves other URLs alone",
    arguments: [
      ("https://usegalaxy.org/api/version", "http://127.0.0.1:4001/api/version"),
      ("https://usegalaxy.org", "http://127.0.0.1:4001"),
      ("https://usegalaxy.org?x=1", "http://127.0.0.1:4001?x=1"),
      ("https://usegalaxy.org/sub/api", "http://127.0.0.1:4002/api"),
      ("https://usegalaxy.eu/api/version", "http://127.0.0.1:4003/api/version"),
      ("https://usegalaxy.org.au/api/version", "https://usegalaxy.org.au/api/version"),
      ("http://usegalaxy.org/api/version", "http://usegalaxy.org/api/version"),
    ])
  func rewrites(url: String, expected: String) {
    #expect(map.rewrite(url) == expected)
  }

  @Test("the environment value round-trips and matches GalaxyStandIns' formatting")
  func environmentValue() {
    let mapping = ["https://b.example": "http://127.0.0.1:2", "https://a.example": "http://127.0.0.1:1"]
    let value = GalaxyStandIns.urlMapValue(mapping)
    #expect(value == "https://a.example=http://127.0.0.1:1\nhttps://b.example=http://127.0.0.1:2")
    #expect(URLMap(parsing: value) == URLMap(mapping))
    #expect(URLMap(mapping).environmentValue == value)
    #expect(map.rules.count == 3)
  }

  @Test("a request for a real URL reaches the stand-in, and errors report the URL the caller wrote")
  func requestThroughMap() async throws {
    let standIns = GalaxyStandIns(servers: [.init(url: "https://usegalaxy.example", version: "24.1.2", latency: 0)])
    let client = HTTPClient(timeout: 30, urlMap: URLMap(try await standIns.start()))
    let response = try await client.get("https://usegalaxy.example/api/version").requireSuccess()
    #expect(try response.json(as: [String: String].self) == ["version_major": "24.1", "version_minor": "2"])
    #expect(response.url == "https://usegalaxy.example/api/version")
    do {
      try await client.get("https://usegalaxy.example/nope").requireSuccess()
      Issue.record("a 404 passed requireSuccess()")
    } catch {
      guard case .status(let url, let code, let body) = error else {
        Issue.record("expected a status error, got \(error)")
        return
      }
      #expect(url == "https://usegalaxy.example/nope")
      #expect(code == 404)
      #expect(body.contains("err_msg"))
    }
    await standIns.stop()
  }
}
