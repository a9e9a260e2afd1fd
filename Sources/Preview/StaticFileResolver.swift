import Foundation

/// Maps a request path of the preview server to a file under the site folder, refusing anything outside it.
///
/// Paths are percent-decoded, then any `.` or `..` segment, backslash or NUL is refused, and the file's real path
/// (symbolic links resolved) must still lie under the site folder's real path.
public struct StaticFileResolver: Sendable {
  /// What a request path leads to.
  public enum Resolution: Sendable, Equatable {
    /// A file to send, with its content type.
    case file(path: String, contentType: String)
    /// A folder named without its trailing slash: send the client to this path (the slash added, the query kept),
    /// so that the relative links of its index.html resolve inside it.
    case redirect(location: String)
    /// Nothing there.
    case notFound
    /// The path tries to leave the site folder or is malformed.
    case forbidden
  }

  /// The site folder.
  public let root: String

  /// A resolver for the site folder `root`.
  public init(root: String) {
    self.root = root
  }

  /// Resolves `requestPath` (the path of the request target, without the query).
  public func resolve(_ requestPath: String) -> Resolution {
    let parts = requestPath.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
    let pathOnly = parts.first ?? ""
    guard let decoded = String(pathOnly).removingPercentEncoding else { return .forbidden }
    let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
    for segment in segments where segment == ".." || segment == "." || segment.contains("\\") || segment.contains("\0") {
      return .forbidden
    }
    // Hidden files (the build manifest) are the builder's, not the site's.
    if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }
    let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
    var candidate = realRoot + (segments.isEmpty ? "" : "/" + segments.joined(separator: "/"))
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) else { return .notFound }
    if isDirectory.boolValue {
      if !pathOnly.hasSuffix("/") {
        return .redirect(location: String(pathOnly) + "/" + (parts.count > 1 ? "?" + parts[1] : ""))
      }
      candidate += "/index.html"
      guard FileManager.default.fileExists(atPath: candidate) else { return .notFound }
    }
    let real = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().path
    guard real.hasPrefix(realRoot + "/") else { return .forbidden }
    return .file(path: real, contentType: Self.contentType(forPath: real))
  }

  /// The content type the preview server sends for a file, by its extension.
  public static func contentType(forPath path: String) -> String {
    let fileExtension = (path as NSString).pathExtension.lowercased()
    switch fileExtension {
    case "html", "htm": return "text/html; charset=utf-8"
    case "css": return "text/css; charset=utf-8"
    case "js", "mjs": return "text/javascript; charset=utf-8"
    case "json", "ipynb": return "application/json"
    case "xml": return "application/xml"
    case "svg": return "image/svg+xml"
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "webp": return "image/webp"
    case "ico": return "image/x-icon"
    case "txt", "md", "swift", "py", "csv", "tsv": return "text/plain; charset=utf-8"
    case "pdf": return "application/pdf"
    case "woff2": return "font/woff2"
    default: return "application/octet-stream"
    }
  }
}
