import Foundation
import Testing

/// Where the pool tests run: in a test process of their own, never beside other suites.
///
/// A `ProcessPool` test forks the test process. That is only safe while no other thread is busy in the Swift
/// runtime (a lock held at the fork stays held forever in the child), and a plain `swift test` runs every
/// target's suites in one process, in parallel. So the pool tests are enabled only in a process started for
/// them with `LESSONS_POOL_TESTS_PROCESS=1`; everywhere else `PoolTestsInOwnProcess` starts that process (this
/// test binary again, filtered to `AllPoolTests`) and passes or fails with it. To run them directly:
/// `LESSONS_POOL_TESTS_PROCESS=1 swift test --skip-build --filter AllPoolTests`.
enum PoolTestProcess {
  /// The environment variable that marks the pool tests' own process.
  static let variable = "LESSONS_POOL_TESTS_PROCESS"
  /// True in the process started for the pool tests.
  static let isOwn = ProcessInfo.processInfo.environment[variable] == "1"
  /// Why the pool tests are skipped elsewhere.
  static let elsewhere: Comment =
    "pool tests fork, so they run in a test process of their own (see PoolTestsInOwnProcess); set LESSONS_POOL_TESTS_PROCESS=1 to run them here"
  /// How long the child process may take before it is killed and the test fails.
  static let deadline: TimeInterval = 600
}

@Suite("Pool tests in a process of their own")
struct PoolTestsInOwnProcess {
  @Test(
    "every pool test passes in a child test process that runs nothing else",
    .enabled(if: !PoolTestProcess.isOwn, "this is the pool tests' own process"))
  func runInChildProcess() throws {
    let log = FileManager.default.temporaryDirectory.appendingPathComponent("pool-tests-\(UUID().uuidString).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: log) }
    let output = try FileHandle(forWritingTo: log)
    defer { try? output.close() }

    let child = Process()
    child.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    child.arguments = ["--testing-library", "swift-testing", "--filter", "AllPoolTests"]
    child.environment = ProcessInfo.processInfo.environment.merging([PoolTestProcess.variable: "1"]) { $1 }
    child.standardOutput = output
    child.standardError = output
    let ended = DispatchSemaphore(value: 0)
    child.terminationHandler = { _ in ended.signal() }
    try child.run()
    if ended.wait(timeout: .now() + PoolTestProcess.deadline) == .timedOut {
      kill(child.processIdentifier, SIGKILL)
      ended.wait()
      Issue.record("the pool tests' process ran past \(Int(PoolTestProcess.deadline)) s and was killed")
    }
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    let tail = text.split(separator: "\n").suffix(60).joined(separator: "\n")
    #expect(child.terminationReason == .exit && child.terminationStatus == 0, "pool tests failed:\n\(tail)")
    // A filter that matched nothing would pass too: the summary must name the tests that ran.
    let summary = text.split(separator: "\n").last { $0.contains("Test run with") } ?? ""
    #expect(summary.contains("passed") && !summary.contains("with 0 tests"), "no pool test ran:\n\(tail)")
    print("pool tests, in their own process: \(summary.drop { !$0.isLetter })")
  }
}
