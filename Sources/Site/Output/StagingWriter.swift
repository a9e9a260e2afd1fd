import Foundation
import Lessons

/// Where a build writes the site's own pages and copied files: into the staging folder, except a file that a
/// partial build's published site already has with the same bytes, which stays as it is.
///
/// Moving an identical file over the published one would change nothing a reader sees, yet give it a new time and
/// inode (rsync and HTTP caches then see it as changed) and cost a rename over an existing file, which on a disk
/// that discards freed blocks at once (this machine's ext4) takes milliseconds each: a one-lesson change rewrote
/// fifty files, most of them unchanged index, topic, contributor and asset files.
struct StagingWriter: Sendable {
  /// The staging folder being filled.
  let staging: String
  /// In a partial build, the published site that staging's files are moved into; nil in a full build.
  let published: String?
  /// The published site's real path, which the files compared with must lie under.
  private let publishedRoot: String?

  init(staging: String, published: String?) {
    self.staging = staging
    self.published = published
    publishedRoot = published.flatMap(FileSystem.realPath)
  }

  /// Writes `bytes` to `path` (relative to the site root), unless the published site has them there.
  func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
    if file(path, holds: bytes) { return }
    try FileSystem.write(bytes, to: staging + "/" + path)
  }

  /// Writes `text` to `path` (relative to the site root), unless the published site has it there.
  func write(_ text: String, to path: String) throws(SiteError) {
    try write(Array(text.utf8), to: path)
  }

  /// Copies `source` to `path` (relative to the site root) when its real path lies under `root`, unless the
  /// published site has its bytes there.
  func copy(_ source: String, to path: String, confinedTo root: String) throws(SiteError) {
    guard published != nil else {
      try FileSystem.copy(source, to: staging + "/" + path, confinedTo: root)
      return
    }
    let bytes = [UInt8](try FileSystem.read(source, confinedTo: root))
    if file(path, holds: bytes) { return }
    try FileSystem.write(bytes, to: staging + "/" + path)
  }

  /// Copies `source`, a file of the content folder, to `path` like `copy`, unless `rawHTML` is `sanitized` and the
  /// file could run script on the site's origin (`ScriptCapableFiles`): then nothing is written, and the warning
  /// naming the file is returned. A checked file's bytes are read once: the bytes checked are the bytes written.
  func publishContentFile(
    _ source: String, to path: String, confinedTo root: String, rawHTML: RawHTMLMode
  ) throws(SiteError) -> Diagnostic? {
    guard rawHTML == .sanitized else {
      try copy(source, to: path, confinedTo: root)
      return nil
    }
    switch ScriptCapableFiles.rule(for: path) {
    case .published:
      try copy(source, to: path, confinedTo: root)
    case .refused(let kind):
      return ScriptCapableFiles.refusal(source, kind: kind)
    case .checked(let kind):
      let bytes = [UInt8](try FileSystem.read(source, confinedTo: root))
      if let finding = XMLScriptCheck.firstFinding(in: bytes) {
        return ScriptCapableFiles.refusal(source, kind: kind, finding: finding)
      }
      try write(bytes, to: path)
    }
    return nil
  }

  /// Whether `path` is a regular file (not a link) of the published site holding exactly `bytes`; its size is
  /// checked before its bytes are read (`readRegular` refuses anything but a regular file).
  private func file(_ path: String, holds bytes: [UInt8]) -> Bool {
    guard let published, let own = try? FileSystem.ownStatus(published + "/" + path), !own.isSymbolicLink,
      own.status.size == Int64(bytes.count),
      let current = FileSystem.readRegular(published + "/" + path, confinedTo: publishedRoot ?? published, limit: bytes.count)
    else { return false }
    guard current.count == bytes.count else { return false }
    if bytes.isEmpty { return true }
    return current.withUnsafeBytes { current in
      bytes.withUnsafeBytes { memcmp(current.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
    }
  }
}
