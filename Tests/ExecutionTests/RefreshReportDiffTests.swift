import Testing

@testable import Execution

@Suite("Refresh report diffs and ratios")
struct RefreshReportDiffTests {
  @Test("a diff shows removed and added lines only, and is cut to a bounded length with a count of the rest")
  func diff() {
    #expect(RefreshReport.diff(from: "a\nb\nc", to: "a\nB\nc") == ["- b", "+ B"])
    #expect(RefreshReport.diff(from: "same", to: "same").isEmpty)
    let long = RefreshReport.diff(from: (0..<50).map(String.init).joined(separator: "\n"), to: "")
    #expect(long.count == RefreshReport.diffLines)
    #expect(long.last == "… 40 more changed line(s)")
  }

  @Test("time ratios need a positive, finite previous time")
  func ratios() {
    #expect(RefreshReport.ratio(2, 1) == 2)
    #expect(RefreshReport.ratio(2, 0) == nil)
    #expect(RefreshReport.ratio(2, nil) == nil)
    #expect(RefreshReport.ratio(.infinity, 1) == nil)
  }
}
