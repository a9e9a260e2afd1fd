import Foundation

/// `NSString`'s path methods for the paths every lesson parse takes apart, on UTF-8 bytes: each `NSString` call
/// first rewrites the path's slashes through Foundation. A path with a doubled or trailing slash (or an empty one)
/// goes to `NSString`, so the answers are always `NSString`'s.
enum PathText {
  /// `(path as NSString).lastPathComponent`.
  static func lastComponent(_ path: String) -> String {
    guard isPlain(path), let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else {
      return (path as NSString).lastPathComponent
    }
    return String(path[path.utf8.index(after: slash)...])
  }

  /// `(path as NSString).deletingLastPathComponent`.
  static func deletingLastComponent(_ path: String) -> String {
    guard isPlain(path) else { return (path as NSString).deletingLastPathComponent }
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `(name as NSString).deletingPathExtension` for a file name (no slash): the name of nearly every lesson,
  /// `tutorial.md`, answered without Foundation.
  static func deletingExtension(ofName name: String) -> String {
    name == "tutorial.md" ? "tutorial" : (name as NSString).deletingPathExtension
  }

  /// Not empty, not ending with `/` and without `//`: `NSString` would leave its slashes as they are.
  private static func isPlain(_ path: String) -> Bool {
    !path.isEmpty && path.utf8.last != UInt8(ascii: "/") && !path.containsBytes("//")
  }
}
