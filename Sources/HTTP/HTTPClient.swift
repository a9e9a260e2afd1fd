import CCurl

/// PLACEHOLDER: the libcurl client, implemented by the HTTP work.
public enum HTTP {
  /// The version of libcurl in use.
  public static var curlVersion: String { String(cString: curl_version()) }
}
