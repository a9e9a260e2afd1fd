/// Identifies the builder that made a site, so that a new builder (or a rebuilt one) renders every page again.
enum BuilderVersion {
  /// The format of pages and manifest; raise it when the output of the same input changes.
  static let format = "lessons-site/1"

  /// The format plus the size and time of the running executable.
  static var current: String {
    guard let status = try? FileSystem.status("/proc/self/exe") else { return format }
    return "\(format) \(status.size) \(status.modified)"
  }
}
