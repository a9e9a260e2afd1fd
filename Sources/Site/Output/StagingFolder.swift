import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary folder beside the output folder that a build fills before anything of the site changes, so that a
/// failed build leaves the site as it was.
///
/// A full build swaps it in whole (`swapIn`: rename the old site away, rename the new one in, remove the old one;
/// when the second rename fails the old site is put back). A partial build, which rendered only the changed
/// lessons, moves its files into the site one `rename` each (`commit`), the manifest last.
struct StagingFolder {
  /// The output folder, absolute and without a trailing slash.
  let output: String
  /// The folder being filled.
  let path: String
  private let previous: String

  /// Creates a fresh staging folder beside `output` (leftovers of interrupted builds, whose process is gone, are
  /// removed first).
  init(output: String) throws(SiteError) {
    let url = URL(fileURLWithPath: output).standardizedFileURL
    self.output = url.path
    let parent = url.deletingLastPathComponent().path
    let name = url.lastPathComponent
    try FileSystem.createDirectory(parent)
    for leftover in (try? FileSystem.contents(of: parent, includingHidden: true)) ?? []
    where leftover.hasPrefix(".\(name).staging-") || leftover.hasPrefix(".\(name).old-") {
      // Only the leftovers of builds that are gone: another build may be filling its own staging folder.
      guard let pid = leftover.split(separator: "-").last.flatMap({ Int32($0) }), kill(pid, 0) != 0, errno == ESRCH
      else { continue }
      FileSystem.remove(parent + "/" + leftover)
    }
    let suffix = "\(getpid())"
    path = parent + "/.\(name).staging-\(suffix)"
    previous = parent + "/.\(name).old-\(suffix)"
    try FileSystem.createDirectory(path)
  }

  /// Puts the staging folder in place of the output folder.
  func swapIn() throws(SiteError) {
    guard try FileSystem.status(output) != nil else {
      try FileSystem.move(path, to: output)
      return
    }
    try FileSystem.move(output, to: previous)
    do {
      try FileSystem.move(path, to: output)
    } catch {
      try? FileSystem.move(previous, to: output)
      throw error
    }
    FileSystem.remove(previous)
  }

  /// Moves every file of the staging folder into the output folder (each `rename` replaces one file atomically),
  /// removes `stale` files (relative paths) and the folders they leave empty, and moves the manifest in last, so
  /// that a commit cut short is redone by the next build.
  ///
  /// Used when only some lessons changed: it touches only their files instead of recreating the whole site.
  func commit(removing stale: [String]) throws(SiteError) {
    for file in try FileSystem.tree(under: path).keys.sorted() {
      try FileSystem.createDirectory((output + "/" + file as NSString).deletingLastPathComponent)
      try FileSystem.move(path + "/" + file, to: output + "/" + file)
    }
    for file in stale {
      unlink(output + "/" + file)
      var folder = (file as NSString).deletingLastPathComponent
      while !folder.isEmpty, rmdir(output + "/" + folder) == 0 {
        folder = (folder as NSString).deletingLastPathComponent
      }
    }
    try FileSystem.move(path + "/" + BuildManifest.fileName, to: output + "/" + BuildManifest.fileName)
    FileSystem.remove(path)
  }

  /// Removes the staging folder after a failed build; the output folder is untouched.
  func discard() {
    FileSystem.remove(path)
  }
}
