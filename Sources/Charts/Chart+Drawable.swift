extension Chart {
  /// The most series a chart draws; further series are left out with a note.
  public static let maximumDrawnSeries = 50
  /// The most points a chart draws over all its series; further points are left out with a note.
  public static let maximumDrawnPoints = 20_000
  /// A series with more points than this is drawn as a line (or dots, for a scatter) without marker shapes.
  static let maximumMarkedPoints = 500
  /// The most bar slots a bar chart without category names draws.
  static let maximumUnnamedCategories = 1_000

  /// The chart as it can be drawn: points with a NaN or infinite value left out, bars whose x names no category
  /// left out, and at most `maximumDrawnSeries` series and `maximumDrawnPoints` points. A chart comes from a
  /// lesson program or a results file, so nothing in it is trusted; what is left out is said in `drawingNotes`.
  var drawable: Chart {
    var copy = self
    var budget = Self.maximumDrawnPoints
    copy.series = Array(series.prefix(Self.maximumDrawnSeries))
    for index in copy.series.indices {
      let kept = copy.series[index].points.filter(isDrawable).prefix(budget)
      budget -= kept.count
      copy.series[index].points = Array(kept)
    }
    return copy
  }

  /// What `drawable` leaves out, as sentences for a note beside the chart; empty when everything is drawn.
  public var drawingNotes: [String] {
    var notes: [String] = []
    let all = series.flatMap(\.points)
    let notNumbers = all.count { !$0.x.isFinite || !$0.y.isFinite }
    if notNumbers > 0 {
      let points = Self.count(notNumbers, "point")
      notes.append("\(points) with a value that is not a finite number (NaN or infinity) not drawn.")
    }
    if kind == .bar {
      let stray = all.count { $0.x.isFinite && $0.y.isFinite && categoryIndex(of: $0.x) == nil }
      if stray > 0 { notes.append("\(Self.count(stray, "bar")) whose x names no category not drawn.") }
    }
    if series.count > Self.maximumDrawnSeries {
      notes.append("Only the first \(Self.maximumDrawnSeries) of \(series.count) series drawn.")
    }
    let drawn = drawable.series.reduce(0) { $0 + $1.points.count }
    let drawableTotal = series.prefix(Self.maximumDrawnSeries).reduce(0) { $0 + $1.points.count { isDrawable($0) } }
    if drawn < drawableTotal {
      notes.append("Only the first \(drawn) of \(drawableTotal) points drawn.")
    }
    return notes
  }

  /// The slot of a bar chart's category for `x`: a whole number naming one of `categories` (or, for a bar chart
  /// without category names, one of the first `maximumUnnamedCategories` slots); nil for anything else, 1e300
  /// and NaN included.
  public func categoryIndex(of x: Double) -> Int? {
    let limit = categories.isEmpty ? Self.maximumUnnamedCategories : categories.count
    guard x.isFinite, x >= 0, x < Double(limit), x == x.rounded() else { return nil }
    return Int(x)
  }

  /// The number of bar slots: one per category, or for unnamed categories up to the highest slot used.
  var barSlots: Int {
    guard categories.isEmpty else { return categories.count }
    let highest = series.flatMap(\.points).compactMap { categoryIndex(of: $0.x) }.max() ?? 0
    return highest + 1
  }

  private func isDrawable(_ point: Point) -> Bool {
    guard point.x.isFinite, point.y.isFinite else { return false }
    return kind != .bar || categoryIndex(of: point.x) != nil
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
  }
}
