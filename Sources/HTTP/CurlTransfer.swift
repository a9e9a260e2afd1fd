internal import CCurl

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// The one place that drives libcurl: one easy handle for one request, created, used and freed on the calling
/// thread.
///
/// Nothing is shared between transfers (no share handle, no connection cache), so any number of threads may run
/// transfers at once, and a forked child starts clean: the only process-wide state is `curl_global_init`, done
/// once before any handle exists (`CurlGlobal`).
final class CurlTransfer {
  /// What one request needs.
  struct Request {
    var method: String
    /// The URL the caller wrote; errors and the response carry this one.
    var originalURL: String
    /// The URL actually fetched (after `LESSONS_URL_MAP`).
    var url: String
    var headers: [(String, String)]
    var body: [UInt8]?
    var timeout: Double
    var connectTimeout: Double
    var userAgent: String
  }

  private var body: [UInt8] = []
  private var headers: [HTTPHeader] = []
  private var errorBuffer = [CChar](repeating: 0, count: Int(ccurl_error_size()) + 1)

  /// Runs `request` to completion (or to its timeout) and returns the answer, whatever its status.
  static func perform(_ request: Request) throws(HTTPError) -> HTTPResponse {
    try CurlGlobal.ensureInitialized(for: request.originalURL)
    return try CurlTransfer().run(request)
  }

  private func run(_ request: Request) throws(HTTPError) -> HTTPResponse {
    guard let handle = curl_easy_init() else {
      throw .transfer(url: request.originalURL, code: -1, message: "curl_easy_init failed (out of memory?)")
    }
    defer { curl_easy_cleanup(handle) }
    var headerList: UnsafeMutablePointer<curl_slist>? = nil
    defer { curl_slist_free_all(headerList) }
    for (name, value) in request.headers { headerList = curl_slist_append(headerList, "\(name): \(value)") }

    let started = ContinuousClock.now
    let code: CURLcode = withExtendedLifetime(self) {
      let me = Unmanaged.passUnretained(self).toOpaque()
      return errorBuffer.withUnsafeMutableBufferPointer { errors in
        configure(handle, request, context: me, errors: errors.baseAddress, headerList: headerList)
        if let body = request.body {
          _ = ccurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.count))
          _ = body.withUnsafeBytes { bytes in
            // COPYPOSTFIELDS copies the bytes now; with the size set first, any bytes (not only text) are fine.
            ccurl_easy_setopt_pointer(handle, CURLOPT_COPYPOSTFIELDS, UnsafeMutableRawPointer(mutating: bytes.baseAddress))
          }
        }
        return curl_easy_perform(handle)
      }
    }
    let elapsed = Self.seconds(ContinuousClock.now - started)
    guard code == CURLE_OK else { throw error(for: code, handle: handle, request: request) }
    var status = 0
    _ = ccurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
    return HTTPResponse(url: request.originalURL, status: status, headers: headers, body: body, elapsed: elapsed)
  }

  private func configure(
    _ handle: UnsafeMutableRawPointer, _ request: Request, context: UnsafeMutableRawPointer,
    errors: UnsafeMutablePointer<CChar>?, headerList: UnsafeMutablePointer<curl_slist>?
  ) {
    _ = ccurl_easy_setopt_string(handle, CURLOPT_URL, request.url)
    // No SIGALRM-based timeouts: signals are process-wide and would break threads and forked workers.
    _ = ccurl_easy_setopt_long(handle, CURLOPT_NOSIGNAL, 1)
    _ = ccurl_easy_setopt_long(handle, CURLOPT_TIMEOUT_MS, Self.milliseconds(request.timeout))
    _ = ccurl_easy_setopt_long(handle, CURLOPT_CONNECTTIMEOUT_MS, Self.milliseconds(request.connectTimeout))
    _ = ccurl_easy_setopt_string(handle, CURLOPT_PROTOCOLS_STR, "http,https")
    _ = ccurl_easy_setopt_string(handle, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")
    _ = ccurl_easy_setopt_long(handle, CURLOPT_FOLLOWLOCATION, 1)
    _ = ccurl_easy_setopt_long(handle, CURLOPT_MAXREDIRS, 10)
    // An empty string asks for every encoding this libcurl can decode (gzip, br, zstd).
    _ = ccurl_easy_setopt_string(handle, CURLOPT_ACCEPT_ENCODING, "")
    _ = ccurl_easy_setopt_string(handle, CURLOPT_USERAGENT, request.userAgent)
    _ = ccurl_easy_setopt_string(handle, CURLOPT_CUSTOMREQUEST, request.method)
    if request.method == "HEAD" { _ = ccurl_easy_setopt_long(handle, CURLOPT_NOBODY, 1) }
    if let headerList { _ = ccurl_easy_setopt_pointer(handle, CURLOPT_HTTPHEADER, UnsafeMutableRawPointer(headerList)) }
    _ = ccurl_easy_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errors)
    _ = ccurl_easy_setopt_pointer(handle, CURLOPT_WRITEDATA, context)
    _ = ccurl_easy_setopt_write_function(handle, CURLOPT_WRITEFUNCTION) { data, size, count, context in
      guard let data, let context else { return 0 }
      let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
      let bytes = UnsafeRawBufferPointer(start: data, count: size * count)
      transfer.body.append(contentsOf: bytes)
      return size * count
    }
    _ = ccurl_easy_setopt_pointer(handle, CURLOPT_HEADERDATA, context)
    _ = ccurl_easy_setopt_write_function(handle, CURLOPT_HEADERFUNCTION) { data, size, count, context in
      guard let data, let context else { return 0 }
      let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
      let line = String(decoding: UnsafeRawBufferPointer(start: data, count: size * count), as: UTF8.self)
      transfer.receivedHeaderLine(line)
      return size * count
    }
  }

  /// Keeps the headers of the last answer only: a status line (after a redirect or `100 Continue`) starts afresh.
  private func receivedHeaderLine(_ line: String) {
    let trimmed = Self.trimmed(Substring(line))
    if trimmed.hasPrefix("HTTP/") {
      headers = []
      body = []
    } else if let colon = trimmed.firstIndex(of: ":") {
      let name = String(trimmed[..<colon])
      let value = Self.trimmed(trimmed[trimmed.index(after: colon)...])
      headers.append(HTTPHeader(name: name, value: value))
    }
  }

  private func error(for code: CURLcode, handle: UnsafeMutableRawPointer, request: Request) -> HTTPError {
    let url = request.originalURL
    switch code {
    case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
      return .badURL(url: url, reason: message(for: code))
    case CURLE_COULDNT_RESOLVE_HOST:
      return .nameNotResolved(url: url, host: Self.host(of: request.url))
    case CURLE_COULDNT_CONNECT:
      var osError = 0
      _ = ccurl_easy_getinfo_long(handle, CURLINFO_OS_ERRNO, &osError)
      if osError == Int(ECONNREFUSED) { return .connectionRefused(url: url) }
      return .transfer(url: url, code: Int(code.rawValue), message: message(for: code))
    case CURLE_OPERATION_TIMEDOUT:
      var connected: curl_off_t = 0
      _ = ccurl_easy_getinfo_off_t(handle, CURLINFO_CONNECT_TIME_T, &connected)
      let connectFired = connected == 0 && request.connectTimeout < request.timeout
      return .timeout(url: url, limit: connectFired ? request.connectTimeout : request.timeout)
    default:
      return .transfer(url: url, code: Int(code.rawValue), message: message(for: code))
    }
  }

  /// libcurl's detailed message when it wrote one, its generic text for `code` otherwise.
  private func message(for code: CURLcode) -> String {
    let detail = errorBuffer.withUnsafeBufferPointer { $0.baseAddress.map { String(cString: $0) } ?? "" }
    if !detail.isEmpty { return detail }
    return String(cString: curl_easy_strerror(code))
  }

  /// The host part of `url` (`example.org` in `https://user@example.org:8080/x`).
  static func host(of url: String) -> String {
    var rest = Substring(url)
    if let scheme = rest.firstRange(of: "://") { rest = rest[scheme.upperBound...] }
    if let end = rest.firstIndex(where: { "/?#".contains($0) }) { rest = rest[..<end] }
    if let at = rest.lastIndex(of: "@") { rest = rest[rest.index(after: at)...] }
    if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { return String(rest[...close]) }
    if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
    return String(rest)
  }

  /// `text` without surrounding spaces, tabs and line ends.
  static func trimmed(_ text: Substring) -> String {
    // `isWhitespace` also covers "\r\n", which Swift treats as one Character.
    let blank: (Character) -> Bool = { $0.isWhitespace }
    guard let first = text.firstIndex(where: { !blank($0) }), let last = text.lastIndex(where: { !blank($0) }) else {
      return ""
    }
    return String(text[first...last])
  }

  static func milliseconds(_ seconds: Double) -> Int {
    guard seconds.isFinite else { return Int(Int32.max) }
    return max(1, Int((seconds * 1000).rounded()))
  }

  static func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
  }
}
