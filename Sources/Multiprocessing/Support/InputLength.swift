/// A range of integers that may hold more items than `Int` can count (`0...Int.max`, `Int.min..<Int.max`,
/// `0..<UInt.max`): asking such a range for its `count` traps, so the pools ask this first.
protocol CountsPastIntMax {
  /// True when the range holds more than `Int.max` items.
  var countsPastIntMax: Bool { get }
}

extension Range: CountsPastIntMax where Bound: FixedWidthInteger {
  var countsPastIntMax: Bool {
    let (distance, overflow) = upperBound.subtractingReportingOverflow(lowerBound)
    return overflow || Int(exactly: distance) == nil
  }
}

extension ClosedRange: CountsPastIntMax where Bound: FixedWidthInteger {
  var countsPastIntMax: Bool {
    let (distance, overflow) = upperBound.subtractingReportingOverflow(lowerBound)
    guard !overflow, let span = Int(exactly: distance) else { return true }
    return span == Int.max  // count = span + 1
  }
}

extension LazySequence: CountsPastIntMax where Base: CountsPastIntMax {
  var countsPastIntMax: Bool { elements.countsPastIntMax }
}

/// The length checks a pool makes before it indexes or copies an input.
enum InputLength {
  /// True for an input that holds more items than `Int` can count: it can be streamed (`imap`) but neither
  /// indexed nor copied.
  static func countsPastIntMax(_ items: some Sequence) -> Bool {
    (items as? any CountsPastIntMax)?.countsPastIntMax == true
  }

  /// For `map`, before its input is indexed or copied into an array: throws `PoolError.invalidArgument` when it
  /// holds more than `limit` items, as far as that can be known without reading it (a range's length, a
  /// sequence's `underestimatedCount`), so that `map` over `0..<Int.max` fails at once instead of trapping.
  static func checkForMap(_ items: some Sequence, limit: Int) throws(PoolError) {
    if countsPastIntMax(items) { throw PoolSizing.tooLongForMap(Int.max, limit: limit) }
    let least = items.underestimatedCount
    if least > limit { throw PoolSizing.tooLongForMap(least, limit: limit) }
  }
}
