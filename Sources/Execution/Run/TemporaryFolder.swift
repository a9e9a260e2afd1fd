import Foundation
import Glibc
import LessonProtocol
import Synchronization

/// A temporary folder for one lesson program (`lessons-exec-<builder pid>-XXXXXX` in the temporary folder),
/// removed when the value is dropped, when the build is interrupted (`removeAllLive()`), or by a later builder
/// once the builder that made it is gone (`removeStale(in:)`, run before the first folder is made).
final class TemporaryFolder {
  let path: String

  /// Folders of this builder that exist now, and whether the build was interrupted. Folders are made and
  /// removed under this lock, so that an interrupt never meets one half-made or half-removed.
  private static let live = Mutex<(folders: Set<String>, interrupted: Bool)>(([], false))
  /// Every folder's name starts with this.
  static let namePrefix = "lessons-exec-"

  /// Removes the leftovers of earlier builders, once per builder.
  private static let cleanedStale: Bool = {
    removeStale(in: NSTemporaryDirectory())
    return true
  }()

  init() throws(ExecutionError) {
    _ = Self.cleanedStale
    var template = Array("\(NSTemporaryDirectory())/\(Self.namePrefix)\(getpid())-XXXXXX".utf8CString)
    let made: String? = Self.live.withLock { live in
      guard !live.interrupted, let made = mkdtemp(&template) else { return nil }
      let path = String(cString: made)
      live.folders.insert(path)
      return path
    }
    guard let made else {
      throw ExecutionError(.io, "cannot create a temporary folder: \(String(cString: strerror(errno)))")
    }
    path = made
  }

  func write(_ text: String, to name: String) throws(ExecutionError) {
    do {
      try text.write(toFile: "\(path)/\(name)", atomically: false, encoding: .utf8)
    } catch {
      throw ExecutionError(.io, "cannot write \(path)/\(name): \(error)")
    }
  }

  deinit {
    Self.live.withLock { live in
      if live.folders.remove(path) != nil { try? FileManager.default.removeItem(atPath: path) }
    }
  }

  /// For an interrupted build, just before it ends: stops every process that carries a live folder in its
  /// environment (what the lesson programs started, wherever it went) and removes the folders; no folder is made
  /// after it.
  static func removeAllLive() {
    live.withLock { live in
      live.interrupted = true
      for folder in live.folders {
        LeftoverProcesses.stop(
          LeftoverProcesses.Run(marker: "\(ControlChannel.workFolderVariable)=\(folder)", program: 0, startTime: 0),
          patience: 0.5)
        try? FileManager.default.removeItem(atPath: folder)
      }
      live.folders.removeAll()
    }
  }

  /// Removes the folders in `parent` left by builders that are gone (killed before they could clean up): those
  /// named with a pid that no longer runs, and those of older builders (no pid in the name) a day old.
  static func removeStale(in parent: String) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
    for name in names where name.hasPrefix(namePrefix) {
      let rest = name.dropFirst(namePrefix.count).split(separator: "-")
      let path = "\(parent)/\(name)"
      if rest.count == 2, let owner = pid_t(rest[0]) {
        guard owner != getpid(), kill(owner, 0) != 0, errno == ESRCH else { continue }
      } else {
        let modified = (try? FileManager.default.attributesOfItem(atPath: path)[.modificationDate]) as? Date
        guard let modified, Date().timeIntervalSince(modified) > 86_400 else { continue }
      }
      try? FileManager.default.removeItem(atPath: path)
    }
  }
}
