import Execution
import Foundation
import SystemCalls

/// The git work tree the content folder lies in, and what git knows about when its files last changed.
///
/// Build orchestration only (it runs git): rendering receives the dates as values. Git is asked once per build for
/// every lesson at a time (`git log` and `git ls-files`), never once per lesson, so that a site of a thousand
/// lessons does not start two thousand processes.
struct GitWorkTree: Sendable {
  /// The folder holding `.git` (a folder, or a file in linked work trees and submodules).
  var top: String
  /// The content folder's path inside the work tree: `""` when it is the top, else `content`, `docs/content`, ….
  var contentPrefix: String

  /// The work tree holding `folder`, found by looking for `.git` in it and its parents; nil when there is none.
  static func containing(_ folder: String) -> GitWorkTree? {
    guard let real = FileSystem.realPath(folder) else { return nil }
    var top = real
    var inside: [String] = []
    while true {
      if (try? FileSystem.status(top + "/.git")) != nil {
        return GitWorkTree(top: top, contentPrefix: inside.reversed().joined(separator: "/"))
      }
      guard top != "/", !top.isEmpty else { return nil }
      inside.append((top as NSString).lastPathComponent)
      top = (top as NSString).deletingLastPathComponent
    }
  }

  /// The committer date (ISO 8601, `2026-11-29T18:07:34+01:00`) of the last commit that changed each of `files`
  /// (paths relative to `contentFolder`). Files git does not track and files with changes not yet committed are
  /// left out: their own modification time says more. Empty when git is missing, fails or takes over a minute.
  static func lastCommitDates(
    of files: [String], contentFolder: String, environment: [String] = CommandRunner.currentEnvironment()
  ) -> [String: String] {
    guard !files.isEmpty, let git = executable("git") else { return [:] }
    let environment = gitEnvironment(environment)
    let pathspecs = files.map { ":(literal)" + $0 }
    // -z: names as they are (no quoting); --relative: relative to the content folder, which -C makes the current one.
    guard
      let log = run(
        git,
        safeOptions + ["-C", contentFolder, "log", "-z", "--no-renames", "--format=%x01%cI", "--name-only", "--relative"]
          + ["--"] + pathspecs, environment: environment)
    else { return [:] }
    var dates: [String: String] = [:]
    var date: String?
    for field in log.split(separator: "\0") {
      var field = field.drop { $0 == "\n" }
      if field.first == "\u{1}" {
        field = field.dropFirst()
        date = String(field.prefix { $0 != "\0" && $0 != "\n" })
        // With -z the first file name follows the date after a NUL; a newline may separate them in some versions.
        if let newline = field.firstIndex(of: "\n") { field = field[field.index(after: newline)...] } else { continue }
      }
      guard let date, !field.isEmpty else { continue }
      let name = String(field)
      if dates[name] == nil { dates[name] = date }  // newest first: the first date seen is the last change
    }
    let changed = run(
      git,
      safeOptions + ["-C", contentFolder, "ls-files", "-z", "--modified", "--others", "--exclude-standard", "--"] + pathspecs,
      environment: environment)
    for name in changed?.split(separator: "\0") ?? [] { dates[String(name)] = nil }
    return dates
  }

  /// Options that keep git from running a program the repository's own configuration names. `ls-files --modified`
  /// refreshes the index, which runs `core.fsmonitor`: a content folder holding a `.git` of someone else's making
  /// (an artifact of an untrusted job, an unpacked archive) ran its program in a build that runs no lesson code.
  static let safeOptions = ["-c", "core.fsmonitor=false"]

  /// `environment` without git's own variables: a build started from a git hook, or with `GIT_DIR` or
  /// `GIT_WORK_TREE` set for another repository, would otherwise ask that repository for the content's dates.
  static func gitEnvironment(_ environment: [String]) -> [String] {
    environment.filter { !$0.hasPrefix("GIT_") }
  }

  /// Standard output of a successful command, nil otherwise.
  private static func run(_ executable: String, _ arguments: [String], environment: [String]) -> String? {
    guard let result = try? CommandRunner.run(executable, arguments, timeout: 60, environment: environment),
      !result.timedOut,
      result.termination == .exited(0)
    else { return nil }
    return result.stdout
  }

  /// The first executable named `name` on `PATH`.
  private static func executable(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for folder in path.split(separator: ":") where access("\(folder)/\(name)", X_OK) == 0 {
      return "\(folder)/\(name)"
    }
    return nil
  }
}
