/// What went wrong while executing a lesson, with the context needed to fix it.
///
/// The executor turns these into `Diagnostic`s for the lesson; they surface to callers only from lower-level
/// helpers such as the frozen results store.
public struct ExecutionError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The kind of failure; a struct wrapping an internal enum so that new codes do not break the API.
  public struct Code: Sendable, Hashable, CustomStringConvertible {
    enum Kind: String, Sendable, Hashable {
      case spawnFailed = "spawn failed"
      case compilerNotFound = "compiler not found"
      case librariesNotFound = "libraries not found"
      case io = "input/output"
      case corruptResults = "corrupt results"
      case interrupted = "interrupted"
    }

    let kind: Kind
    init(_ kind: Kind) { self.kind = kind }

    /// A program (compiler or lesson program) could not be started.
    public static let spawnFailed = Code(.spawnFailed)
    /// No `swiftc` on PATH (or at `SWIFTC`).
    public static let compilerNotFound = Code(.compilerNotFound)
    /// The builder's own build products (`Modules/`, `libMultiprocessing.so`, `libLessonSupport.so`) are missing.
    public static let librariesNotFound = Code(.librariesNotFound)
    /// A file could not be read or written.
    public static let io = Code(.io)
    /// A frozen results file exists but cannot be decoded.
    public static let corruptResults = Code(.corruptResults)
    /// The build is being interrupted (Ctrl-C, SIGTERM): nothing more is saved.
    public static let interrupted = Code(.interrupted)

    /// The code in words.
    public var description: String { kind.rawValue }
  }

  /// What kind of failure.
  public var code: Code
  /// What failed and where, in words.
  public var message: String

  init(_ code: Code, _ message: String) {
    self.code = code
    self.message = message
  }

  /// `code: message`.
  public var description: String { "\(code): \(message)" }
}
