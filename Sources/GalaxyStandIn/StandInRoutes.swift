import FlyingFox
import Foundation

/// The answers a stand-in gives: Galaxy's `/api/version` and a JSON 404 for everything else.
enum StandInRoutes {
  /// Galaxy's version document.
  struct Version: Codable, Equatable {
    var major: String
    var minor: String
    enum CodingKeys: String, CodingKey {
      case major = "version_major"
      case minor = "version_minor"
    }
  }

  /// Galaxy's error document.
  struct NotFound: Codable {
    var message: String
    var code: Int
    enum CodingKeys: String, CodingKey {
      case message = "err_msg"
      case code = "err_code"
    }
  }

  /// Splits `24.1.2` into major `24.1` and minor `2`; `24.1` gives minor `0`.
  static func version(_ text: String) -> Version {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count > 2 else { return Version(major: text, minor: "0") }
    return Version(major: parts[0...1].joined(separator: "."), minor: parts[2...].joined(separator: "."))
  }

  static func install(on server: HTTPServer, for entry: GalaxyStandIns.Server) async {
    let body = (try? JSONEncoder().encode(version(entry.version))) ?? Data()
    let latency = max(0, entry.latency)
    await server.appendRoute("GET /api/version") { _ in
      if latency > 0 { try await Task.sleep(for: .milliseconds(Int((latency * 1000).rounded()))) }
      return HTTPResponse(statusCode: .ok, headers: [.contentType: "application/json"], body: body)
    }
    await server.appendRoute("*") { request in
      let notFound = NotFound(message: "No route for \(request.method.rawValue) \(request.path)", code: 404001)
      let body = (try? JSONEncoder().encode(notFound)) ?? Data()
      return HTTPResponse(statusCode: .notFound, headers: [.contentType: "application/json"], body: body)
    }
  }
}
