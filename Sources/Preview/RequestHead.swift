/// The head of an HTTP/1.x request: what the preview server needs to answer it.
public struct RequestHead: Sendable, Equatable {
  /// `GET`, `HEAD`, …
  public var method: String
  /// The request target as sent (`/topics/a/index.html?x=1`), not decoded.
  public var target: String
  /// `HTTP/1.1` or `HTTP/1.0`.
  public var version: String
  /// Header fields in the order sent, names as sent.
  public var headers: [(name: String, value: String)]

  public static func == (left: RequestHead, right: RequestHead) -> Bool {
    left.method == right.method && left.target == right.target && left.version == right.version
      && left.headers.elementsEqual(right.headers) { $0.name == $1.name && $0.value == $1.value }
  }
}

/// Reads a request head from bytes as they arrive, within fixed limits, in time linear in the bytes received.
///
/// A request line longer than `maximumRequestLine` is answered 414 and header fields beyond `maximumHeaderBytes`
/// or `maximumHeaderCount` 431 as soon as the limit is crossed, without waiting for the rest: a client sending a
/// 256 KB request line no longer holds a worker for the time it takes to parse it.
public struct RequestHeadParser: Sendable {
  /// The longest request line accepted, in bytes (the line ending excluded).
  public static let maximumRequestLine = 8 * 1024
  /// The most bytes of header fields accepted after the request line.
  public static let maximumHeaderBytes = 32 * 1024
  /// The most header fields accepted.
  public static let maximumHeaderCount = 100

  /// Where reading stands.
  public enum Progress: Sendable, Equatable {
    /// The head is not complete yet: read more.
    case needMore
    /// The head is complete (bytes after it, a body, are ignored).
    case complete(RequestHead)
    /// The request is refused with this status; answer it and close.
    case rejected(PreviewResponse.Status)
  }

  private var buffer: [UInt8] = []
  /// Bytes before this index were searched for line feeds already.
  private var scanned = 0
  /// The index of the request line's line feed, once seen.
  private var requestLineEnd: Int?
  /// The index of the last line feed seen.
  private var lastNewline = -1
  private var finished: Progress?

  /// A parser at the start of a request.
  public init() {}

  /// Takes the next bytes received and says where reading stands. After a final answer, later bytes change nothing.
  public mutating func append(_ bytes: some Sequence<UInt8>) -> Progress {
    if let finished { return finished }
    buffer.append(contentsOf: bytes)
    let progress = advance()
    if progress != .needMore { finished = progress }
    return progress
  }

  private mutating func advance() -> Progress {
    let newline = UInt8(ascii: "\n")
    while let next = buffer[scanned...].firstIndex(of: newline) {
      scanned = next + 1
      guard let lineEnd = requestLineEnd else {
        guard next <= Self.maximumRequestLine + 1 else { return .rejected(.uriTooLong) }
        requestLineEnd = next
        lastNewline = next
        continue
      }
      // The head ends with an empty line (a line feed right after the last one, or after a carriage return).
      let lineStart = lastNewline + 1
      if next == lineStart || (next == lineStart + 1 && buffer[lineStart] == UInt8(ascii: "\r")) {
        return parse(headerBytes: buffer[(lineEnd + 1)..<lineStart])
      }
      lastNewline = next
      if next - lineEnd > Self.maximumHeaderBytes { return .rejected(.headersTooLarge) }
    }
    scanned = buffer.count
    guard let lineEnd = requestLineEnd else {
      return buffer.count > Self.maximumRequestLine + 1 ? .rejected(.uriTooLong) : .needMore
    }
    return buffer.count - lineEnd - 1 > Self.maximumHeaderBytes ? .rejected(.headersTooLarge) : .needMore
  }

  private func parse(headerBytes: ArraySlice<UInt8>) -> Progress {
    guard let lineEnd = requestLineEnd else { return .needMore }
    guard headerBytes.count <= Self.maximumHeaderBytes else { return .rejected(.headersTooLarge) }
    let requestLine = Self.text(buffer[..<lineEnd])
    let parts = requestLine.split(separator: " ", omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[1].hasPrefix("/") else { return .rejected(.badRequest) }
    guard parts[2].hasPrefix("HTTP/1.") else { return .rejected(.versionNotSupported) }
    var headers: [(name: String, value: String)] = []
    for line in headerBytes.split(separator: UInt8(ascii: "\n")) {
      let text = Self.text(line)
      guard !text.isEmpty else { continue }
      // Folded lines (obsolete) and fields without a name are malformed.
      guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.first != " ", text.first != "\t"
      else { return .rejected(.badRequest) }
      headers.append((String(text[..<colon]), text[text.index(after: colon)...].trimmingSpaces()))
      if headers.count > Self.maximumHeaderCount { return .rejected(.headersTooLarge) }
    }
    return .complete(RequestHead(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers))
  }

  /// The bytes as text without the line's carriage return.
  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    var bytes = bytes
    if bytes.last == UInt8(ascii: "\r") { bytes = bytes.dropLast() }
    return String(decoding: bytes, as: UTF8.self)
  }
}

extension Substring {
  /// The text without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
