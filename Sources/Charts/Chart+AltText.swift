extension Chart {
  /// A sentence or two that says what the chart shows, written from its data, for `<desc>` and screen readers:
  /// "time (s) falls from 2.6 at Pool Size 1 to 1.1 at Pool Size 5". With several series each gets a clause
  /// starting with its name; a bar chart names its highest and lowest category. Only what can be drawn is
  /// described (see `drawingNotes` for the rest).
  public var altText: String {
    let drawn = drawable.series.filter { !$0.points.isEmpty }
    guard !drawn.isEmpty else { return "\(kindName) \"\(title)\" with no data." }
    let clauses = drawn.map { series -> String in
      let sentence = kind == .bar ? barClause(series) : trendClause(series)
      return drawn.count > 1 ? "\(series.name): \(sentence)" : sentence
    }
    return clauses.joined(separator: "; ") + "."
  }

  /// "Line chart", "Bar chart" or "Scatter chart".
  public var kindName: String {
    switch kind {
    case .line: "Line chart"
    case .bar: "Bar chart"
    case .scatter: "Scatter chart"
    }
  }

  private var yName: String { yLabel.isEmpty ? "y" : yLabel }

  private func at(_ x: Double) -> String {
    let value = NumberText.short(x)
    return xLabel.isEmpty ? "x = \(value)" : "\(xLabel) \(value)"
  }

  /// Rises, falls or stays level from the lowest x to the highest, naming a peak or dip in between.
  private func trendClause(_ series: Series) -> String {
    let points = series.points.sorted { $0.x < $1.x }
    guard let first = points.first, let last = points.last else { return "no data" }
    if points.count == 1 { return "\(yName) is \(NumberText.short(first.y)) at \(at(first.x))" }
    let values = points.map(\.y)
    let spread = (values.max() ?? 0) - (values.min() ?? 0)
    let scale = max(abs(values.max() ?? 0), abs(values.min() ?? 0))
    if spread <= 0.05 * scale || spread == 0 {
      return "\(yName) stays at about \(NumberText.short(first.y)) from \(at(first.x)) to \(at(last.x))"
    }
    let change = last.y - first.y
    let verb: String
    if abs(change) <= 0.05 * scale {
      verb = "is \(NumberText.short(first.y)) at \(at(first.x)) and \(NumberText.short(last.y)) at \(at(last.x))"
    } else {
      verb = "\(change > 0 ? "rises" : "falls") from \(NumberText.short(first.y)) at \(at(first.x)) to \(NumberText.short(last.y)) at \(at(last.x))"
    }
    var clause = "\(yName) \(verb)"
    if let peak = points.max(by: { $0.y < $1.y }), peak.y > max(first.y, last.y) + 0.05 * scale {
      clause += ", highest at \(NumberText.short(peak.y)) at \(at(peak.x))"
    } else if let dip = points.min(by: { $0.y < $1.y }), dip.y < min(first.y, last.y) - 0.05 * scale {
      clause += ", lowest at \(NumberText.short(dip.y)) at \(at(dip.x))"
    }
    return clause
  }

  private func barClause(_ series: Series) -> String {
    func name(_ point: Point) -> String {
      guard let index = categoryIndex(of: point.x), categories.indices.contains(index) else {
        return NumberText.short(point.x)
      }
      return categories[index]
    }
    guard let high = series.points.max(by: { $0.y < $1.y }), let low = series.points.min(by: { $0.y < $1.y }) else {
      return "no data"
    }
    if series.points.count == 1 || high.y == low.y {
      return "\(yName) is \(NumberText.short(high.y)) for \(series.points.count == 1 ? name(high) : "every category")"
    }
    return "\(yName) is highest for \(name(high)) (\(NumberText.short(high.y))) and lowest for \(name(low)) (\(NumberText.short(low.y)))"
  }
}
