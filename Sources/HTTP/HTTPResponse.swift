internal import Foundation

/// What a server answered: status, headers and body bytes.
///
/// A response is a value: it holds the whole body, so it can be passed between threads and kept after the
/// transfer. `json(as:)` decodes the body; `requireSuccess()` turns a non-2xx status into an error.
public struct HTTPResponse: Sendable, Hashable {
  /// The URL the caller asked for (before `LESSONS_URL_MAP` rewriting).
  public var url: String
  /// The HTTP status code, e.g. 200 or 404.
  public var status: Int
  /// The header lines of the final answer (after redirects), in the order received.
  public var headers: [HTTPHeader]
  /// The body, as received.
  public var body: [UInt8]
  /// Seconds from the start of the request to the end of the answer.
  public var elapsed: Double

  /// A response; the client makes these, tests may too.
  public init(url: String, status: Int, headers: [HTTPHeader] = [], body: [UInt8] = [], elapsed: Double = 0) {
    self.url = url
    self.status = status
    self.headers = headers
    self.body = body
    self.elapsed = elapsed
  }

  /// True for a status in 200–299.
  public var isSuccess: Bool { (200..<300).contains(status) }

  /// The body as UTF-8 text (invalid bytes become U+FFFD).
  public var text: String { String(decoding: body, as: UTF8.self) }

  /// The value of the first header called `name` (compared ignoring case), or nil.
  public func header(_ name: String) -> String? {
    let wanted = name.lowercased()
    return headers.first { $0.name.lowercased() == wanted }?.value
  }

  /// The response itself when its status is 2xx.
  /// - Throws: `HTTPError.status` with the code and the start of the body otherwise.
  @discardableResult
  public func requireSuccess() throws(HTTPError) -> HTTPResponse {
    guard isSuccess else {
      throw .status(url: url, code: status, body: String(text.prefix(200)))
    }
    return self
  }

  /// The body decoded from JSON as `type` (with Foundation's `JSONDecoder`, default strategies: keys as written).
  /// - Throws: `HTTPError.invalidJSON` saying where the body did not match.
  public func json<T: Decodable>(as type: T.Type = T.self) throws(HTTPError) -> T {
    do {
      return try JSONDecoder().decode(T.self, from: Data(body))
    } catch let error as DecodingError {
      throw .invalidJSON(url: url, message: Self.describe(error))
    } catch {
      throw .invalidJSON(url: url, message: String(describing: error))
    }
  }

  private static func describe(_ error: DecodingError) -> String {
    func path(_ context: DecodingError.Context) -> String {
      let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return keys.isEmpty ? "at the top level" : "at \(keys)"
    }
    switch error {
    case .typeMismatch(let type, let context):
      return "expected \(type) \(path(context))"
    case .valueNotFound(let type, let context):
      return "expected \(type) but found null \(path(context))"
    case .keyNotFound(let key, let context):
      return "missing key \"\(key.stringValue)\" \(path(context))"
    case .dataCorrupted(let context):
      let underlying = context.underlyingError.map { ": \($0.localizedDescription)" } ?? ""
      return "\(context.debugDescription) \(path(context))\(underlying)"
    @unknown default:
      return String(describing: error)
    }
  }
}

/// One response header line.
public struct HTTPHeader: Sendable, Hashable {
  /// The name as the server wrote it, e.g. `Content-Type`.
  public var name: String
  /// The value, without surrounding spaces.
  public var value: String
  /// A header.
  public init(name: String, value: String) {
    self.name = name
    self.value = value
  }
}
