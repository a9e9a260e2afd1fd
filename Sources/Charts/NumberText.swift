internal import Foundation

/// Numbers as short text: `2.6`, `1.08`, `0.00123`, `12346`, `-3`, and `1.7e+308` or `4.9e-324` for magnitudes
/// that fixed-point text cannot hold. Every conversion to `Int` is guarded, so no value (NaN, infinity, 1e308,
/// a subnormal) can trap.
enum NumberText {
  /// The largest magnitude written in fixed point; beyond it (and below `smallest`) numbers are scientific.
  static let largest = 1e15
  /// The smallest non-zero magnitude written in fixed point by `short`.
  static let smallest = 1e-6

  /// About three significant digits, trailing zeros dropped; integers stay whole.
  static func short(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
    if value == 0 { return "0" }
    guard abs(value) < largest, abs(value) >= smallest else { return scientific(value) }
    if value == value.rounded() { return String(Int(value)) }
    let magnitude = Int((abs(value)).log10Floor)
    return fixed(value, decimals: min(8, max(0, 2 - magnitude)))
  }

  /// `value` rounded to `decimals` places, trailing zeros (and a bare point) dropped; scientific when fixed point
  /// cannot hold it (more than 15 digits in all).
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return short(value) }
    guard decimals >= 0, decimals <= 15 else { return scientific(value) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return scientific(value) }
    let whole = Int(scaled) / Int(scale)
    var fraction = String(Int(scaled) % Int(scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }

  /// Three significant digits in scientific notation, `1.7e+308`, `-2.5e-12`.
  static func scientific(_ value: Double) -> String {
    guard value.isFinite else { return short(value) }
    return String(format: "%.3g", value)
  }
}

extension Double {
  /// floor(log10(self)) for a positive finite value (0 otherwise), without a logarithm: between -324 and 308.
  var log10Floor: Double {
    guard self > 0, isFinite else { return 0 }
    var exponent = 0.0
    var value = self
    while value >= 10 {
      value /= 10
      exponent += 1
    }
    while value < 1 {
      value *= 10
      exponent -= 1
    }
    return exponent
  }
}
