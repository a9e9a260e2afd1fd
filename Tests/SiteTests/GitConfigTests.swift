import Foundation
import Testing

@testable import Site

/// The builder asks git for the lessons' dates in every build, even one that runs no lesson code: a `.git` of
/// someone else's making (an untrusted job's artifact, an unpacked archive) must not make git run its program.
@Suite("git run by the builder", .serialized)
struct GitConfigTests {
  @Test("core.fsmonitor in the repository's config is not run when the dates are read", .timeLimit(.minutes(1)))
  func fsmonitorNotRun() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A")
    guard site.git(["init", "-q"]) && site.git(["add", "."]) && site.git(["commit", "-q", "-m", "one"]) else {
      Issue.record("git is not available")
      return
    }
    let marker = site.folder + "/fsmonitor-ran"
    let program = site.folder + "/monitor.sh"
    try "#!/bin/sh\necho ran >> '\(marker)'\n".write(toFile: program, atomically: true, encoding: .utf8)
    #expect(chmod(program, 0o755) == 0)
    #expect(site.git(["config", "core.fsmonitor", program]))
    try site.lesson("a", "title: A changed")
    let dates = GitWorkTree.lastCommitDates(of: ["topics/t/tutorials/a/tutorial.md"], contentFolder: site.content)
    #expect(dates.isEmpty, "a changed file has no commit date: \(dates)")
    #expect(!FileManager.default.fileExists(atPath: marker), "git ran the repository's core.fsmonitor")
  }
}
