internal import Foundation

extension Chart {
  /// What starts a chart line on the `LESSONS_CONTROL_FD` channel.
  public static let controlLinePrefix = "chart "

  /// The line a lesson program writes to `LESSONS_CONTROL_FD`: `chart <one-line JSON>\n`. The JSON is this
  /// value's `Codable` form (sorted keys); newlines inside strings are escaped, so the line has exactly one `\n`.
  public var controlLine: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var clean = self
    for index in clean.series.indices {
      clean.series[index].points.removeAll { !$0.x.isFinite || !$0.y.isFinite }
    }
    // Encoding a struct of strings and finite doubles cannot fail; the fallback keeps the line well-formed anyway.
    let json = (try? encoder.encode(clean)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return Self.controlLinePrefix + json + "\n"
  }

  /// Reads a chart back from a control line (with or without its trailing newline), as the builder does for
  /// each line a lesson program writes.
  /// - Throws: `ChartError` when the line does not start with `chart ` or its JSON is not a chart.
  public static func decode(controlLine line: String) throws(ChartError) -> Chart {
    var text = Substring(line)
    while let last = text.last, last.isNewline { text.removeLast() }
    guard text.hasPrefix(controlLinePrefix) else {
      throw ChartError(message: "a control line must start with \"chart \", got \"\(text.prefix(40))\"")
    }
    let json = text.dropFirst(controlLinePrefix.count)
    do {
      return try JSONDecoder().decode(Chart.self, from: Data(json.utf8))
    } catch {
      throw ChartError(message: "the chart JSON is not valid: \(error)")
    }
  }
}

/// Why a chart could not be read.
public struct ChartError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What was wrong.
  public var message: String
  /// An error.
  public init(message: String) { self.message = message }
  /// `chart: <message>`.
  public var description: String { "chart: \(message)" }
}
