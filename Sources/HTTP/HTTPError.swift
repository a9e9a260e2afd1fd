/// Why an HTTP request failed, with the URL it was for.
///
/// One error type for the whole module, so that a lesson can `catch HTTPError.timeout` and show the rest as text.
/// `url` is the URL the caller asked for (before `LESSONS_URL_MAP` rewriting), which is the one a reader knows.
public enum HTTPError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No complete answer within `limit` seconds (the connect timeout or the total timeout, whichever fired).
  case timeout(url: String, limit: Double)
  /// Nothing listens at the address (the server is down or the port is closed).
  case connectionRefused(url: String)
  /// The host name does not resolve to an address.
  case nameNotResolved(url: String, host: String)
  /// The server answered with a status outside 200–299 where the caller asked for success;
  /// `body` is the start of the answer (at most 200 characters), which often says why.
  case status(url: String, code: Int, body: String)
  /// Any other libcurl failure: its `CURLcode` and message.
  case transfer(url: String, code: Int, message: String)
  /// The URL cannot be used (empty, malformed, or a scheme other than http and https).
  case badURL(url: String, reason: String)
  /// The body is not the JSON the caller expected.
  case invalidJSON(url: String, message: String)

  /// The URL of the request that failed.
  public var url: String {
    switch self {
    case .timeout(let url, _), .connectionRefused(let url), .nameNotResolved(let url, _), .status(let url, _, _),
      .transfer(let url, _, _), .badURL(let url, _), .invalidJSON(let url, _):
      return url
    }
  }

  /// One line: what failed and for which URL.
  public var description: String {
    switch self {
    case .timeout(let url, let limit):
      return "timed out after \(Self.seconds(limit)) s: \(url)"
    case .connectionRefused(let url):
      return "connection refused: \(url)"
    case .nameNotResolved(let url, let host):
      return "could not resolve host \(host): \(url)"
    case .status(let url, let code, let body):
      return body.isEmpty ? "HTTP status \(code): \(url)" : "HTTP status \(code): \(url): \(body)"
    case .transfer(let url, let code, let message):
      return "transfer failed (curl error \(code): \(message)): \(url)"
    case .badURL(let url, let reason):
      return "bad URL \"\(url)\": \(reason)"
    case .invalidJSON(let url, let message):
      return "invalid JSON from \(url): \(message)"
    }
  }

  /// `2`, `0.5`, `2.25` — seconds without Foundation's formatters.
  static func seconds(_ value: Double) -> String {
    let millis = Int((value * 1000).rounded())
    if millis % 1000 == 0 { return String(millis / 1000) }
    var fraction = String(millis % 1000)
    while fraction.count < 3 { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    return "\(millis / 1000).\(fraction)"
  }
}
