/// A number a chart can plot: the integer and floating-point types lesson code uses.
public protocol ChartValue {
  /// The value as a `Double`.
  var chartValue: Double { get }
}

// The integer and floating-point types lesson code holds its numbers in, each converted to Double for plotting.
extension Int: ChartValue { public var chartValue: Double { Double(self) } }
extension Int32: ChartValue { public var chartValue: Double { Double(self) } }
extension Int64: ChartValue { public var chartValue: Double { Double(self) } }
extension UInt: ChartValue { public var chartValue: Double { Double(self) } }
extension UInt64: ChartValue { public var chartValue: Double { Double(self) } }
extension Double: ChartValue { public var chartValue: Double { self } }
extension Float: ChartValue { public var chartValue: Double { Double(self) } }

extension Chart {
  /// An empty line chart: `Chart.line(title: "Pool size vs runtime", x: "Pool Size", y: "time (s)")`.
  public static func line(title: String, x xLabel: String = "", y yLabel: String = "") -> Chart {
    Chart(kind: .line, title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// An empty bar chart; add series with `add(_:categories:values:)`.
  public static func bar(title: String, x xLabel: String = "", y yLabel: String = "") -> Chart {
    Chart(kind: .bar, title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// An empty scatter chart.
  public static func scatter(title: String, x xLabel: String = "", y yLabel: String = "") -> Chart {
    Chart(kind: .scatter, title: title, xLabel: xLabel, yLabel: yLabel)
  }

  /// Adds a series from paired x and y values. Extra values of the longer list are ignored, and pairs with a
  /// non-finite value (NaN, infinity) are left out, as they cannot be drawn or stored as JSON.
  public mutating func add<X: ChartValue, Y: ChartValue>(_ name: String, x: [X], y: [Y]) {
    let points = zip(x, y).map { Point(x: $0.chartValue, y: $1.chartValue) }.filter { $0.x.isFinite && $0.y.isFinite }
    series.append(Series(name: name, points: points))
  }

  /// Adds a series of one value per category (for bar charts). Categories not seen before are appended to
  /// `categories`; a category's bar in every series shares its slot.
  public mutating func add<Y: ChartValue>(_ name: String, categories names: [String], values: [Y]) {
    var points: [Point] = []
    for (category, value) in zip(names, values) where value.chartValue.isFinite {
      let index: Int
      if let existing = categories.firstIndex(of: category) {
        index = existing
      } else {
        categories.append(category)
        index = categories.count - 1
      }
      points.append(Point(x: Double(index), y: value.chartValue))
    }
    series.append(Series(name: name, points: points))
  }
}
