import ArgumentParser
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

  @Argument(help: "With --refresh: the lessons (tutorial folder name or relative path) to run again.")
  var lessons: [String] = []

  func validate() throws {
    if !lessons.isEmpty && !refresh {
      throw ValidationError("lesson names are only taken after --refresh (e.g. lessons build --refresh my-lesson)")
    }
  }

  func run() throws {
    InterruptHandling.install()
    let policy: RefreshPolicy = !refresh ? .none : lessons.isEmpty ? .all : .lessons(lessons)
    let configuration = options.configuration(execution: ExecutionOptions(refresh: policy, live: live))
    let reporter = TerminalReporter(quiet: options.quiet)
    let report: BuildReport
    do {
      report = try SiteBuilder(configuration: configuration).build(progress: reporter.progress)
    } catch {
      reporter.fail(error)
      throw ExitCode.failure
    }
    reporter.finish(report, verb: "Built", output: options.out)
    if report.hasErrors { throw ExitCode.failure }
  }
}
