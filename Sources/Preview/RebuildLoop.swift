import Foundation
import Synchronization

/// The rebuild loop of `lessons serve`: waits for saves under the watched folders, rebuilds, and tells the open
/// pages through the broadcaster (one event per rebuild that changed the site or its errors).
///
/// The folders are watched from `init` on, so create the loop before the first build: a save during that build
/// then still leads to a rebuild.
public final class RebuildLoop: Sendable {
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

  private let watcher: FolderWatcher

  /// A loop over `folders` (watched from now on) calling `rebuild` and announcing through `broadcaster`; throws
  /// when inotify is unavailable.
  public init(folders: [String], broadcaster: RebuildBroadcaster, rebuild: @escaping @Sendable ([String]) -> Result)
    throws
  {
    self.folders = folders
    self.broadcaster = broadcaster
    self.rebuild = rebuild
    watcher = try FolderWatcher(roots: folders)
  }

  /// Runs on the calling thread until `stop` is set (checked at least every half second). Builds block (they run
  /// lessons on threads of their own), so call it from a thread of its own.
  public func run(until stop: borrowing Atomic<Bool>) throws {
    while !stop.load(ordering: .relaxed) {
      guard let changed = try watcher.nextChanges(timeoutMilliseconds: 500) else { continue }
      if case .rebuilt(let errors) = rebuild(changed) { broadcaster.publish(errors: errors) }
    }
  }
}
