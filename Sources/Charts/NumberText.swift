/// Numbers as short text without Foundation: `2.6`, `1.08`, `0.00123`, `12346`, `-3`.
enum NumberText {
  /// About three significant digits, trailing zeros dropped; integers stay whole.
  static func short(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-∞" : "∞") }
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    let magnitude = Int((abs(value)).log10Floor)
    return fixed(value, decimals: min(8, max(0, 2 - magnitude)))
  }

  /// `value` rounded to `decimals` places, trailing zeros (and a bare point) dropped.
  static func fixed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite else { return short(value) }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(value) * scale).rounded()
    guard scaled < 9e15 else { return String(value) }
    let whole = Int(scaled) / Int(scale)
    var fraction = String(Int(scaled) % Int(scale))
    while fraction.count < decimals { fraction = "0" + fraction }
    while fraction.hasSuffix("0") { fraction.removeLast() }
    let sign = value < 0 && scaled != 0 ? "-" : ""
    return fraction.isEmpty ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
  }
}

extension Double {
  /// floor(log10(self)) for a positive finite value, without Foundation.
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
