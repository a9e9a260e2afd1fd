/// The drawing of one chart: layout, scales and the SVG text. `chart` is what can be drawn (`Chart.drawable`):
/// finite points only, bars on their categories.
struct SVGChartDrawing {
  let chart: Chart
  let id: String
  /// What was left out of the chart as given (`Chart.drawingNotes`).
  var notes: [String] = []

  static let width = 640.0
  static let height = 400.0
  static let palette = 6
  /// Light-background and dark-background colours (Okabe–Ito based, contrast ≥ 3:1 on white and on #1e1e1e).
  static let lightColors = ["#0072B2", "#D55E00", "#007A5A", "#B0417F", "#8A6D00", "#5A4FCF"]
  static let darkColors = ["#56B4E9", "#F0A04B", "#3DD6A3", "#E88BC4", "#F0E442", "#A99BFF"]
  static let dashes = ["", "6 4", "2 3", "8 3 2 3", "4 2", "1 2"]

  private let plotLeft = 72.0
  private let plotRight = Self.width - 20
  private var plotTop: Double { chart.series.count > 1 || !(chart.series.first?.name.isEmpty ?? true) ? 72 : 48 }
  private let plotBottom = Self.height - 64

  private var points: [Chart.Point] { chart.series.flatMap(\.points) }

  private var xScale: AxisScale {
    AxisScale(
      minimum: points.map(\.x).min() ?? 0, maximum: points.map(\.x).max() ?? 1,
      // A line chart over whole numbers (pool sizes, counts) keeps whole ticks; a scatter's x is a measurement.
      integral: chart.kind == .line && points.allSatisfy { $0.x.rounded() == $0.x })
  }

  private var yScale: AxisScale {
    AxisScale(minimum: points.map(\.y).min() ?? 0, maximum: points.map(\.y).max() ?? 1, includeZero: chart.kind == .bar)
  }

  func svg() -> String {
    let e = XMLText.escape
    var out = """
      <svg xmlns="http://www.w3.org/2000/svg" id="\(id)" class="lc-chart lc-\(chart.kind.rawValue)" \
      viewBox="0 0 \(Int(Self.width)) \(Int(Self.height))" width="\(Int(Self.width))" height="\(Int(Self.height))" \
      role="img" aria-labelledby="\(id)-title \(id)-desc">
      <title id="\(id)-title">\(e(chart.title))</title>
      <desc id="\(id)-desc">\(e(description))</desc>
      \(style())

      """
    out += "<text class=\"lc-title\" x=\"\(fmt(Self.width / 2))\" y=\"24\" text-anchor=\"middle\">\(e(chart.title))</text>\n"
    out += legend()
    out += axes()
    out += chart.kind == .bar ? bars() : seriesMarks()
    out += "</svg>"
    return out
  }

  /// The alt text, followed by what could not be drawn.
  private var description: String {
    ([chart.altText] + notes).joined(separator: " ")
  }

  private func style() -> String {
    let light = Self.lightColors.enumerated().map { "--lc-color-\($0.offset): \($0.element);" }.joined(separator: " ")
    let dark = Self.darkColors.enumerated().map { "--lc-color-\($0.offset): \($0.element);" }.joined(separator: " ")
    let series = (0..<Self.palette).map { index in
      "#\(id) .lc-series-\(index) { stroke: var(--lc-color-\(index)); fill: var(--lc-color-\(index)); }"
    }.joined(separator: "\n")
    return """
      <style>
      #\(id) { \(light) color: inherit; font-family: system-ui, sans-serif; max-width: 100%; height: auto; }
      @media (prefers-color-scheme: dark) { #\(id) { \(dark) } }
      #\(id) text { fill: currentColor; font-size: 12px; }
      #\(id) .lc-title { font-size: 15px; font-weight: 600; }
      #\(id) .lc-label { font-size: 13px; }
      #\(id) .lc-axis { stroke: currentColor; stroke-width: 1; fill: none; }
      #\(id) .lc-grid { stroke: currentColor; stroke-opacity: 0.15; stroke-width: 1; fill: none; }
      \(series)
      #\(id) .lc-line { fill: none; stroke-width: 2; }
      #\(id) .lc-marker { stroke-width: 1.5; }
      #\(id) .lc-bar { stroke: none; }
      </style>
      """
  }

  private func legend() -> String {
    let named = chart.series.enumerated().filter { !$0.element.name.isEmpty }
    guard !named.isEmpty else { return "" }
    var out = "<g class=\"lc-legend\">\n"
    // Items laid out left to right, wrapping to a second row when they do not fit.
    var x = plotLeft
    var y = 48.0
    for (index, series) in named {
      let width = 34 + Double(series.name.count) * 7.0
      if x + width > plotRight && x > plotLeft {
        x = plotLeft
        y += 16
      }
      let cls = "lc-series-\(index % Self.palette)"
      if chart.kind == .bar {
        out += "<rect class=\"lc-bar \(cls)\" x=\"\(fmt(x))\" y=\"\(fmt(y - 9))\" width=\"18\" height=\"10\"/>\n"
      } else {
        if chart.kind == .line {
          out += "<line class=\"lc-line \(cls)\"\(dash(index)) x1=\"\(fmt(x))\" y1=\"\(fmt(y - 4))\" x2=\"\(fmt(x + 18))\" y2=\"\(fmt(y - 4))\"/>\n"
        }
        out += marker(index: index, x: x + 9, y: y - 4)
      }
      out += "<text x=\"\(fmt(x + 24))\" y=\"\(fmt(y))\">\(XMLText.escape(series.name))</text>\n"
      x += width
    }
    return out + "</g>\n"
  }

  private func axes() -> String {
    var out = "<g class=\"lc-axes\">\n"
    let y = yScale
    for tick in y.ticks {
      let py = y.position(tick, from: plotBottom, to: plotTop)
      out += "<line class=\"lc-grid\" x1=\"\(fmt(plotLeft))\" y1=\"\(fmt(py))\" x2=\"\(fmt(plotRight))\" y2=\"\(fmt(py))\"/>\n"
      out += "<text class=\"lc-tick\" x=\"\(fmt(plotLeft - 6))\" y=\"\(fmt(py + 4))\" text-anchor=\"end\">\(y.label(tick))</text>\n"
    }
    if chart.kind == .bar {
      let slot = (plotRight - plotLeft) / Double(max(1, chart.barSlots))
      for (index, name) in chart.categories.enumerated() {
        let px = plotLeft + slot * (Double(index) + 0.5)
        out += "<text class=\"lc-tick\" x=\"\(fmt(px))\" y=\"\(fmt(plotBottom + 18))\" text-anchor=\"middle\">\(XMLText.escape(name))</text>\n"
      }
    } else {
      let x = xScale
      for tick in x.ticks {
        let px = x.position(tick, from: plotLeft, to: plotRight)
        out += "<line class=\"lc-grid\" x1=\"\(fmt(px))\" y1=\"\(fmt(plotTop))\" x2=\"\(fmt(px))\" y2=\"\(fmt(plotBottom))\"/>\n"
        out += "<text class=\"lc-tick\" x=\"\(fmt(px))\" y=\"\(fmt(plotBottom + 18))\" text-anchor=\"middle\">\(x.label(tick))</text>\n"
      }
    }
    out += "<path class=\"lc-axis\" d=\"M\(fmt(plotLeft)) \(fmt(plotTop))V\(fmt(plotBottom))H\(fmt(plotRight))\"/>\n"
    if !chart.xLabel.isEmpty {
      out += "<text class=\"lc-label\" x=\"\(fmt((plotLeft + plotRight) / 2))\" y=\"\(fmt(Self.height - 20))\" text-anchor=\"middle\">\(XMLText.escape(chart.xLabel))</text>\n"
    }
    if !chart.yLabel.isEmpty {
      let cy = (plotTop + plotBottom) / 2
      out += "<text class=\"lc-label\" x=\"18\" y=\"\(fmt(cy))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(fmt(cy)))\">\(XMLText.escape(chart.yLabel))</text>\n"
    }
    return out + "</g>\n"
  }

  private func seriesMarks() -> String {
    var out = ""
    let x = xScale
    let y = yScale
    for (index, series) in chart.series.enumerated() where !series.points.isEmpty {
      let cls = "lc-series-\(index % Self.palette)"
      out += "<g class=\"\(cls)\">\n"
      let placed = (chart.kind == .line ? series.points.sorted { $0.x < $1.x } : series.points).map {
        (x.position($0.x, from: plotLeft, to: plotRight), y.position($0.y, from: plotBottom, to: plotTop))
      }
      if chart.kind == .line && placed.count > 1 {
        let coordinates = placed.map { "\(fmt($0.0)),\(fmt($0.1))" }.joined(separator: " ")
        out += "<polyline class=\"lc-line \(cls)\"\(dash(index)) points=\"\(coordinates)\"/>\n"
      }
      // Beyond a few hundred points marker shapes only hide the line: a line shows the trend, a scatter dots.
      let dense = placed.count > Chart.maximumMarkedPoints
      for (px, py) in placed where !(dense && chart.kind == .line) {
        out += dense ? dot(index: index, x: px, y: py) : marker(index: index, x: px, y: py)
      }
      out += "</g>\n"
    }
    return out
  }

  private func bars() -> String {
    var out = ""
    let y = yScale
    let slot = (plotRight - plotLeft) / Double(max(1, chart.barSlots))
    let groupWidth = slot * 0.8
    let barWidth = groupWidth / Double(max(1, chart.series.count))
    let zero = y.position(0, from: plotBottom, to: plotTop)
    for (index, series) in chart.series.enumerated() {
      let cls = "lc-series-\(index % Self.palette)"
      out += "<g class=\"\(cls)\">\n"
      for point in series.points {
        guard let category = chart.categoryIndex(of: point.x) else { continue }
        let left = plotLeft + slot * Double(category) + (slot - groupWidth) / 2 + barWidth * Double(index)
        let top = y.position(point.y, from: plotBottom, to: plotTop)
        let value = "\(XMLText.escape(series.name)) \(NumberText.short(point.y))"
        out += "<rect class=\"lc-bar \(cls)\" x=\"\(fmt(left))\" y=\"\(fmt(min(top, zero)))\" width=\"\(fmt(barWidth))\" height=\"\(fmt(abs(zero - top)))\"><title>\(value)</title></rect>\n"
      }
      out += "</g>\n"
    }
    return out
  }

  /// Circle, square, diamond, triangle… by series, so series differ without colour.
  private func marker(index: Int, x: Double, y: Double) -> String {
    let cls = "lc-marker lc-series-\(index % Self.palette)"
    switch index % 4 {
    case 1:
      return "<rect class=\"\(cls)\" x=\"\(fmt(x - 3.5))\" y=\"\(fmt(y - 3.5))\" width=\"7\" height=\"7\"/>\n"
    case 2:
      return "<path class=\"\(cls)\" d=\"M\(fmt(x)) \(fmt(y - 5))L\(fmt(x + 5)) \(fmt(y))L\(fmt(x)) \(fmt(y + 5))L\(fmt(x - 5)) \(fmt(y))Z\"/>\n"
    case 3:
      return "<path class=\"\(cls)\" d=\"M\(fmt(x)) \(fmt(y - 5))L\(fmt(x + 5)) \(fmt(y + 4))L\(fmt(x - 5)) \(fmt(y + 4))Z\"/>\n"
    default:
      return "<circle class=\"\(cls)\" cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"4\"/>\n"
    }
  }

  /// A small dot for a point of a dense scatter series.
  private func dot(index: Int, x: Double, y: Double) -> String {
    "<circle class=\"lc-marker lc-series-\(index % Self.palette)\" cx=\"\(fmt(x))\" cy=\"\(fmt(y))\" r=\"1.5\"/>\n"
  }

  private func dash(_ index: Int) -> String {
    let pattern = Self.dashes[index % Self.dashes.count]
    return pattern.isEmpty ? "" : " stroke-dasharray=\"\(pattern)\""
  }

  private func fmt(_ value: Double) -> String { NumberText.fixed(value, decimals: 1) }
}
