import HTTP
import Testing

/// The client against a local FlyingFox server: answers, JSON, statuses, headers, POST.
@Suite("HTTPClient against a local server", .timeLimit(.minutes(1)))
struct HTTPClientTests {
  struct Document: Decodable, Equatable {
    var name: String
    var cores: [Int]
    var ratio: Double
  }

  @Test("GET returns status, headers and body")
  func getSucceeds() async throws {
    let server = try await EchoServer()
    defer { Task { await server.stop() } }
    let response = try await HTTPClient(timeout: 30, urlMap: .empty).get(server.base + "/json")
    #expect(response.status == 200)
    #expect(response.isSuccess)
    #expect(response.header("x-answer") == "42")
    #expect(response.header("CONTENT-TYPE") == "application/json")
    #expect(response.text.contains("Galaxy <main>"))
    #expect(response.url == server.base + "/json")
  }

  @Test("json(as:) decodes the body into a Decodable type")
  func decodesJSON() async throws {
    let server = try await EchoServer()
    defer { Task { await server.stop() } }
    let document = try await HTTPClient(timeout: 30, urlMap: .empty).get(server.base + "/json").json(as: Document.self)
    #expect(document == Document(name: "Galaxy <main>", cores: [1, 2, 4], ratio: 0.5))
  }

  @Test("a body that is not the expected JSON throws invalidJSON saying where")
  func invalidJSON() async throws {
    let server = try await EchoServer()
    defer { Task { await server.stop() } }
    let response = try await HTTPClient(timeout: 30, urlMap: .empty).get(server.base + "/json")
    #expect(throws: HTTPError.self) { try response.json(as: [String: String].self) }
    do {
      _ = try response.json(as: [String: String].self)
    } catch {
      guard case .invalidJSON(let url, let message) = error else {
        Issue.record("expected invalidJSON, got \(error)")
        return
      }
      #expect(url == server.base + "/json")
      #expect(message.hasPrefix("expected String at ."))
    }
  }

  @Test("a 404 is returned as a response, and requireSuccess() turns it into a status error", arguments: [404, 500])
  func statusError(code: Int) async throws {
    let server = try await EchoServer()
    defer { Task { await server.stop() } }
    let url = server.base + "/status/\(code)"
    let response = try await HTTPClient(timeout: 30, urlMap: .empty).get(url)
    #expect(response.status == code)
    #expect(!response.isSuccess)
    do {
      try response.requireSuccess()
      Issue.record("requireSuccess() accepted status \(code)")
    } catch {
      #expect(error == .status(url: url, code: code, body: "status \(code)"))
      #expect(error.description.contains(url))
      #expect(error.description.contains("\(code)"))
    }
  }

  @Test("POST sends the body and the content type")
  func post() async throws {
    let server = try await EchoServer()
    defer { Task { await server.stop() } }
    let response = try await HTTPClient(timeout: 30, urlMap: .empty).post(
      server.base + "/echo", text: #"{"tool": "bwa"}"#, contentType: "application/json")
    #expect(response.status == 200)
    #expect(response.text == #"{"tool": "bwa"}"#)
    #expect(response.header("X-Content-Type") == "application/json")
  }

  @Test("redirects are followed and the final answer's headers are kept")
  func redirect() async throws {
    let server = try await EchoServer()
    defer { Task { await server.stop() } }
    let response = try await HTTPClient(timeout: 30, urlMap: .empty).get(server.base + "/redirect")
    #expect(response.status == 200)
    #expect(response.header("Location") == nil)
    #expect(try response.json(as: Document.self).cores == [1, 2, 4])
  }
}
