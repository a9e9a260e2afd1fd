import ArgumentParser
import Execution
import Site

/// The options of every command that reads lessons: where the content and templates are, how strict to be, how
/// many lessons at once, how much to print. `check` takes only these (it writes nothing).
struct SourceOptions: ParsableArguments {
  @Option(help: "The content folder (holding topics/ and an optional site.yaml).")
  var content: String = "content"

  @Option(help: "The folder of Mustache templates and assets/.")
  var templates: String = "templates"

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "How many lessons to process at once (default: the number of CPUs).")
  var jobs: Int?

  @Flag(help: "Print only problems: no progress, no summary.")
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  /// The build configuration for these folders, writing to `out` (nil: the default, for commands that write
  /// nothing).
  func configuration(
    out: String = "site", baseURL: String? = nil, execution: ExecutionOptions = ExecutionOptions()
  ) -> BuildConfiguration {
    BuildConfiguration(
      contentFolder: content, templatesFolder: templates, outputFolder: out, strict: strict,
      jobs: jobs ?? BuildConfiguration.defaultJobs, baseURL: baseURL, execution: execution)
  }
}

/// The options of the commands that write the site (`build`, `serve`): the source options plus where the site
/// goes and the address it is published at.
struct SiteOptions: ParsableArguments {
  @OptionGroup var source: SourceOptions

  @Option(help: "The site folder to write.")
  var out: String = "site"

  @Option(help: "The address the site is published at, for absolute sitemap.xml locations (overrides site.yaml).")
  var baseURL: String?

  /// Whether to print only problems.
  var quiet: Bool { source.quiet }

  func configuration(execution: ExecutionOptions = ExecutionOptions()) -> BuildConfiguration {
    source.configuration(out: out, baseURL: baseURL, execution: execution)
  }
}
