import Foundation
import TestSupport
import Testing

/// scripts/check-accessibility.py, when what it drives is installed: Chromium, chromedriver, Selenium and an
/// axe-core package (`scripts/check-accessibility.sh` installs them: chromium-driver, pip selenium and
/// selenium-axe-python).
enum AccessibilityCheck {
  static let script = CommandRunner.packageRoot + "/scripts/check-accessibility.py"

  /// python3 on PATH.
  static let python: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .map { "\($0)/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }

  /// True when the check can run here.
  static let available: Bool = {
    guard let python, Browser.path != nil,
      ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"].contains(where: FileManager.default.isExecutableFile)
    else { return false }
    let probe = "import importlib.util as u, selenium; "
      + "raise SystemExit(0 if u.find_spec('selenium_axe_python') or u.find_spec('axe_selenium_python') else 1)"
    let result = try? CommandRunner.run(program: python, ["-c", probe], in: NSTemporaryDirectory(), timeout: 60)
    return result?.status == 0
  }()

  /// One page view the check measured (its `--json` records).
  struct Record: Decodable {
    struct Violation: Decodable {
      var id: String
      var nodes: Int
    }
    struct Label: Decodable {
      var px: Double
      var text: String
    }
    var page: String
    var width: Int
    var scheme: String
    var violations: [Violation]
    var overflow: Int
    var smallest: Label?
    /// Code blocks and charts that scroll sideways but are no tab stop.
    var unreachable: [String]
    /// Boxes that stick out of the page's column (outside any scroll container).
    var protruding: [String]
  }
}

@Suite(
  "The built site in a real browser: axe-core, overflow at 390 px, chart labels", .serialized,
  .enabled(
    if: AccessibilityCheck.available,
    "chromium, chromedriver, selenium or selenium-axe-python missing (scripts/check-accessibility.sh installs them)"))
struct AccessibilityTests {
  /// The package's own content and templates, built into a temporary project: the lessons reuse their frozen
  /// results (or run again, into the copy, when those are stale), and the repository is not written to.
  static func builtSite() throws -> String {
    let project = NSTemporaryDirectory() + "lessons-accessibility-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
    for folder in ["content", "templates"] {
      try FileManager.default.copyItem(atPath: CommandRunner.packageRoot + "/" + folder, toPath: project + "/" + folder)
    }
    // Plus a lesson with a table far wider than a phone: it must scroll in its own box, not widen the page.
    let columns = 1...14
    let wideTable = "---\ntitle: A wide table\n---\n## Data\n\n"
      + "| " + columns.map { "column_name_\($0)" }.joined(separator: " | ") + " |\n"
      + "|" + String(repeating: " --- |", count: columns.count) + "\n"
      + "| " + columns.map { "value_\($0)_long" }.joined(separator: " | ") + " |\n"
    try TestFiles.write(wideTable, to: project + "/content/topics/data-science/tutorials/wide-table/tutorial.md")
    let build = try CommandRunner.run(["build", "--quiet"], in: project, timeout: 600)
    guard build.status == 0 else { throw RunnerError("build failed (\(build.status)): \(build.errors.suffix(2000))") }
    return project
  }

  /// The index, a topic, both lessons and search.html?q=pool, each at 1280 and 390 px, light and dark.
  @Test(
    "no axe-core violation, overflow or box out of its column; chart labels ≥ 11 px; scrolling blocks are tab stops",
    .timeLimit(.minutes(15)))
  func siteIsAccessible() async throws {
    let project = try await OffPool.run { try Self.builtSite() }
    defer { try? FileManager.default.removeItem(atPath: project) }
    let python = try #require(AccessibilityCheck.python)
    let report = project + "/accessibility.json"
    let check = try await OffPool.run {
      try CommandRunner.run(
        program: python, [AccessibilityCheck.script, project + "/site", "--json", report], in: project, timeout: 600)
    }
    #expect(check.status == 0, "\(check.output.suffix(4000))\(check.errors.suffix(2000))")

    let records = try JSONDecoder().decode(
      [AccessibilityCheck.Record].self, from: Data(contentsOf: URL(fileURLWithPath: report)))
    let pages = Set(records.map(\.page))
    for page in [
      "index.html", "topics/data-science/index.html", "search.html?q=pool",
      "topics/data-science/tutorials/swift-first-steps/tutorial.html",
      "topics/data-science/tutorials/swift-multiprocessing/tutorial.html",
      "topics/data-science/tutorials/wide-table/tutorial.html",
    ] {
      #expect(pages.contains(page), "\(page) was not checked: \(pages.sorted())")
    }
    #expect(records.count == pages.count * 4, "each page at two widths in two themes")
    for record in records {
      let view = "\(record.page) at \(record.width) px, \(record.scheme)"
      #expect(record.violations.isEmpty, "\(view): \(record.violations.map { "\($0.id) ×\($0.nodes)" })")
      #expect(record.overflow == 0, "\(view) overflows by \(record.overflow) px")
      #expect(record.protruding.isEmpty, "\(view): out of the page column: \(record.protruding)")
      #expect(record.unreachable.isEmpty, "\(view): scrolls sideways out of keyboard reach: \(record.unreachable)")
      if let label = record.smallest {
        #expect(label.px >= 11, "\(view): chart label \"\(label.text)\" is \(label.px) px")
      }
    }
    // The multiprocessing lesson draws charts: the label check measured something at the phone width.
    #expect(records.contains { $0.width == 390 && $0.smallest != nil }, "no chart label measured at 390 px")
  }
}
