import Charts
import Testing

/// The SVG drawing, read back with an XML parser.
@Suite("SVG charts", .timeLimit(.minutes(1)))
struct SVGChartTests {
  static func poolChart() -> Chart {
    var chart = Chart.line(title: "Pool size vs runtime", x: "Pool Size", y: "time (s)")
    chart.add("ProcessPool", x: [1, 2, 3, 4, 5], y: [2.6, 1.5, 1.2, 1.1, 1.1])
    chart.add("ThreadPool", x: [1, 2, 3, 4, 5], y: [2.5, 1.4, 1.3, 1.2, 1.15])
    return chart
  }

  @Test("the SVG is well-formed, with <title>, <desc> from the alt text, and a scoped <style>")
  func wellFormed() throws {
    let chart = Self.poolChart()
    let svg = SVGChart.render(chart, id: "pool chart 1")
    let parsed = SVGParsing.parse(svg)
    #expect(parsed.error == nil)
    let root = try #require(parsed.elements.first)
    #expect(root.name == "svg")
    #expect(root.attributes["id"] == "pool-chart-1")
    #expect(root.attributes["role"] == "img")
    #expect(parsed.elements.first { $0.name == "title" }?.text == "Pool size vs runtime")
    #expect(parsed.elements.first { $0.name == "desc" }?.text == chart.altText)
    let style = try #require(parsed.elements.first { $0.name == "style" })
    #expect(style.text.contains("#pool-chart-1 "))
    #expect(style.text.contains("prefers-color-scheme: dark"))
    #expect(!svg.contains("<script"))
    #expect(!svg.lowercased().contains(" on"))
    #expect(parsed.withClass("lc-line").count >= 2)
    #expect(parsed.elements.contains { $0.name == "text" && $0.text == "ThreadPool" })
  }

  @Test(
    "tick labels are round, evenly spaced and cover the data",
    arguments: [
      [0.0, 1.0], [2.6, 1.1], [0.0013, 0.0042], [17, 9_843], [-3.2, 7.7], [5, 5], [1e6, 3.5e6], [0.1, 0.35],
    ])
  func roundTicks(values: [Double]) throws {
    var chart = Chart.scatter(title: "t", x: "x", y: "y")
    chart.add("s", x: values, y: values)
    let parsed = SVGParsing.parse(SVGChart.render(chart, id: "c"))
    #expect(parsed.error == nil)
    let labels = parsed.withClass("lc-tick").map(\.text)
    // x and y share the data, so each axis gets the same ticks: check the first half.
    let ticks = try labels.prefix(labels.count / 2).map { try #require(Double($0), "tick label \($0)") }
    #expect(ticks.count >= 2)
    let step = ticks[1] - ticks[0]
    for (a, b) in zip(ticks, ticks.dropFirst()) { #expect(abs((b - a) - step) <= step * 1e-9) }
    var mantissa = step
    while mantissa >= 10 { mantissa /= 10 }
    while mantissa < 1 { mantissa *= 10 }
    #expect([1, 2, 2.5, 5].contains { abs($0 - mantissa) < 1e-6 }, "step \(step)")
    #expect(ticks.first! <= values.min()!)
    #expect(ticks.last! >= values.max()!)
    #expect(ticks.count <= 12)
  }

  @Test("a line chart over whole numbers gets whole ticks: 1…2 workers read 1, 2, not 1, 1.2, 1.4")
  func wholeNumberTicks() {
    var chart = Chart.line(title: "Speedup", x: "workers", y: "speedup")
    chart.add("ThreadPool", x: [1, 2], y: [10.0, 30.0])  // y ticks 10…30: any 1.x tick is on x
    let parsed = SVGParsing.parse(SVGChart.render(chart, id: "c"))
    #expect(parsed.error == nil)
    let labels = parsed.withClass("lc-tick").map(\.text)
    #expect(labels.suffix(2) == ["1", "2"])
    #expect(!labels.contains("1.2"))
  }

  @Test("text that looks like markup is escaped and survives as text")
  func escaping() throws {
    var chart = Chart.bar(title: "<script>alert(1)</script> & co", x: "a < b", y: "\"quoted\" 'y'")
    chart.add("<b>bold</b>", categories: ["x<y", "p&q"], values: [1, 2])
    let svg = SVGChart.render(chart, id: "c")
    #expect(!svg.contains("<script>"))
    #expect(!svg.contains("<b>"))
    let parsed = SVGParsing.parse(svg)
    #expect(parsed.error == nil)
    #expect(parsed.elements.contains { $0.name == "text" && $0.text == "a < b" })
    #expect(parsed.elements.contains { $0.name == "text" && $0.text == "x<y" })
    #expect(parsed.elements.first { $0.name == "title" }?.text == "<script>alert(1)</script> & co")
  }

  @Test("a bar chart draws one bar per category and series, from zero")
  func bars() {
    var chart = Chart.bar(title: "Speed-up", x: "pool", y: "speed-up")
    chart.add("threads", categories: ["1", "2", "4"], values: [1.0, 1.9, 3.5])
    chart.add("processes", categories: ["1", "2", "4"], values: [1.0, 1.8, 3.1])
    let parsed = SVGParsing.parse(SVGChart.render(chart, id: "bars"))
    #expect(parsed.error == nil)
    #expect(parsed.elements.filter { $0.name == "rect" && ($0.attributes["class"] ?? "").contains("lc-bar") }.count == 6 + 2)
    #expect(parsed.withClass("lc-tick").first?.text == "0")
  }

  @Test("charts with no series, empty series or one point draw without crashing")
  func emptyData() {
    var chart = Chart.line(title: "Nothing yet")
    #expect(SVGParsing.parse(SVGChart.render(chart, id: "e")).error == nil)
    chart.add("empty", x: [Double](), y: [Double]())
    #expect(SVGParsing.parse(SVGChart.render(chart, id: "e")).error == nil)
    #expect(chart.altText == "Line chart \"Nothing yet\" with no data.")
    chart.add("one", x: [3], y: [Double.nan])
    chart.add("two", x: [1], y: [4])
    #expect(SVGParsing.parse(SVGChart.render(chart, id: "e")).error == nil)
    var bar = Chart.bar(title: "b")
    bar.add("none", categories: [], values: [Int]())
    #expect(SVGParsing.parse(SVGChart.render(bar, id: "b")).error == nil)
  }
}
