import ArgumentParser
import Execution
import Site

/// The options every command shares: where the content, templates and site are, and how strict to be.
struct SiteOptions: ParsableArguments {
  @Option(help: "The content folder (holding topics/ and an optional site.yaml).")
  var content: String = "content"

  @Option(help: "The folder of Mustache templates and assets/.")
  var templates: String = "templates"

  @Option(help: "The site folder to write.")
  var out: String = "site"

  @Flag(help: "Treat warnings as errors.")
  var strict = false

  @Option(help: "How many lessons to process at once (default: the number of CPUs).")
  var jobs: Int?

  @Option(help: "The address the site is published at, for absolute sitemap.xml locations (overrides site.yaml).")
  var baseURL: String?

  @Flag(help: "Print only problems: no progress, no summary.")
  var quiet = false

  func validate() throws {
    if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
  }

  func configuration(execution: ExecutionOptions = ExecutionOptions()) -> BuildConfiguration {
    BuildConfiguration(
      contentFolder: content, templatesFolder: templates, outputFolder: out, strict: strict,
      jobs: jobs ?? BuildConfiguration.defaultJobs, baseURL: baseURL, execution: execution)
  }
}
