/// Durations as the whole units system calls take, saturating instead of trapping: a caller may pass any
/// `Duration` as a timeout (`.seconds(Int64.max)` means "as long as it takes"), and `seconds * 1000` on such a
/// value overflows `Int`.
extension Duration {
  /// Whole milliseconds, rounded up (a wait never ends early), clamped to `Int.min...Int.max`.
  var saturatingMilliseconds: Int { units(perSecond: 1_000, attosecondsEach: 1_000_000_000_000_000) }

  /// Whole nanoseconds, rounded up, clamped to `Int.min...Int.max`.
  var saturatingNanoseconds: Int { units(perSecond: 1_000_000_000, attosecondsEach: 1_000_000_000) }

  private func units(perSecond: Int, attosecondsEach: Int64) -> Int {
    let (seconds, attoseconds) = components
    let (whole, overflow) = Int(seconds).multipliedReportingOverflow(by: perSecond)
    if overflow { return seconds < 0 ? Int.min : Int.max }
    var part = Int(attoseconds / attosecondsEach)
    if attoseconds % attosecondsEach > 0 { part += 1 }
    let (sum, sumOverflow) = whole.addingReportingOverflow(part)
    return sumOverflow ? (seconds < 0 ? Int.min : Int.max) : sum
  }
}
