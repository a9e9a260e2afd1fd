import LessonSupport
import Testing

/// The small helpers lesson cells use.
@Suite("LessonSupport helpers", .timeLimit(.minutes(1)))
struct HelpersTests {
  @Test(
    "formatted(_:decimals:) pads and rounds like Python's format spec",
    arguments: [
      (2.0 / 3.0, 2, "0.67"), (1.0, 3, "1.000"), (-0.004, 2, "0.00"), (-1.5, 0, "-2"), (12345.678, 1, "12345.7"),
      (Double.nan, 2, "nan"),
    ])
  func formatting(value: Double, decimals: Int, expected: String) {
    #expect(formatted(value, decimals: decimals) == expected)
  }

  @Test("now() is Unix time in seconds and clockTime formats it as HH:MM:SS.mmm")
  func clocks() {
    let time = now()
    #expect(time > 1_700_000_000)
    let text = clockTime(time)
    #expect(text.count == 12)
    #expect(text.split(separator: ":").count == 3)
  }

  @Test("sleep(seconds:) waits at least that long")
  func sleeping() {
    let (_, seconds) = timed { sleep(seconds: 0.05) }
    #expect(seconds >= 0.05)
  }

  @Test("a chart's text summary lists its series")
  func summary() {
    var chart = Chart.bar(title: "Versions", x: "server", y: "count")
    chart.add("servers", categories: ["eu", "org"], values: [3, 5])
    #expect(chart.textSummary == """
      Bar chart: Versions
        x: server   y: count
        servers: (eu, 3) (org, 5)
        count is highest for org (5) and lowest for eu (3).
      """)
  }

  @Test("a bar at x = 1e300 or NaN is summarised by its number instead of trapping in Int(Double)")
  func strayBarSummary() {
    let chart = Chart(
      kind: .bar, title: "t", categories: ["a"],
      series: [.init(name: "s", points: [.init(x: 1e300, y: 1), .init(x: .nan, y: 2), .init(x: 0, y: 3)])])
    #expect(chart.textSummary.contains("s: (1e+300, 1) (nan, 2) (a, 3)"))
  }
}
