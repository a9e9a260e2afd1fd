import FlyingFox
import FlyingSocks
import Foundation

/// A FlyingFox server for client tests: `/json` answers a fixed document, `POST /echo` returns the body and its
/// content type, `/status/N` answers status N, `/redirect` redirects to `/json`.
final class EchoServer: Sendable {
  let server: HTTPServer
  let task: Task<Void, any Error>
  let base: String

  init() async throws {
    let server = HTTPServer(address: try sockaddr_in.inet(ip4: "127.0.0.1", port: 0), logger: .disabled)
    await server.appendRoute("GET /json") { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: "application/json", HTTPHeader("X-Answer"): "42"],
        body: Data(#"{"name": "Galaxy <main>", "cores": [1, 2, 4], "ratio": 0.5}"#.utf8))
    }
    await server.appendRoute("POST /echo") { request in
      let type = request.headers[.contentType] ?? "none"
      var headers = HTTPHeaders()
      headers[HTTPHeader("X-Content-Type")] = type
      return HTTPResponse(statusCode: .ok, headers: headers, body: try await request.bodyData)
    }
    await server.appendRoute("GET /status/:code") { request in
      let code = Int(request.routeParameters["code"] ?? "") ?? 500
      return HTTPResponse(statusCode: HTTPStatusCode(code, phrase: "Test"), body: Data("status \(code)".utf8))
    }
    await server.appendRoute("GET /redirect") { _ in
      HTTPResponse(statusCode: .movedPermanently, headers: [.location: "/json"], body: Data())
    }
    self.server = server
    task = Task { try await server.run() }
    try await server.waitUntilListening()
    guard case .ip4(_, let port) = await server.listeningAddress else {
      throw CancellationError()
    }
    base = "http://127.0.0.1:\(port)"
  }

  func stop() async {
    await server.stop(timeout: 0)
    task.cancel()
  }
}
