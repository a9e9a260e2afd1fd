/// A linear axis with "nice" round ticks (1, 2, 2.5 or 5 × a power of ten) that cover the data.
struct AxisScale: Equatable {
  /// The first and last tick; the axis spans exactly these.
  var lower: Double
  var upper: Double
  /// The distance between ticks.
  var step: Double
  /// Decimal places that show every tick exactly.
  var decimals: Int

  /// Ticks for values from `minimum` to `maximum`, about `target` of them. `includeZero` extends the range to 0
  /// (bar charts). `integral` (every value is a whole number: pool sizes, counts) keeps ticks on whole numbers,
  /// so an axis of 1…2 workers reads 1, 2 rather than 1, 1.2, 1.4. An empty or one-value range is widened so the
  /// axis still has a length.
  init(minimum: Double, maximum: Double, target: Int = 6, includeZero: Bool = false, integral: Bool = false) {
    var low = minimum.isFinite ? minimum : 0
    var high = maximum.isFinite ? maximum : 1
    if low > high { swap(&low, &high) }
    if includeZero {
      low = min(low, 0)
      high = max(high, 0)
    }
    if low == high {
      let pad = low == 0 ? 1 : abs(low) * 0.1
      if includeZero && low >= 0 { high += pad * 10 } else {
        low -= pad
        high += pad
      }
      if includeZero && low > 0 { low = 0 }
    }
    let rough = (high - low) / Double(max(1, target - 1))
    let power = Self.power10(rough.log10Floor)
    let mantissa = rough / power
    var nice: Double = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 2.5 ? 2.5 : mantissa <= 5 ? 5 : 10
    step = nice * power
    if integral && step < 1 {
      nice = 1
      step = 1
    } else if integral && nice == 2.5 && power < 10 {
      nice = 2
      step = 2 * power
    }
    lower = (low / step).rounded(.down) * step
    upper = (high / step).rounded(.up) * step
    let stepDecimals = -Int((step).log10Floor)
    decimals = max(0, stepDecimals + (nice == 2.5 ? 1 : 0))
    // Guard against values that land a hair outside after rounding.
    if lower > low { lower -= step }
    if upper < high { upper += step }
  }

  /// The tick values from `lower` to `upper`, rounded to `decimals` places.
  var ticks: [Double] {
    let count = Int(((upper - lower) / step).rounded()) + 1
    let scale = Self.power10(Double(decimals))
    return (0..<min(count, 100)).map { ((lower + Double($0) * step) * scale).rounded() / scale }
  }

  /// The tick's label, e.g. `2.5`, `10`, `0.05`.
  func label(_ tick: Double) -> String { NumberText.fixed(tick, decimals: decimals) }

  /// Where `value` falls between `from` (at `lower`) and `to` (at `upper`).
  func position(_ value: Double, from: Double, to: Double) -> Double {
    guard upper > lower else { return from }
    return from + (value - lower) / (upper - lower) * (to - from)
  }

  static func power10(_ exponent: Double) -> Double {
    var result = 1.0
    if exponent >= 0 {
      for _ in 0..<Int(exponent) { result *= 10 }
    } else {
      for _ in 0..<Int(-exponent) { result /= 10 }
    }
    return result
  }
}
