import Execution
import Foundation
import Synchronization
import SystemCalls
import Testing

@testable import Site
import TestSupport

/// Swapping the new site in: one atomic exchange, the site folder there at every step; failures injected between
/// steps leave a whole site; a partial update that fails says so.
@Suite("Staging folder swap and commit")
final class StagingFolderTests {
  let folder: String
  var site: String { folder + "/site" }

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  init() throws {
    folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    try TestFiles.write("old", to: site + "/index.html")
    try TestFiles.write("old page", to: site + "/topics/a/page.html")
  }

  /// A staging folder filled with a new site.
  func staging() throws -> StagingFolder {
    let staging = try StagingFolder(output: site)
    try TestFiles.write("new", to: staging.path + "/index.html")
    try TestFiles.write("new page", to: staging.path + "/topics/a/page.html")
    try TestFiles.write("{}", to: staging.path + "/" + BuildManifest.fileName)
    return staging
  }

  /// Every step seen, after checking that the site folder holds a whole site (old or new) at that step.
  final class Steps: Sendable {
    let seen = Mutex<[StagingFolder.Step]>([])
    let missing = Mutex<[StagingFolder.Step]>([])
    func record(_ step: StagingFolder.Step, site: String) {
      seen.withLock { $0.append(step) }
      let whole = ["index.html", "topics/a/page.html"].allSatisfy { FileManager.default.fileExists(atPath: site + "/" + $0) }
      if !whole { missing.withLock { $0.append(step) } }
    }
  }

  func leftovers() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(".site.") }
  }

  @Test("a full build replaces the site by one exchange, and the site folder is whole at every step")
  func exchange() throws {
    var staging = try staging()
    let steps = Steps()
    let site = site
    staging.hooks.afterStep = { step throws(SiteError) in steps.record(step, site: site) }
    let outcome = try staging.swapIn()
    #expect(outcome == .exchanged)
    #expect(outcome.note == nil)
    #expect(steps.seen.withLock { $0 } == [.exchanged])
    #expect(steps.missing.withLock { $0 }.isEmpty)
    #expect(try SiteTestSupport.read(site + "/index.html") == "new")
    #expect(try leftovers().isEmpty)
  }

  @Test("a failure injected right after the exchange leaves the new site whole")
  func failureAfterExchange() throws {
    var staging = try staging()
    staging.hooks.afterStep = { _ throws(SiteError) in throw SiteError(.writeFailed, file: "hook", reason: "injected") }
    #expect(throws: SiteError.self) { _ = try staging.swapIn() }
    #expect(try SiteTestSupport.read(site + "/index.html") == "new")
    #expect(try SiteTestSupport.read(site + "/topics/a/page.html") == "new page")
  }

  @Test("where the file system cannot exchange, two renames are used and the outcome says so")
  func fallback() throws {
    var staging = try staging()
    let steps = Steps()
    let site = site
    staging.hooks.exchange = { _, _ throws(SystemCallError) in throw SystemCallError(call: "renameat2", errno: EINVAL) }
    staging.hooks.afterStep = { step throws(SiteError) in steps.record(step, site: site) }
    let outcome = try staging.swapIn()
    #expect(outcome == .twoRenames(reason: SystemCallError(call: "renameat2", errno: EINVAL).description))
    #expect(outcome.note?.contains("not in one atomic step") == true)
    // The window the exchange closes: between the two renames there is no site.
    #expect(steps.missing.withLock { $0 } == [.movedAway])
    #expect(try SiteTestSupport.read(site + "/index.html") == "new")
    #expect(try leftovers().isEmpty)
  }

  @Test("a failure injected between the fallback's two renames puts the old site back")
  func failureBetweenRenames() throws {
    var staging = try staging()
    staging.hooks.exchange = { _, _ throws(SystemCallError) in throw SystemCallError(call: "renameat2", errno: ENOSYS) }
    staging.hooks.afterStep = { step throws(SiteError) in
      if step == .movedAway { throw SiteError(.writeFailed, file: "hook", reason: "injected") }
    }
    #expect(throws: SiteError.self) { _ = try staging.swapIn() }
    #expect(try SiteTestSupport.read(site + "/index.html") == "old")
  }

  @Test("an exchange that fails for another reason changes nothing and is an error")
  func exchangeRefused() throws {
    var staging = try staging()
    staging.hooks.exchange = { _, _ throws(SystemCallError) in throw SystemCallError(call: "renameat2", errno: EACCES) }
    let error = try #require(throws: SiteError.self) { _ = try staging.swapIn() }
    #expect(error.reason.contains("Permission denied"))
    #expect(try SiteTestSupport.read(site + "/index.html") == "old")
  }

  @Test("once the interrupt handler closed the gate, nothing is swapped or committed")
  func closedGate() throws {
    var staging = try staging()
    staging.gate = CommitGate()
    staging.gate.close()
    #expect(throws: SiteError.self) { _ = try staging.swapIn() }
    #expect(throws: SiteError.self) { try staging.commit(removing: []) }
    #expect(try SiteTestSupport.read(site + "/index.html") == "old")
    #expect(staging.gate.refusedCount == 2)
    staging.discard()
  }

  @Test("a partial update that fails half-way says the site was updated in part, and keeps the old manifest")
  func partialCommitFailure() throws {
    try TestFiles.write("old manifest", to: site + "/" + BuildManifest.fileName)
    var staging = try staging()
    staging.hooks.afterStep = { step throws(SiteError) in
      if step == .committed("index.html") { throw SiteError(.writeFailed, file: "disk", reason: "injected") }
    }
    let error = try #require(throws: SiteError.self) { try staging.commit(removing: []) }
    #expect(error.code == .partialUpdate)
    #expect(error.reason.contains("1 of 2 files"))
    #expect(error.reason.contains("updated in part"))
    // The manifest was not replaced: the next build sees the lessons as changed and finishes the update.
    #expect(try SiteTestSupport.read(site + "/" + BuildManifest.fileName) == "old manifest")
    staging.discard()
  }

  @Test("a partial update commits every file and the manifest last")
  func partialCommit() throws {
    let staging = try staging()
    try TestFiles.write("gone", to: site + "/topics/b/stale.html")
    try staging.commit(removing: ["topics/b/stale.html"])
    #expect(try SiteTestSupport.read(site + "/topics/a/page.html") == "new page")
    #expect(!FileManager.default.fileExists(atPath: site + "/topics/b"))
    #expect(try leftovers().isEmpty)
  }
}
