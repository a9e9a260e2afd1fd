/// Dictionary key types written as object keys directly: `String` as it is, `Int` in decimal — the same
/// key text the standard library's `Dictionary.encode(to:)` gives a keyed container.
protocol DirectKey: Hashable {
  func appendKey(to bytes: inout [UInt8])
  /// The key a member's key bytes spell; nil when they spell none (an `Int` key that is not a number).
  static func key(from text: UnsafeRawBufferPointer) -> Self?
}

extension String: DirectKey {
  func appendKey(to bytes: inout [UInt8]) { BinaryFormat.appendKey(self, to: &bytes) }
  static func key(from text: UnsafeRawBufferPointer) -> String? { String(decoding: text, as: UTF8.self) }
}

extension Int: DirectKey {
  /// Appends the decimal text as a key (a one-byte length, then the digits) without building a string.
  func appendKey(to bytes: inout [UInt8]) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var rest = magnitude
      var start = 20
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      } while rest != 0
      bytes.append(UInt8(20 - start + (self < 0 ? 1 : 0)))
      if self < 0 { bytes.append(UInt8(ascii: "-")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
    }
  }

  /// Parses `-?[0-9]+` without building a string; nil on anything else or on overflow.
  static func key(from text: UnsafeRawBufferPointer) -> Int? {
    var digits = text[...]
    let negative = digits.first == UInt8(ascii: "-")
    if negative { digits = digits.dropFirst() }
    guard !digits.isEmpty else { return nil }
    var magnitude: UInt64 = 0
    for digit in digits {
      guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digit) else { return nil }
      let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit - UInt8(ascii: "0")))
      guard !overflow1, !overflow2 else { return nil }
      magnitude = sum
    }
    if negative { return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil }
    return Int(exactly: magnitude)
  }
}
