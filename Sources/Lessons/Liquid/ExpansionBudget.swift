/// How much work rendering one lesson's Liquid and expanding its includes may do, shared by every template rendered
/// for the lesson (its body, each snippet and include).
///
/// A lesson is untrusted text, and a few lines of it can ask for unbounded work: three nested `{% for %}` loops of
/// 1,000 items (10⁹ steps), `{% assign a = a | append: a %}` forty times (2⁴¹ bytes), snippets that each include
/// the next one 300 times (27 million file reads), a 1 MB snippet included 100,000 times. Each of those hung the
/// build or filled its memory. Real GTN lessons stay far below both limits (a few thousand steps, well under a
/// megabyte); a lesson that crosses one is an error at the line where it happened, and the rest of that template
/// is left out.
struct ExpansionBudget: Sendable {
  /// The most Liquid pieces (text, tags, outputs, replayed loop bodies included) and include reads, counted
  /// together; an include read costs `includeCost`.
  static let maximumSteps = 1_000_000
  /// What one include or snippet read costs in steps: a file read is far dearer than a Liquid piece.
  static let includeCost = 100
  /// The most bytes of text made: Liquid output and values, and lines added by includes.
  static let maximumBytes = 64 * 1024 * 1024

  private(set) var steps = 0
  private(set) var bytes = 0
  /// True once a limit was crossed: everything after is left out.
  private(set) var exhausted = false

  init() {}

  /// Spends `steps` and `bytes`; false (and exhausted from then on) when that crosses a limit.
  mutating func spend(steps: Int = 0, bytes: Int = 0) -> Bool {
    guard !exhausted else { return false }
    self.steps += steps
    self.bytes += bytes
    if self.steps > Self.maximumSteps || self.bytes > Self.maximumBytes { exhausted = true }
    return !exhausted
  }

  /// The error to report where the budget ran out.
  static let message =
    "Liquid and includes make more than \(maximumSteps) steps or \(maximumBytes / (1024 * 1024)) MB of text here "
    + "(nested {% for %} loops, a growing {% assign %}, includes within includes?); the rest is left out"
}
