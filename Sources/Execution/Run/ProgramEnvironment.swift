/// The environment a lesson program runs with: a small fixed set taken from the builder's, the variables the
/// builder sets for it, and only the other variables the lesson or the site names.
///
/// Lesson programs print what they like, and what they print is published (page, notebook, results file). A
/// builder on CI holds tokens in its environment, so nothing reaches a lesson program unless it is on this list:
/// - `PATH`, `HOME`, `LANG`, every `LC_*`, `TMPDIR` (when the builder has them), `TERM=dumb`;
/// - the builder's own variables: every `LESSONS_*` it has (`LESSONS_LIBRARY_PATH`, …), then those it sets for the
///   program (`LESSONS_CONTROL_FD`, `LESSONS_WORK_FOLDER`, `LESSONS_URL_MAP`, `SWIFT_BACKTRACE`), given as `own`;
/// - every name in `env:` of the lesson's front matter or of site.yaml that the builder has.
enum ProgramEnvironment {
  /// Variables copied from the builder when it has them.
  static let passedByDefault = ["PATH", "HOME", "LANG", "TMPDIR"]

  /// `KEY=value` strings for a lesson program: the defaults and `named` variables found in `builder`, then `own`
  /// (which wins over a builder variable of the same name).
  static func make(builder: [String: String], named: [String], own: [String: String]) -> [String] {
    var result: [String: String] = ["TERM": "dumb"]
    for (name, value) in builder where passedByDefault.contains(name) || named.contains(name) {
      result[name] = value
    }
    for (name, value) in builder where name.hasPrefix("LC_") || name.hasPrefix("LESSONS_") {
      result[name] = value
    }
    result.merge(own) { $1 }
    return result.map { "\($0.key)=\($0.value)" }.sorted()
  }
}
