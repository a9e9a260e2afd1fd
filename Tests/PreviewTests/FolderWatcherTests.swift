import Foundation
import Testing

@testable import Preview

/// What a save under the watched folders reports: the saved file, never an editor's or an atomic write's hidden
/// temporary file (whose rename to the real name may come as a burst of its own).
@Suite("Folder watcher", .timeLimit(.minutes(1)))
struct FolderWatcherTests {
  private static func folder() throws -> String {
    let path = NSTemporaryDirectory() + "folder-watcher-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path + "/sub", withIntermediateDirectories: true)
    return path
  }

  @Test("a burst of hidden files only is no change; with a real file, only the real file is named")
  func hiddenFilesAreLeftOut() throws {
    let root = try Self.folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let watcher = try FolderWatcher(roots: [root])
    try Data("swap".utf8).write(to: URL(fileURLWithPath: root + "/sub/.tutorial.md.swp"))
    // Nothing but a hidden file: reported as nothing, however long it waits (bounded: 300 ms).
    #expect(try watcher.nextChanges(timeoutMilliseconds: 300) == nil)
    // An atomic write: Foundation's hidden temporary file, then its rename to the real name.
    try Data("saved".utf8).write(to: URL(fileURLWithPath: root + "/sub/tutorial.md"), options: .atomic)
    var named: [String] = []
    let deadline = Date().addingTimeInterval(20)
    while named.isEmpty && Date() < deadline {
      named += try watcher.nextChanges(timeoutMilliseconds: 500) ?? []
    }
    #expect(named == [root + "/sub/tutorial.md"])
  }
}
