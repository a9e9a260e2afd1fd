import Charts
import Testing

/// Charts come from lesson programs and results files: no number in them may crash the builder. Every chart
/// below draws as well-formed SVG whose coordinates are finite numbers inside (or near) the drawing.
@Suite("Charts with extreme values", .timeLimit(.minutes(1)))
struct ExtremeValuesTests {
  static let nan = Double.nan
  static let infinity = Double.infinity

  /// A chart of `kind` with one series of `points`, built directly (as a decoded results file would), so that
  /// non-finite values reach the drawing.
  static func chart(_ kind: Chart.Kind, _ points: [(Double, Double)], categories: [String] = []) -> Chart {
    Chart(
      kind: kind, title: "extreme", xLabel: "x", yLabel: "y", categories: categories,
      series: [Chart.Series(name: "s", points: points.map { Chart.Point(x: $0.0, y: $0.1) })])
  }

  /// Every coordinate attribute of the SVG, which must parse as a finite number within ±100,000 (the drawing is
  /// 640 × 400).
  static func expectSaneCoordinates(_ svg: String, _ comment: Comment) {
    let parsed = SVGParsing.parse(svg)
    #expect(parsed.error == nil, comment)
    var values: [String] = []
    for element in parsed.elements {
      for name in ["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "width", "height", "r"] {
        if let value = element.attributes[name] { values.append(value) }
      }
      if let points = element.attributes["points"] {
        values += points.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
      }
    }
    for value in values {
      let number = Double(value)
      #expect(number.map { $0.isFinite && abs($0) < 100_000 } == true, "\(comment): coordinate \(value)")
    }
  }

  @Test(
    "line and scatter charts of extreme values draw with finite coordinates",
    arguments: [Chart.Kind.line, .scatter],
    [
      [(1, -1.7e308), (2, 1.7e308)],
      [(-1.7e308, 1), (1.7e308, 2)],
      [(-.greatestFiniteMagnitude, -.greatestFiniteMagnitude), (.greatestFiniteMagnitude, .greatestFiniteMagnitude)],
      [(1, 1e308), (2, 1e308)],
      [(1e300, 1), (1e300, 2)],
      [(0, .leastNonzeroMagnitude), (1, 2 * .leastNonzeroMagnitude)],
      [(.leastNonzeroMagnitude, .leastNonzeroMagnitude)],
      [(0, 0), (1, .leastNormalMagnitude)],
      [(1, nan), (2, 3)],
      [(nan, nan)],
      [(1, infinity), (2, -infinity), (3, 1)],
      [(1e16, 1), (1e16 + 2, 2)],
      [(-1e-300, 1e-300), (1e-300, -1e-300)],
      [],
      [(3, 4)],
    ] as [[(Double, Double)]])
  func extremeLines(kind: Chart.Kind, points: [(Double, Double)]) {
    let chart = Self.chart(kind, points)
    Self.expectSaneCoordinates(SVGChart.render(chart, id: "c"), "\(kind) \(points)")
    #expect(!chart.altText.isEmpty)
  }

  @Test("a bar at x = 1e300, NaN, -1 or 0.5 names no category: it is left out and the note says so")
  func strayBars() {
    for x in [1e300, Self.nan, -1, 0.5, 2] {
      let chart = Self.chart(.bar, [(0, 1), (x, 2)], categories: ["a", "b"])
      let svg = SVGChart.render(chart, id: "c")
      Self.expectSaneCoordinates(svg, "bar x \(x)")
      let bars = SVGParsing.parse(svg).withClass("lc-bar").filter { $0.name == "rect" }
      #expect(bars.count == 1 + 1, "one bar and its legend key, x \(x)")
      #expect(chart.drawingNotes.contains { $0.contains("1 bar") || $0.contains("1 point") }, "x \(x)")
    }
  }

  @Test("a bar chart of 1e308 and -1.7e308 values, and one without category names, draw")
  func extremeBars() {
    Self.expectSaneCoordinates(
      SVGChart.render(Self.chart(.bar, [(0, 1.7e308), (1, -1.7e308)], categories: ["a", "b"]), id: "c"), "bars")
    Self.expectSaneCoordinates(SVGChart.render(Self.chart(.bar, [(0, 1), (5, 2)]), id: "c"), "unnamed bars")
  }

  @Test("a speedup divided by a zero time (infinity, NaN) is left out of the drawing and named in the notes")
  func speedupOverZeroTime() {
    let times = [2.0, 0.0, 1.0]
    let serial = 0.0
    var chart = Chart.line(title: "Speedup", x: "workers", y: "speedup")
    chart.add("ProcessPool", x: [1, 2, 3], y: times.map { $0 / times[1] })
    chart.add("serial", x: [1], y: [serial / serial])
    Self.expectSaneCoordinates(SVGChart.render(chart, id: "c"), "speedup")
    let raw = Self.chart(.line, [(1, 2.0 / 0), (2, 0.0 / 0), (3, 1)])
    #expect(raw.drawingNotes == ["2 points with a value that is not a finite number (NaN or infinity) not drawn."])
    #expect(SVGChart.render(raw, id: "c").contains("2 points with a value that is not a finite number"))
  }

  @Test("10,000 points draw as one line without marker shapes, in bounded size")
  func tenThousandPoints() {
    let count = 10_000
    var chart = Chart.line(title: "dense", x: "i", y: "sin")
    chart.add("s", x: Array(0..<count), y: (0..<count).map { Double($0 % 100) * 1e300 })
    let svg = SVGChart.render(chart, id: "c")
    Self.expectSaneCoordinates(svg, "dense")
    #expect(SVGParsing.parse(svg).withClass("lc-marker").count <= 1)  // the legend's key only
    #expect(svg.utf8.count < 400_000)
  }

  @Test("more points than a chart draws are cut with a note, not drawn without end")
  func tooManyPoints() {
    let points = (0..<(Chart.maximumDrawnPoints + 10)).map { (Double($0), 1.0) }
    let chart = Self.chart(.scatter, points)
    #expect(chart.drawingNotes.contains { $0.hasPrefix("Only the first \(Chart.maximumDrawnPoints) of") })
  }

  @Test("control characters in titles and names show as pictures and keep the SVG well-formed")
  func controlCharacters() {
    var chart = Chart.bar(title: "nul\u{0} esc\u{1B}[31m soh\u{1} del\u{7F}", x: "x\u{0}", y: "y")
    chart.add("s\u{1B}", categories: ["a\u{0}"], values: [1])
    let svg = SVGChart.render(chart, id: "c")
    let parsed = SVGParsing.parse(svg)
    #expect(parsed.error == nil)
    #expect(parsed.elements.first { $0.name == "title" }?.text == "nul␀ esc␛[31m soh␁ del␡")
    #expect(!svg.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }
}
