import Foundation

/// Temporary folders and files for tests that build sites, serve folders or run lessons.
public enum TestFiles {
  /// A new empty folder under the system's temporary folder, named `prefix` + a UUID.
  public static func temporaryFolder(prefix: String) throws -> String {
    let path = NSTemporaryDirectory() + prefix + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `text` at `path`, creating the parents.
  public static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}
