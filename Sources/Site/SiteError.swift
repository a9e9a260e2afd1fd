import Lessons

/// Why building, checking or serving the site failed, with the file (and line) it is about.
///
/// The one public error type of the Site module; the CLI prints its description and exits non-zero.
public struct SiteError: Error, Sendable, CustomStringConvertible {
  /// What kind of failure this is.
  public enum Code: String, Sendable {
    /// A file or folder could not be read (missing, permissions, not UTF-8).
    case unreadable
    /// A template does not parse, or a required template is missing.
    case template
    /// A YAML file (site.yaml, a topic's metadata.yaml) does not parse.
    case yaml
    /// The output could not be written or swapped in.
    case writeFailed
    /// Writing the output failed after the site began to change: it mixes two builds until the next build.
    case partialUpdate
    /// An option or a setting has a value the builder cannot use.
    case invalidSetting
  }

  /// What kind of failure this is.
  public var code: Code
  /// The file or folder the error is about.
  public var file: String
  /// 1-based line in `file`, when known.
  public var line: Int?
  /// What went wrong, in words an author can act on.
  public var reason: String

  /// An error of kind `code` about `file` (and `line`), with the `reason` shown to the user.
  public init(_ code: Code, file: String, line: Int? = nil, reason: String) {
    self.code = code
    self.file = file
    self.line = line
    self.reason = reason
  }

  /// `file:line: error: reason`, as compilers print it.
  public var description: String {
    "\(file)\(line.map { ":\($0)" } ?? ""): error: \(reason)"
  }

  /// The same problem as a diagnostic, for reports that list every problem of a build.
  public var diagnostic: Diagnostic {
    Diagnostic(.error, file: file, line: line, reason)
  }
}
