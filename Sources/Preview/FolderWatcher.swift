import Foundation
import SystemCalls

/// Waits for saves under a few folder trees (content and templates) with inotify, every subfolder watched,
/// folders created later included.
///
/// Editors save in bursts (a temporary file, a rename, an attribute change): `nextChanges` returns once the
/// burst has been quiet for `quietMilliseconds`, so one save gives one rebuild.
public final class FolderWatcher: @unchecked Sendable {
  /// How long changes must stop before a burst counts as finished.
  public static let quietMilliseconds: Int32 = 20
  /// The longest a burst is collected before it is handed over anyway.
  public static let burstLimitMilliseconds = 200.0

  private let notifier: FileChangeNotifier

  /// Watches `roots` and every folder under them (hidden folders excepted); throws when inotify is unavailable.
  public init(roots: [String]) throws {
    notifier = try FileChangeNotifier()
    for root in roots { try watchTree(root) }
  }

  /// Blocks until something changed (or `timeoutMilliseconds` passed: nil), then collects the rest of the burst
  /// and returns the changed paths. Hidden files (an editor's swap file, Foundation's `.dat.nosync…` of an atomic
  /// write, whose rename to the real name comes as a change of its own) are left out, and a burst of nothing else
  /// counts as nothing (nil): the build skips hidden files, and a rebuild for one would be named after it.
  public func nextChanges(timeoutMilliseconds: Int32) throws -> [String]? {
    var changes = try notifier.wait(milliseconds: timeoutMilliseconds)
    guard !changes.isEmpty else { return nil }
    let start = Date()
    while Date().timeIntervalSince(start) * 1000 < Self.burstLimitMilliseconds {
      let more = try notifier.wait(milliseconds: Self.quietMilliseconds)
      if more.isEmpty { break }
      changes += more
    }
    for change in changes where change.isFolder && !change.name.hasPrefix(".") {
      try? watchTree(change.folder + "/" + change.name)
    }
    var seen = Set<String>()
    let paths = changes.filter { !$0.name.hasPrefix(".") }
      .map { $0.name.isEmpty ? $0.folder : $0.folder + "/" + $0.name }.filter { seen.insert($0).inserted }
    return paths.isEmpty ? nil : paths
  }

  /// Watches `root` and its subfolders; a folder that vanished meanwhile is skipped.
  private func watchTree(_ root: String) throws {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isFolder), isFolder.boolValue else { return }
    try notifier.watch(root)
    guard let entries = FileManager.default.enumerator(atPath: root) else { return }
    while let entry = entries.nextObject() as? String {
      let name = (entry as NSString).lastPathComponent
      guard entries.fileAttributes?[.type] as? FileAttributeType == .typeDirectory else { continue }
      if name.hasPrefix(".") {
        entries.skipDescendants()
        continue
      }
      try? notifier.watch(root + "/" + entry)
    }
  }
}
