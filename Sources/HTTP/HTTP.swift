internal import CCurl

/// Shortcuts for lesson code: one call per request with the default client.
///
/// ```swift
/// let response = try HTTP.get("https://usegalaxy.eu/api/version", timeout: 2)
/// print(response.status, response.text)
/// ```
public enum HTTP {
  /// The version of libcurl in use, e.g. `libcurl/7.88.1 OpenSSL/3.0.19 …`.
  public static var curlVersion: String { String(cString: curl_version()) }

  /// Fetches `url` with a total timeout of `timeout` seconds, honouring `LESSONS_URL_MAP`; returns the answer
  /// whatever its status.
  /// - Throws: `HTTPError` (timeout, connection refused, name not resolved, bad URL, other transfer errors).
  public static func get(_ url: String, timeout: Double = 30, headers: [String: String] = [:]) throws(HTTPError)
    -> HTTPResponse
  {
    try HTTPClient(timeout: timeout).get(url, headers: headers)
  }

  /// Posts UTF-8 `text` (JSON by default) to `url` with a total timeout of `timeout` seconds.
  /// - Throws: as `get(_:timeout:headers:)`.
  public static func post(
    _ url: String, text: String, contentType: String = "application/json", timeout: Double = 30
  ) throws(HTTPError) -> HTTPResponse {
    try HTTPClient(timeout: timeout).post(url, text: text, contentType: contentType)
  }
}
