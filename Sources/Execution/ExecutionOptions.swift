/// Which lessons to execute again even when their frozen results are current.
public enum RefreshPolicy: Sendable, Hashable {
  /// Reuse frozen results whose key matches (the default: publishing needs no compiler).
  case none
  /// Re-execute every lesson.
  case all
  /// Re-execute the lessons whose slug or relative path is named.
  case lessons([String])

  /// True when the lesson with `slug` at `relativePath` must be executed again.
  public func includes(slug: String, relativePath: String) -> Bool {
    switch self {
    case .none: false
    case .all: true
    case .lessons(let names):
      names.contains { $0 == slug || $0 == relativePath || relativePath.hasSuffix("/\($0)") }
    }
  }
}

/// How lessons are executed.
public struct ExecutionOptions: Sendable {
  public var refresh: RefreshPolicy
  /// Contact the real servers instead of starting stand-ins.
  public var live: Bool
  /// Seconds a cell may run when it sets no `timeout:`.
  public var defaultTimeout: Double
  /// Folder with `Modules/`, `libMultiprocessing.so` and `libLessonSupport.so`; nil means the folder of the running
  /// executable (or `LESSONS_LIBRARY_PATH`).
  public var libraryFolder: String?
  /// Compile every lesson program with `-O` (true) or `-Onone` (false) whatever its front matter says; nil (the
  /// default) lets each lesson choose: `-O` with `optimize: true` (lessons that measure speed), else `-Onone`,
  /// which compiles in about a third of the time (docs/executed-lessons.md). The level joins the results key.
  public var optimize: Bool?
  /// Bytes of stdout and of stderr kept per cell; the rest is dropped with a note.
  public var outputLimit: Int
  /// Names of the builder's environment variables every lesson program sees beyond the small set it always gets
  /// (site.yaml's `env:`); a lesson adds its own with `env:` in its front matter. See `ProgramEnvironment`.
  public var passedEnvironment: [String] = []
  /// The names the maintainer lets lessons have (`--pass-env`): a name in `env:` (a lesson's or site.yaml's) that is
  /// not here is not passed, with a warning. `env:` is content, which a pull request can change to name the CI
  /// job's token; the command that builds it is not.
  public var permittedEnvironment: Set<String> = []
  /// The environment lesson programs' variables are taken from; nil means the builder's own (tests set it instead
  /// of changing the process environment, which other threads read).
  var builderEnvironment: [String: String]?
  /// Shared by every lesson run with these options (and their copies): `exclusive: true` lessons run alone.
  public var gate = ExecutionGate()
  /// When set, every executed lesson is recorded there with its previous results, for a refresh report.
  public var refreshLog: RefreshLog?
  /// Called as a lesson's execution goes on (compiling, each cell as it begins), from the thread running it.
  /// Set per lesson (the builder tells its progress line which lesson it is).
  public var onStep: (@Sendable (ExecutionStep) -> Void)?

  /// Options with the defaults: reuse frozen results, stand-in servers, 60 s per cell, the optimisation level each
  /// lesson asks for, 1 MB per stream.
  public init(
    refresh: RefreshPolicy = .none, live: Bool = false, defaultTimeout: Double = 60, libraryFolder: String? = nil,
    optimize: Bool? = nil, outputLimit: Int = 1 << 20
  ) {
    self.refresh = refresh
    self.live = live
    self.defaultTimeout = defaultTimeout
    self.libraryFolder = libraryFolder
    self.optimize = optimize
    self.outputLimit = outputLimit
  }
}
