import Execution
import Foundation

/// What a build reads, where it writes and how.
public struct BuildConfiguration: Sendable {
  /// The content root holding `topics/` (and optionally `site.yaml`).
  public var contentFolder: String
  /// The folder of Mustache templates and `assets/`.
  public var templatesFolder: String
  /// The site folder; replaced as a whole when the build succeeds.
  public var outputFolder: String
  /// Warnings count as errors: the lesson is not built and the build fails.
  public var strict: Bool
  /// How many lessons are processed at once.
  public var jobs: Int
  /// Overrides `base_url` of site.yaml; makes sitemap.xml absolute.
  public var baseURL: String?
  /// Passed to the execution step.
  public var execution: ExecutionOptions
  /// `--shard I/N`: only the lessons of this shard are built (and executed); nil builds every lesson.
  public var shard: Shard?

  /// A configuration with the defaults of the `lessons` command: `content`, `templates`, `site`, one job per CPU.
  public init(
    contentFolder: String = "content", templatesFolder: String = "templates", outputFolder: String = "site",
    strict: Bool = false, jobs: Int = BuildConfiguration.defaultJobs, baseURL: String? = nil,
    execution: ExecutionOptions = ExecutionOptions(), shard: Shard? = nil
  ) {
    self.contentFolder = contentFolder
    self.templatesFolder = templatesFolder
    self.outputFolder = outputFolder
    self.strict = strict
    self.jobs = max(1, jobs)
    self.baseURL = baseURL
    self.execution = execution
    self.shard = shard
  }

  /// The number of CPUs the process may use.
  public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}
