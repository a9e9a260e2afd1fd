/// What a refresh changed against the previous frozen results, per lesson and cell: status changes, outputs that
/// changed (with a short diff), timing ratios, and the machine before and after. Written as JSON by
/// `lessons build --report`, as JUnit XML by `--junit`, and summed up on the terminal.
public struct RefreshReport: Sendable, Codable {
  /// Every executed lesson, in path order.
  public var lessons: [Lesson]

  /// One lesson's changes.
  public struct Lesson: Sendable, Codable {
    /// `topics/<topic>/tutorials/<tutorial>`.
    public var path: String
    /// The machine and time of the previous results (nil when the lesson had none) and of the new ones.
    public var before: EnvironmentStamp?
    /// The machine and time of the new results.
    public var after: EnvironmentStamp
    /// New total time over the previous one (nil without previous results or time).
    public var timeRatio: Double?
    /// Every cell of the new results, in order.
    public var cells: [Cell]

    /// Cells whose status changed.
    public var statusChanges: Int { cells.count { $0.statusBefore != nil && $0.statusBefore != $0.status } }
    /// Cells whose output (stdout and stderr) changed.
    public var outputChanges: Int { cells.count(where: \.outputChanged) }
    /// Cells that failed unexpectedly in the new results.
    public var failures: Int { cells.count(where: \.failed) }
  }

  /// One cell's changes.
  public struct Cell: Sendable, Codable {
    /// 1-based, as the page numbers cells.
    public var number: Int
    /// The status in words before (nil when the cell had no previous result) and after.
    public var statusBefore: String?
    /// The new status in words (`CellStatus.summary`).
    public var status: String
    /// True when the new result is a failure the lesson does not expect.
    public var failed: Bool
    /// True when stdout or stderr differs from the previous result's.
    public var outputChanged: Bool
    /// Lines removed (`- `) and added (`+ `), at most `RefreshReport.diffLines` of them.
    public var diff: [String]
    /// Wall time of the cell before and now.
    public var secondsBefore: Double?
    /// Wall time of the cell now.
    public var seconds: Double
    /// New time over the previous one (nil without a previous time).
    public var timeRatio: Double?
  }

  /// The most diff lines kept per cell.
  public static let diffLines = 12

  /// The report for the lessons `log` recorded.
  public init(log: RefreshLog) {
    lessons = log.executed.map(Self.lesson)
  }

  static func lesson(_ entry: RefreshLog.Entry) -> Lesson {
    let previous = entry.previous
    let cells = entry.current.cells.map { cell in
      let old = previous?.result(for: cell.index)
      let output = cell.stdout + cell.stderr
      let oldOutput = old.map { $0.stdout + $0.stderr }
      return Cell(
        number: cell.index + 1, statusBefore: old?.status.summary, status: cell.status.summary,
        failed: cell.status.isUnexpectedFailure, outputChanged: oldOutput.map { $0 != output } ?? false,
        diff: oldOutput.map { diff(from: $0, to: output) } ?? [], secondsBefore: old?.seconds, seconds: cell.seconds,
        timeRatio: ratio(cell.seconds, old?.seconds))
    }
    return Lesson(
      path: entry.relativePath, before: previous?.stamp, after: entry.current.stamp,
      timeRatio: ratio(entry.current.stamp.totalSeconds, previous?.stamp.totalSeconds), cells: cells)
  }

  static func ratio(_ new: Double, _ old: Double?) -> Double? {
    guard let old, old > 0, old.isFinite, new.isFinite else { return nil }
    return new / old
  }

  /// A line diff: removed lines as `- line`, added ones as `+ line`, at most `diffLines`, the last saying how many
  /// more there were.
  static func diff(from old: String, to new: String) -> [String] {
    guard old != new else { return [] }
    let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let newLines = new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var lines: [String] = []
    for change in newLines.difference(from: oldLines) {
      switch change {
      case .remove(_, let line, _): lines.append("- " + line)
      case .insert(_, let line, _): lines.append("+ " + line)
      }
    }
    guard lines.count > diffLines else { return lines }
    return Array(lines.prefix(diffLines - 1)) + ["… \(lines.count - diffLines + 1) more changed line(s)"]
  }
}
