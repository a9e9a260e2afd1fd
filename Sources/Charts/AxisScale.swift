/// A linear axis with "nice" round ticks (1, 2, 2.5 or 5 × a power of ten) that cover the data.
///
/// Any finite values make a valid axis, from subnormals to ±1.7e308: spans wider than the largest `Double`
/// are computed in halves, bounds that would round past it are held at it, and tick counts are capped, so no
/// input can overflow to infinity, divide by zero or trap in a conversion.
struct AxisScale: Equatable {
  /// The first and last tick; the axis spans exactly these.
  var lower: Double
  var upper: Double
  /// The distance between ticks.
  var step: Double
  /// Decimal places that show every tick exactly.
  var decimals: Int

  /// The most ticks an axis draws.
  static let maximumTicks = 100

  /// Ticks for values from `minimum` to `maximum`, about `target` of them. `includeZero` extends the range to 0
  /// (bar charts). `integral` (every value is a whole number: pool sizes, counts) keeps ticks on whole numbers,
  /// so an axis of 1…2 workers reads 1, 2 rather than 1, 1.2, 1.4. An empty or one-value range is widened so the
  /// axis still has a length. Non-finite bounds are replaced by 0 and 1.
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
      if !(high > low) {  // the pad of a subnormal rounds to nothing
        low -= 1
        high += 1
      }
      low = Self.clamp(low)
      high = Self.clamp(high)
    }
    // (high - low) / intervals, in halves so that a span wider than the largest Double stays finite.
    let intervals = Double(max(1, target - 1))
    var rough = Self.clamp((high / 2 - low / 2) / intervals * 2)
    if rough < .leastNormalMagnitude { rough = .leastNormalMagnitude }
    let power = Self.power10(rough.log10Floor)
    let mantissa = rough / power
    var nice: Double = mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 2.5 ? 2.5 : mantissa <= 5 ? 5 : 10
    var step = Self.clamp(nice * power)
    if integral && step < 1 {
      nice = 1
      step = 1
    } else if integral && nice == 2.5 && power < 10 {
      nice = 2
      step = 2 * power
    }
    self.step = step
    var lower = Self.clamp((low / step).rounded(.down) * step)
    var upper = Self.clamp((high / step).rounded(.up) * step)
    // Guard against values that land a hair outside after rounding.
    if lower > low { lower = Self.clamp(lower - step) }
    if upper < high { upper = Self.clamp(upper + step) }
    self.lower = lower
    self.upper = upper
    let stepDecimals = -Int(step.log10Floor)  // log10Floor lies in -324...308
    decimals = max(0, stepDecimals + (nice == 2.5 ? 1 : 0))
  }

  /// The tick values: the multiples of `step` from `lower` to `upper` (at most `maximumTicks`), rounded to
  /// `decimals` places when that is exact in a Double.
  var ticks: [Double] {
    let first = (lower / step).rounded(.up)
    let last = (upper / step).rounded(.down)
    guard first.isFinite, last.isFinite, last >= first else { return [lower, upper] }
    let count = last - first < Double(Self.maximumTicks) ? Int(last - first) + 1 : Self.maximumTicks
    let scale = decimals <= 15 ? Self.power10(Double(decimals)) : 1
    return (0..<count).map { offset in
      let tick = (first + Double(offset)) * step
      let rounded = (tick * scale).rounded() / scale
      return rounded.isFinite ? rounded : tick
    }
  }

  /// The tick's label, e.g. `2.5`, `10`, `0.05`, `1e+308`.
  func label(_ tick: Double) -> String { NumberText.fixed(tick, decimals: decimals) }

  /// Where `value` falls between `from` (at `lower`) and `to` (at `upper`); `from` for a value that cannot be
  /// placed (NaN).
  func position(_ value: Double, from: Double, to: Double) -> Double {
    guard upper > lower else { return from }
    let span = upper - lower
    let fraction = span.isFinite ? (value - lower) / span : (value / 2 - lower / 2) / (upper / 2 - lower / 2)
    guard fraction.isFinite else { return from }
    return from + fraction * (to - from)
  }

  /// 10 to the power `exponent` (a whole number), by repeated multiplication; at most 10^308.
  static func power10(_ exponent: Double) -> Double {
    var result = 1.0
    let count = exponent.isFinite ? Int(min(abs(exponent), 400)) : 0
    for _ in 0..<count {
      if exponent >= 0 { result *= 10 } else { result /= 10 }
    }
    return clamp(result)
  }

  /// `value` held within the finite Doubles.
  private static func clamp(_ value: Double) -> Double {
    min(max(value, -.greatestFiniteMagnitude), .greatestFiniteMagnitude)
  }
}
