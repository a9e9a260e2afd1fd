import ArgumentParser
import Site

/// `lessons check`: parse and render every lesson without writing or executing, and report every problem.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check every lesson and print each problem as file:line: severity: message.",
    discussion: "Exits with 1 when any error is found (or any warning, with --strict). Cells are not run.")

  @OptionGroup var options: SourceOptions

  func run() throws {
    let reporter = TerminalReporter(quiet: options.quiet)
    let report: BuildReport
    do {
      report = try SiteBuilder(configuration: options.configuration()).check(progress: reporter.progress)
    } catch {
      reporter.fail(error, building: false)
      throw ExitCode.failure
    }
    reporter.finish(report, verb: "Checked", output: nil)
    if report.hasErrors { throw ExitCode.failure }
  }
}
