/// A problem found in a lesson, with the place it was found, so that an author can go straight to it.
///
/// Warnings let the lesson build (`--strict` turns them into errors); errors stop that lesson from building
/// while the other lessons still build.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
  /// How bad the problem is.
  public enum Severity: String, Sendable, Hashable, Codable {
    case warning
    case error
  }

  /// Warning or error.
  public var severity: Severity
  /// The file, as the user named it or relative to the current folder.
  public var file: String
  /// 1-based line in `file`, or nil when the problem is about the whole file.
  public var line: Int?
  /// 1-based column, when known.
  public var column: Int?
  /// What is wrong, and what to do about it when known.
  public var message: String

  /// Creates a diagnostic.
  public init(_ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, _ message: String) {
    self.severity = severity
    self.file = file
    self.line = line
    self.column = column
    self.message = message
  }

  /// `file:line:column: severity: message`, the form compilers use, which editors and terminals link.
  public var description: String {
    var place = file
    if let line {
      place += ":\(line)"
      if let column { place += ":\(column)" }
    }
    return "\(place): \(severity.rawValue): \(message)"
  }
}
