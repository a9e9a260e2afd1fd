import Charts
import Testing

/// The chart model: building, alt text and the control-line JSON.
@Suite("Chart model", .timeLimit(.minutes(1)))
struct ChartTests {
  @Test(
    "alt text says whether a series rises, falls or stays level",
    arguments: [
      ([2.6, 1.9, 1.4, 1.2, 1.1], "time (s) falls from 2.6 at Pool Size 1 to 1.1 at Pool Size 5."),
      ([1.0, 1.5, 2.25, 3.0, 4.0], "time (s) rises from 1 at Pool Size 1 to 4 at Pool Size 5."),
      ([2.0, 2.01, 1.99, 2.0, 2.02], "time (s) stays at about 2 from Pool Size 1 to Pool Size 5."),
      ([1.0, 3.0, 5.0, 3.0, 2.0], "time (s) rises from 1 at Pool Size 1 to 2 at Pool Size 5, highest at 5 at Pool Size 3."),
    ])
  func altText(values: [Double], expected: String) {
    var chart = Chart.line(title: "Pool size vs runtime", x: "Pool Size", y: "time (s)")
    chart.add("ProcessPool", x: [1, 2, 3, 4, 5], y: values)
    #expect(chart.altText == expected)
  }

  @Test("with several series each clause names its series; bar charts name the extremes")
  func altTextSeveral() {
    var chart = Chart.line(title: "t", x: "workers", y: "speed-up")
    chart.add("threads", x: [1, 2], y: [1.0, 1.9])
    chart.add("processes", x: [2, 1], y: [1.7, 1.0])
    #expect(
      chart.altText
        == "threads: speed-up rises from 1 at workers 1 to 1.9 at workers 2; processes: speed-up rises from 1 at workers 1 to 1.7 at workers 2."
    )
    var bar = Chart.bar(title: "b", x: "server", y: "latency (s)")
    bar.add("latency", categories: ["eu", "org", "au"], values: [0.25, 0.4, 2.5])
    #expect(bar.altText == "latency (s) is highest for au (2.5) and lowest for eu (0.25).")
  }

  @Test("add(_:x:y:) pairs values, accepts Int and Double, and drops non-finite points")
  func adding() {
    var chart = Chart.scatter(title: "s")
    chart.add("a", x: [1, 2, 3], y: [0.5, Double.infinity, 1.5, 9.9])
    #expect(chart.series == [Chart.Series(name: "a", points: [.init(x: 1, y: 0.5), .init(x: 3, y: 1.5)])])
    var bar = Chart.bar(title: "b")
    bar.add("one", categories: ["x", "y"], values: [1, 2])
    bar.add("two", categories: ["y", "z"], values: [3, 4])
    #expect(bar.categories == ["x", "y", "z"])
    #expect(bar.series[1].points == [.init(x: 1, y: 3), .init(x: 2, y: 4)])
  }

  @Test("a control line is one line and decodes to the same chart")
  func controlLineRoundTrip() throws {
    var chart = Chart.line(title: "two\nlines \"quoted\" / <tag>", x: "Pool Size", y: "time (s)")
    chart.add("ProcessPool", x: [1, 2, 3], y: [2.6, 1.5, 1.25])
    let line = chart.controlLine
    #expect(line.hasPrefix("chart {"))
    #expect(line.hasSuffix("}\n"))
    #expect(line.filter { $0 == "\n" }.count == 1)
    #expect(try Chart.decode(controlLine: line) == chart)
    #expect(try Chart.decode(controlLine: String(line.dropLast())) == chart)
  }

  @Test("lines that are not charts are clear errors", arguments: ["", "chart", "chart {", "hello {}", "chart {\"kind\":\"pie\"}"])
  func badControlLines(line: String) {
    #expect(throws: ChartError.self) { try Chart.decode(controlLine: line) }
  }
}
