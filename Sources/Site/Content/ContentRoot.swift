import Lessons

/// The content folder a build publishes from, and the rule that keeps the build inside it: a file or folder is
/// read or published only when its real path (symbolic links resolved) lies inside the content folder's real path.
///
/// Lessons come from pull requests: a link `notes.txt → /etc/shadow` beside a lesson must not copy the system's
/// password file into the site. Links that stay inside the content folder (a shared image, a tutorial folder linked
/// from another topic) keep working. A link that leaves the folder, or points at nothing, is skipped with a
/// warning that names it, so that nothing disappears silently.
struct ContentRoot: Sendable {
  /// The content folder as the user named it (diagnostics name files under it).
  let path: String
  /// Its real path: what every link's target is checked against.
  let realPath: String

  /// The content folder `path`; throws when it does not exist.
  init(_ path: String) throws(SiteError) {
    guard let real = FileSystem.realPath(path) else {
      throw SiteError(.unreadable, file: path, reason: "the content folder does not exist (lessons go in topics/<topic>/tutorials/<tutorial>/tutorial.md under it)")
    }
    self.path = path
    realPath = real
  }

  /// What a path under the content folder is, links followed only while they stay inside it.
  enum Entry: Sendable {
    /// Nothing at the path.
    case missing
    case file(FileSystem.Status)
    case folder(FileSystem.Status)
    /// A symbolic link that leaves the content folder or points at nothing, or a named pipe, socket or device: a
    /// warning naming it.
    case refused(Diagnostic)
  }

  /// What `path` is. Only links are resolved: `path`'s parent is assumed to have been checked already (the scan
  /// walks down from the root, one name at a time).
  func entry(_ path: String) throws(SiteError) -> Entry {
    // One `lstat` tells what a path that is not a link is (most are): no second call following it.
    guard let own = try FileSystem.ownStatus(path) else { return .missing }
    if own.isSpecial { return .refused(Self.special(path)) }
    if !own.isSymbolicLink { return own.status.isDirectory ? .folder(own.status) : .file(own.status) }
    let target = FileSystem.linkTarget(path) ?? "?"
    guard let real = FileSystem.realPath(path) else {
      return .refused(
        Diagnostic(.warning, file: path, "symbolic link to \(target), which does not exist: not published"))
    }
    guard FileSystem.isInside(real, root: realPath) else {
      return .refused(
        Diagnostic(
          .warning, file: path,
          "symbolic link to \(target), outside the content folder: not published (only files inside the content folder are)"))
    }
    // A link inside the content folder: what it points at.
    guard let status = try FileSystem.status(path) else { return .missing }
    if !status.isDirectory && FileSystem.isSpecial(path) { return .refused(Self.special(path)) }
    return status.isDirectory ? .folder(status) : .file(status)
  }

  /// The warning for a named pipe, socket or device: reading one would block the build or never end (a lesson
  /// program can make one during a build; git cannot carry one).
  private static func special(_ path: String) -> Diagnostic {
    Diagnostic(.warning, file: path, "not a regular file (a named pipe, a socket or a device): not published")
  }

  /// Every file under `folder` (recursively) with its status, keyed by its path relative to `folder`; hidden names
  /// are skipped, and so are links that leave the content folder or point at nothing (each adds a warning to
  /// `refused`). Deeper than `FileSystem.maximumDepth` folders is refused, which also stops link loops.
  func tree(under folder: String, refused: inout [Diagnostic], depth: Int = 0) throws(SiteError)
    -> [String: FileSystem.Status]
  {
    guard depth < FileSystem.maximumDepth else {
      throw SiteError(
        .unreadable, file: folder,
        reason: "folders nested more than \(FileSystem.maximumDepth) deep (a symbolic link loop?)")
    }
    var result: [String: FileSystem.Status] = [:]
    for name in try FileSystem.contents(of: folder) {
      let full = folder + "/" + name
      switch try entry(full) {
      case .missing: continue
      case .refused(let warning): refused.append(warning)
      case .file(let status): result[name] = status
      case .folder:
        for (file, inner) in try tree(under: full, refused: &refused, depth: depth + 1) {
          result[name + "/" + file] = inner
        }
      }
    }
    return result
  }
}
