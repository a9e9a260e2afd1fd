import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary folder beside the output folder that a build fills and then swaps in, so that readers of the site
/// (and a failed build) never see half a site.
///
/// The swap renames the old site away, renames the new one in and removes the old one; when the second rename
/// fails the old site is put back.
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

  /// Removes the staging folder after a failed build; the output folder is untouched.
  func discard() {
    FileSystem.remove(path)
  }
}
