import Execution
import Foundation
import Site

/// A refresh report on the terminal (one line per lesson, the changed cells below), as JSON and as JUnit XML (one
/// test suite per lesson, one test case per cell, unexpected failures as failures) for CI test reporters.
enum RefreshReportOutput {
  /// The terminal summary.
  static func text(_ report: RefreshReport) -> String {
    var lines: [String] = []
    for lesson in report.lessons {
      var line = "refreshed \(lesson.path): \(lesson.cells.count) cell(s), \(lesson.statusChanges) status change(s), "
        + "\(lesson.outputChanges) output change(s)"
      if let ratio = lesson.timeRatio { line += String(format: ", time ×%.2f", ratio) }
      if let before = lesson.before, machine(before) != machine(lesson.after) {
        line += "; machine was \(machine(before)), now \(machine(lesson.after))"
      }
      lines.append(line)
      for cell in lesson.cells where cell.statusBefore.map({ $0 != cell.status }) ?? false {
        lines.append("  cell \(cell.number): \(cell.statusBefore ?? "") → \(cell.status)")
      }
    }
    return lines.isEmpty ? "" : lines.map(TerminalText.visible).joined(separator: "\n") + "\n"
  }

  /// CPU model and count, memory, OS and Swift, in one phrase.
  static func machine(_ stamp: EnvironmentStamp) -> String {
    let memory = String(format: "%.1f GB", Double(stamp.memoryBytes) / 1e9)
    return "\(stamp.cpuModel) ×\(stamp.logicalCPUs), \(memory), \(stamp.operatingSystem), Swift \(stamp.swiftVersion)"
  }

  static func json(_ report: RefreshReport) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return try encoder.encode(report)
  }

  static func junit(_ report: RefreshReport) -> String {
    let tests = report.lessons.reduce(0) { $0 + $1.cells.count }
    let failures = report.lessons.reduce(0) { $0 + $1.failures }
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    xml += "<testsuites name=\"lessons refresh\" tests=\"\(tests)\" failures=\"\(failures)\">\n"
    for lesson in report.lessons {
      let path = HTMLEscaping.escape(lesson.path)
      xml += "  <testsuite name=\"\(path)\" tests=\"\(lesson.cells.count)\" failures=\"\(lesson.failures)\""
      xml += " time=\"\(seconds(lesson.after.totalSeconds))\">\n"
      for cell in lesson.cells {
        xml += "    <testcase classname=\"\(path)\" name=\"cell \(cell.number)\" time=\"\(seconds(cell.seconds))\""
        var body = ""
        if cell.failed { body += "      <failure message=\"\(HTMLEscaping.escape(cell.status))\"/>\n" }
        if cell.outputChanged || cell.statusBefore.map({ $0 != cell.status }) == true {
          var lines = cell.statusBefore.map { $0 != cell.status ? ["status: \($0) → \(cell.status)"] : [] } ?? []
          lines += cell.diff
          body += "      <system-out>\(HTMLEscaping.escape(lines.joined(separator: "\n")))</system-out>\n"
        }
        xml += body.isEmpty ? "/>\n" : ">\n\(body)    </testcase>\n"
      }
      xml += "  </testsuite>\n"
    }
    return xml + "</testsuites>\n"
  }

  /// A time as JUnit wants it: seconds, non-negative, finite.
  static func seconds(_ value: Double) -> String {
    String(format: "%.3f", value.isFinite ? max(value, 0) : 0)
  }

  /// Writes `data` to `path` atomically (a temporary file beside it, then a rename).
  static func write(_ data: Data, to path: String) throws {
    try data.write(to: URL(fileURLWithPath: path), options: .atomic)
  }
}
