import Foundation

/// Temporary folders and files for the preview tests.
enum PreviewTestSupport {
  /// A new empty folder under the temporary directory.
  static func temporaryFolder() throws -> String {
    let path = NSTemporaryDirectory() + "preview-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// Writes `text` at `path`, creating the parents.
  static func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
  }
}
