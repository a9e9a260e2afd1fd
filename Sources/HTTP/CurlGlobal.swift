internal import CCurl

/// `curl_global_init`, run exactly once per process before the first transfer.
///
/// A `static let` is initialised once, thread-safely, by the Swift runtime; libcurl requires the call before any
/// other thread uses it and forbids repeating it concurrently. A forked child inherits the initialised state, which
/// libcurl supports (no threads of its own survive, and each transfer makes a new easy handle).
enum CurlGlobal {
  private static let initialization: CURLcode = ccurl_global_init_default()

  /// Initialises libcurl on the first call.
  /// - Throws: `HTTPError.transfer` when `curl_global_init` failed (then no transfer can work).
  static func ensureInitialized(for url: String) throws(HTTPError) {
    let code = initialization
    guard code == CURLE_OK else {
      throw .transfer(url: url, code: Int(code.rawValue), message: "curl_global_init failed: " + String(cString: curl_easy_strerror(code)))
    }
  }
}
