import Foundation
import Synchronization

/// The rebuild loop of `lessons serve`: waits for saves under the watched folders, rebuilds, and tells the open
/// pages through the broadcaster (one event per rebuild that changed the site or its errors).
public struct RebuildLoop: Sendable {
  /// What a rebuild did.
  public enum Result: Sendable {
    /// Nothing changed (an editor's swap file was saved, say): no event.
    case unchanged
    /// The site was rebuilt; `errors` (each `file:line: error: …`) is empty when every page was built.
    case rebuilt(errors: [String])
  }

  /// Content and templates, watched recursively.
  public let folders: [String]
  /// Where rebuilds are announced.
  public let broadcaster: RebuildBroadcaster
  /// Builds the site after `changed` paths changed.
  public let rebuild: @Sendable (_ changed: [String]) -> Result

  /// A loop over `folders` calling `rebuild` and announcing through `broadcaster`.
  public init(folders: [String], broadcaster: RebuildBroadcaster, rebuild: @escaping @Sendable ([String]) -> Result) {
    self.folders = folders
    self.broadcaster = broadcaster
    self.rebuild = rebuild
  }

  /// Runs on the calling thread until `stop` is set (checked at least every half second). Builds block (they run
  /// lessons on threads of their own), so call it from a thread of its own.
  public func run(until stop: borrowing Atomic<Bool>) throws {
    let watcher = try FolderWatcher(roots: folders)
    while !stop.load(ordering: .relaxed) {
      guard let changed = try watcher.nextChanges(timeoutMilliseconds: 500) else { continue }
      if case .rebuilt(let errors) = rebuild(changed) { broadcaster.publish(errors: errors) }
    }
  }
}
