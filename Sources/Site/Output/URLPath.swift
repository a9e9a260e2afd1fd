/// Turns paths of the site (folder and file names as they are on disk) into the text of a relative URL.
///
/// Folder names come from the content folder, and any name is allowed there: `a b`, `c#d`, `e?f`, `été`, or
/// `%2e%2e`, which a browser reads as `..` when it is put in a link as is. Every byte but the unreserved ones of
/// RFC 3986 (letters, digits, `-._~`) is percent-encoded, `%` included, so that each name reaches the browser as
/// the one segment it is on disk, and the preview server (which decodes once) finds the same file.
public enum URLPath {
  /// `path` (segments separated by `/`) with each segment percent-encoded; the separators stay.
  public static func encode(_ path: String) -> String {
    // Most paths need nothing encoded (lesson folders are slugs): they are returned as they are.
    if needsNoEncoding(path) { return path }
    return path.split(separator: "/", omittingEmptySubsequences: false).map { encodeSegment(String($0)) }
      .joined(separator: "/")
  }

  /// Whether every byte of `path` is unreserved or a `/`, and no segment is made of dots only.
  private static func needsNoEncoding(_ path: String) -> Bool {
    var segmentLength = 0
    var dotsOnly = true
    for byte in path.utf8 {
      if byte == UInt8(ascii: "/") {
        if segmentLength > 0 && dotsOnly { return false }
        segmentLength = 0
        dotsOnly = true
      } else {
        guard isUnreserved(byte) else { return false }
        segmentLength += 1
        if byte != UInt8(ascii: ".") { dotsOnly = false }
      }
    }
    return !(segmentLength > 0 && dotsOnly)
  }

  /// One path segment percent-encoded, `/` included. A segment of dots only (`.`, `..`), which no file can be
  /// named but a front matter can write, has its dots encoded too.
  public static func encodeSegment(_ segment: String) -> String {
    let dotsOnly = !segment.isEmpty && segment.allSatisfy { $0 == "." }
    var encoded = ""
    encoded.reserveCapacity(segment.utf8.count)
    for byte in segment.utf8 {
      if isUnreserved(byte) && !(dotsOnly && byte == UInt8(ascii: ".")) {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        encoded += "%"
        encoded.append(hexDigits[Int(byte >> 4)])
        encoded.append(hexDigits[Int(byte & 0x0F)])
      }
    }
    return encoded
  }

  private static func isUnreserved(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return true
    case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
      return true
    default:
      return false
    }
  }

  private static let hexDigits = Array("0123456789ABCDEF")
}
