extension CellResult {
  /// The longest cell time taken as real: a year. A results file is untrusted text, and a lesson program reports
  /// its own times, so anything longer (and anything negative, NaN or infinite) is shown as unknown.
  public static let plausibleSeconds = 366.0 * 24 * 3600

  /// The most dropped bytes a decoded result keeps (a petabyte), so that sums of byte counts cannot overflow.
  public static let maximumDroppedBytes = 1 << 50

  /// True when `seconds` is a time a cell can have taken: finite, not negative, at most `plausibleSeconds`.
  public var hasPlausibleTime: Bool {
    seconds.isFinite && seconds >= 0 && seconds <= Self.plausibleSeconds
  }
}
