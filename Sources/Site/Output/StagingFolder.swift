import Execution
import Foundation
import SystemCalls

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary folder beside the output folder that a build fills before anything of the site changes, so that a
/// failed build leaves the site as it was.
///
/// A full build swaps it in whole (`swapIn`): one `renameat2(RENAME_EXCHANGE)`, so that at every instant the
/// output folder is either the old site or the new one, never missing; where the file system cannot exchange, two
/// renames, and the outcome says so. A partial build, which rendered only the changed lessons, moves its files into
/// the site one `rename` each (`commit`), the manifest last. Both run under the `CommitGate`, so that an interrupt
/// waits for them instead of cutting them short.
struct StagingFolder {
  /// The output folder, absolute and without a trailing slash.
  let output: String
  /// The folder being filled.
  let path: String
  /// Where the old site goes when the fallback of `swapIn` moves it away.
  private let previous: String
  /// The gate shared with the interrupt handler.
  var gate: CommitGate = .shared
  /// The system call that exchanges two folders, and a call made after each step: tests replace them to inject a
  /// failure between steps.
  var hooks = Hooks()

  /// A step of `swapIn` or `commit`, after which `Hooks.afterStep` is called.
  enum Step: Sendable, Equatable {
    /// The output folder did not exist; the staging folder was renamed to it.
    case movedIn
    /// The staging folder and the output folder were exchanged: the output folder is the new site.
    case exchanged
    /// Fallback: the old site was renamed away; the output folder is missing until the next step.
    case movedAway
    /// Fallback: the staging folder was renamed to the output folder.
    case renamedIn
    /// Partial commit: one more file (relative path) is in the site.
    case committed(String)
  }

  /// The replaceable parts of the swap.
  struct Hooks: Sendable {
    var exchange: @Sendable (String, String) throws(SystemCallError) -> Void = { first, second throws(SystemCallError) in
      try FileSystemCalls.exchange(first, second)
    }
    var afterStep: @Sendable (Step) throws(SiteError) -> Void = { _ throws(SiteError) in }
  }

  /// How `swapIn` replaced the site.
  enum SwapOutcome: Sendable, Equatable {
    /// There was no site: the new one was renamed into place.
    case movedIn
    /// One atomic exchange.
    case exchanged
    /// Two renames, because the file system or kernel cannot exchange (the reason says why).
    case twoRenames(reason: String)

    /// What the user should be told, when anything.
    var note: String? {
      guard case .twoRenames(let reason) = self else { return nil }
      return "the site folder was replaced with two renames, not in one atomic step (\(reason)): a crash between "
        + "them would have left no site folder"
    }
  }

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

  /// Puts the staging folder in place of the output folder, then removes the old site.
  func swapIn() throws(SiteError) -> SwapOutcome {
    let outcome = try gate.perform { () throws(SiteError) -> SwapOutcome in try swapUnderGate() }
    guard let outcome else {
      throw SiteError(.writeFailed, file: output, reason: "the build was interrupted; the previous site is unchanged")
    }
    // After an exchange the staging folder holds the old site; after the fallback, `previous` does.
    FileSystem.remove(path)
    FileSystem.remove(previous)
    return outcome
  }

  private func swapUnderGate() throws(SiteError) -> SwapOutcome {
    guard try FileSystem.status(output) != nil else {
      try FileSystem.move(path, to: output)
      try hooks.afterStep(.movedIn)
      return .movedIn
    }
    do {
      try hooks.exchange(path, output)
    } catch {
      // EINVAL: the file system cannot exchange; ENOSYS: the kernel has no renameat2.
      guard [EINVAL, ENOSYS, EOPNOTSUPP].contains(error.errno) else {
        throw SiteError(.writeFailed, file: output, reason: "cannot swap the new site in: \(error)")
      }
      try swapWithTwoRenames()
      return .twoRenames(reason: "\(error)")
    }
    try hooks.afterStep(.exchanged)
    return .exchanged
  }

  /// The fallback: the old site away, the new one in; when the second rename fails the old site is put back.
  private func swapWithTwoRenames() throws(SiteError) {
    try FileSystem.move(output, to: previous)
    do throws(SiteError) {
      try hooks.afterStep(.movedAway)
      try FileSystem.move(path, to: output)
    } catch {
      try? FileSystem.move(previous, to: output)
      throw error
    }
    try hooks.afterStep(.renamedIn)
  }

  /// Moves every file of the staging folder into the output folder (each `rename` replaces one file atomically),
  /// removes `stale` files (relative paths) and the folders they leave empty, and moves the manifest in last, so
  /// that a commit cut short is redone by the next build.
  ///
  /// Used when only some lessons changed: it touches only their files instead of recreating the whole site.
  /// Throws `partialUpdate` when it fails after the site began to change, saying how far it got.
  func commit(removing stale: [String]) throws(SiteError) {
    let files = try FileSystem.tree(under: path).keys.filter { $0 != BuildManifest.fileName }.sorted()
    // Folders first: failing to create one leaves the site as it was.
    for folder in Set(files.map { ($0 as NSString).deletingLastPathComponent }) where !folder.isEmpty {
      try FileSystem.createDirectory(output + "/" + folder)
    }
    let done = try gate.perform { () throws(SiteError) -> Bool in
      var moved = 0
      do throws(SiteError) {
        for file in files {
          try FileSystem.move(path + "/" + file, to: output + "/" + file)
          moved += 1
          try hooks.afterStep(.committed(file))
        }
        for file in stale { removeStale(file) }
        try FileSystem.move(path + "/" + BuildManifest.fileName, to: output + "/" + BuildManifest.fileName)
      } catch {
        guard moved > 0 else { throw error }
        throw SiteError(
          .partialUpdate, file: error.file,
          reason: "\(error.reason); the site was updated in part (\(moved) of \(files.count) files of this build "
            + "are in, the rest are the previous build's): build again to finish the update")
      }
      return true
    }
    guard done != nil else {
      throw SiteError(.writeFailed, file: output, reason: "the build was interrupted; the previous site is unchanged")
    }
    FileSystem.remove(path)
  }

  private func removeStale(_ file: String) {
    unlink(output + "/" + file)
    var folder = (file as NSString).deletingLastPathComponent
    while !folder.isEmpty, rmdir(output + "/" + folder) == 0 {
      folder = (folder as NSString).deletingLastPathComponent
    }
  }

  /// Removes the staging folder after a failed build; the output folder is untouched.
  func discard() {
    FileSystem.remove(path)
  }
}
