/// A blocking HTTP client over libcurl: GET and POST with a connect timeout and a total timeout.
///
/// A value type with no shared state: copy it, use it from any thread, or from a forked worker process. Each
/// request makes its own libcurl easy handle on the calling thread and blocks that thread until the answer is
/// complete or a timeout fires, so a request never waits longer than `timeout` (plus scheduling).
///
/// ```swift
/// let client = HTTPClient(timeout: 2)
/// let version = try client.get("https://usegalaxy.org/api/version").requireSuccess().json(as: [String: String].self)
/// ```
public struct HTTPClient: Sendable {
  /// Seconds allowed for the whole request: connecting, sending and receiving the full answer.
  public var timeout: Double
  /// Seconds allowed to resolve the name and connect (never more than `timeout` in effect).
  public var connectTimeout: Double
  /// Rewrites request URLs before they are fetched; by default the map in `LESSONS_URL_MAP`.
  public var urlMap: URLMap
  /// The `User-Agent` header sent.
  public var userAgent: String

  /// A client.
  /// - Parameters:
  ///   - timeout: total seconds per request (default 30).
  ///   - connectTimeout: seconds to connect; default the smaller of 10 and `timeout`.
  ///   - urlMap: URL rewriting; default read from `LESSONS_URL_MAP` now.
  public init(timeout: Double = 30, connectTimeout: Double? = nil, urlMap: URLMap = .fromEnvironment()) {
    self.timeout = timeout
    self.connectTimeout = connectTimeout ?? min(10, timeout)
    self.urlMap = urlMap
    self.userAgent = "lessons-http/1 (libcurl)"
  }

  /// Fetches `url` and returns the answer whatever its status (call `requireSuccess()` to insist on 2xx).
  /// - Throws: `HTTPError` for a bad URL, a name that does not resolve, a refused connection, a timeout or any
  ///   other transfer failure.
  public func get(_ url: String, headers: [String: String] = [:]) throws(HTTPError) -> HTTPResponse {
    try send(method: "GET", url: url, headers: headers, body: nil)
  }

  /// Posts `body` to `url` with the given content type and returns the answer whatever its status.
  /// - Throws: as `get(_:headers:)`.
  public func post(
    _ url: String, body: [UInt8], contentType: String = "application/json", headers: [String: String] = [:]
  ) throws(HTTPError) -> HTTPResponse {
    var headers = headers
    if !headers.keys.contains(where: { $0.lowercased() == "content-type" }) { headers["Content-Type"] = contentType }
    return try send(method: "POST", url: url, headers: headers, body: body)
  }

  /// Posts UTF-8 `text` to `url`; see `post(_:body:contentType:headers:)`.
  public func post(
    _ url: String, text: String, contentType: String = "application/json", headers: [String: String] = [:]
  ) throws(HTTPError) -> HTTPResponse {
    try post(url, body: Array(text.utf8), contentType: contentType, headers: headers)
  }

  private func send(method: String, url: String, headers: [String: String], body: [UInt8]?) throws(HTTPError)
    -> HTTPResponse
  {
    let target = urlMap.rewrite(url)
    try Self.validate(target, original: url)
    let request = CurlTransfer.Request(
      method: method, originalURL: url, url: target,
      headers: headers.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, body: body,
      timeout: timeout, connectTimeout: min(connectTimeout, timeout), userAgent: userAgent)
    return try CurlTransfer.perform(request)
  }

  /// Rejects what libcurl would misread: empty URLs, other schemes, spaces and control characters.
  static func validate(_ url: String, original: String) throws(HTTPError) {
    let lower = url.lowercased()
    guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
      throw .badURL(url: original, reason: "only http:// and https:// URLs are supported")
    }
    guard !url.unicodeScalars.contains(where: { $0.value <= 0x20 || $0.value == 0x7F }) else {
      throw .badURL(url: original, reason: "URLs cannot contain spaces or control characters (percent-encode them)")
    }
    guard CurlTransfer.host(of: url).isEmpty == false else {
      throw .badURL(url: original, reason: "the URL has no host")
    }
  }
}
