import ArgumentParser
import Foundation
import Execution
import Site

/// `lessons build`: content → site, atomically and incrementally.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build the site (only what changed since the last build).",
    discussion: """
      A lesson with errors is reported and left out; the other lessons are built and the exit status is 1. \
      A build that cannot finish leaves the previous site as it was.
      """)

  @OptionGroup var options: SiteOptions

  @Flag(help: "Run the Swift cells again instead of reusing frozen results: all lessons, or those named after it.")
  var refresh = false

  @Flag(help: "Talk to the real servers instead of local stand-ins while running cells.")
  var live = false

  @Option(
    name: .customLong("pass-env"),
    help: ArgumentHelp(
      "Let cells have this environment variable when a lesson's or site.yaml's env: names it (repeatable).",
      discussion: "env: alone passes nothing: a pull request can edit it to name a CI token, not this command."))
  var passEnv: [String] = []

  @Option(help: "Build only shard I of N (e.g. 1/4): the lessons split by their recorded run times, longest first.")
  var shard: String?

  @Option(help: "Write a JSON report of what the run changed against the previous frozen results.")
  var report: String?

  @Option(help: "Write the same report as JUnit XML (one test case per cell), for CI test reporters.")
  var junit: String?

  @Argument(help: "With --refresh: the lessons (tutorial folder name or relative path) to run again.")
  var lessons: [String] = []

  func validate() throws {
    if !lessons.isEmpty && !refresh {
      throw ValidationError("lesson names are only taken after --refresh (e.g. lessons build --refresh my-lesson)")
    }
    if let shard {
      do {
        _ = try Shard(parsing: shard)
      } catch {
        throw ValidationError(error.description)
      }
    }
  }

  func run() throws {
    InterruptHandling.install()
    let policy: RefreshPolicy = !refresh ? .none : lessons.isEmpty ? .all : .lessons(lessons)
    var execution = ExecutionOptions(refresh: policy, live: live)
    execution.permittedEnvironment = Set(passEnv)
    var configuration = options.configuration(execution: execution)
    configuration.shard = try shard.map { text throws(ShardError) in try Shard(parsing: text) }
    let log = RefreshLog()
    configuration.execution.refreshLog = log
    let reporter = TerminalReporter(quiet: options.quiet)
    let report: BuildReport
    do {
      report = try SiteBuilder(configuration: configuration).build(progress: reporter.progress)
    } catch {
      reporter.fail(error)
      throw ExitCode.failure
    }
    let refreshReport = RefreshReport(log: log)
    if refresh && !options.quiet { FileHandle.standardOutput.write(Data(RefreshReportOutput.text(refreshReport).utf8)) }
    reporter.finish(report, verb: "Built", output: options.out)
    do {
      if let path = self.report { try RefreshReportOutput.write(try RefreshReportOutput.json(refreshReport), to: path) }
      if let junit { try RefreshReportOutput.write(Data(RefreshReportOutput.junit(refreshReport).utf8), to: junit) }
    } catch {
      reporter.fail(error, building: false)
      throw ExitCode.failure
    }
    if report.hasErrors { throw ExitCode.failure }
  }
}
