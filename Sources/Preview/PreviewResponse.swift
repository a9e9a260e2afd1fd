import Foundation

/// An answer of the preview server: a status, a content type and a body, sent with `Connection: close`.
public struct PreviewResponse: Sendable {
  /// The statuses the preview server answers with.
  public enum Status: Int, Sendable {
    case ok = 200
    case movedPermanently = 301
    case badRequest = 400
    case forbidden = 403
    case notFound = 404
    case methodNotAllowed = 405
    case requestTimeout = 408
    case uriTooLong = 414
    case headersTooLarge = 431
    case versionNotSupported = 505

    /// The reason phrase of the status line.
    public var reason: String {
      switch self {
      case .ok: "OK"
      case .movedPermanently: "Moved Permanently"
      case .badRequest: "Bad Request"
      case .forbidden: "Forbidden"
      case .notFound: "Not Found"
      case .methodNotAllowed: "Method Not Allowed"
      case .requestTimeout: "Request Timeout"
      case .uriTooLong: "URI Too Long"
      case .headersTooLarge: "Request Header Fields Too Large"
      case .versionNotSupported: "HTTP Version Not Supported"
      }
    }
  }

  public var status: Status
  public var contentType: String
  public var body: Data
  /// A file sent after the head in pieces instead of `body` (which is then empty): a file of `size` bytes too large
  /// to hold in memory for every request (see `PreviewResponder.streamedSize`).
  public var bodyFile: (path: String, size: Int)?
  /// Whether the body is left out (a `HEAD` request); `Content-Length` still gives its size.
  public var omitsBody = false
  /// Header fields sent besides the usual ones (`Location` of a redirect).
  public var extraHeaders: [(name: String, value: String)] = []

  /// A plain-text answer naming the status, for errors.
  public init(_ status: Status) {
    self.status = status
    contentType = "text/plain; charset=utf-8"
    body = Data("\(status.reason.lowercased())\n".utf8)
  }

  /// An answer with `body` of `contentType`.
  public init(status: Status, contentType: String, body: Data) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }

  /// The bytes to send: status line, headers, and the body unless `omitsBody` (not `bodyFile`: the server sends it).
  public var serialized: Data {
    var data = head
    if !omitsBody { data.append(body) }
    return data
  }

  /// The status line and headers, ending with the empty line: what is sent before the body (the server writes
  /// them apart, so that a large file is not copied behind its head).
  public var head: Data {
    var head = "HTTP/1.1 \(status.rawValue) \(status.reason)\r\n"
    head += "Content-Type: \(contentType)\r\nContent-Length: \(bodyFile?.size ?? body.count)\r\n"
    for (name, value) in extraHeaders { head += "\(name): \(value)\r\n" }
    head += "Cache-Control: no-cache\r\nConnection: close\r\n\r\n"
    return Data(head.utf8)
  }
}

/// Answers a request head with a file of the site folder: `GET` and `HEAD` only, 403 for paths that try to leave
/// the folder, 301 for a folder named without its trailing slash, 404 for the rest (see `StaticFileResolver`).
///
/// With `liveReload`, HTML pages get the live-reload script (`LiveReloadScript`) before `</body>` and
/// `/__lessons/live-reload.js` is served: this exists only in what the preview serves, never in the built site.
public struct PreviewResponder: Sendable {
  /// Maps paths to files of the site folder.
  public let resolver: StaticFileResolver
  /// Tells which build generation a served page belongs to; nil serves files as they are.
  public let liveReload: RebuildBroadcaster?

  /// A responder for the site folder `resolver` serves, adding the live-reload script when `liveReload` is given.
  public init(resolver: StaticFileResolver, liveReload: RebuildBroadcaster? = nil) {
    self.resolver = resolver
    self.liveReload = liveReload
  }

  /// Files larger than this are sent in pieces from the file (`PreviewResponse.bodyFile`).
  public static let streamedSize = 1 << 20

  /// The answer to `progress`, the parser's last word on a request (nil while it needs more).
  public func response(to progress: RequestHeadParser.Progress) -> PreviewResponse? {
    switch progress {
    case .needMore: return nil
    case .rejected(let status): return PreviewResponse(status)
    case .complete(let head): return response(to: head)
    }
  }

  /// The answer to a complete request head.
  public func response(to head: RequestHead) -> PreviewResponse {
    guard head.method == "GET" || head.method == "HEAD" else { return PreviewResponse(.methodNotAllowed) }
    var response: PreviewResponse
    if liveReload != nil, head.target.hasPrefix(LiveReloadScript.scriptPath) {
      response = PreviewResponse(
        status: .ok, contentType: "text/javascript; charset=utf-8", body: Data(LiveReloadScript.source.utf8))
      response.omitsBody = head.method == "HEAD"
      return response
    }
    switch resolver.resolve(head.target) {
    case .forbidden:
      response = PreviewResponse(.forbidden)
    case .notFound:
      response = PreviewResponse(.notFound)
      if let liveReload {
        // A page that a failed build did not write: the script shows the build's errors and reloads once a build
        // goes through, so the author need not come back to reload by hand.
        let page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\" /><title>Not found</title></head><body>"
          + "<p>Nothing at this address (yet): it appears when a build writes it.</p></body></html>"
        response.contentType = "text/html; charset=utf-8"
        response.body = LiveReloadScript.inject(into: Data(page.utf8), generation: liveReload.generation)
      }
    case .redirect(let location):
      response = PreviewResponse(.movedPermanently)
      response.extraHeaders = [("Location", location)]
    case .file(let path, let contentType):
      let isPage = liveReload != nil && contentType.hasPrefix("text/html")
      // A large file is sent from the file in pieces: read whole, a 1 GB file beside a lesson cost 2 GB of memory
      // per request (read, then copied behind the head), and a few requests at once could exhaust the machine.
      if !isPage, let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
        size > Self.streamedSize
      {
        response = PreviewResponse(status: .ok, contentType: contentType, body: Data())
        response.bodyFile = (path, size)
        break
      }
      guard var data = FileManager.default.contents(atPath: path) else { return PreviewResponse(.notFound) }
      if let liveReload, contentType.hasPrefix("text/html") {
        data = LiveReloadScript.inject(into: data, generation: liveReload.generation)
      }
      response = PreviewResponse(status: .ok, contentType: contentType, body: data)
    }
    response.omitsBody = head.method == "HEAD"
    return response
  }
}
