internal import Foundation
internal import LessonProtocol

extension Chart {
  /// What starts a chart's payload on the control channel (`LessonProtocol` owns the line format).
  public static let controlLinePrefix = ControlMessage.chartWord + " "

  /// The chart as one line of JSON: this value's `Codable` form (sorted keys), points that are not finite left
  /// out; newlines inside strings are escaped, so the text has none. `decode(json:)` reads it back.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var clean = self
    for index in clean.series.indices {
      clean.series[index].points.removeAll { !$0.x.isFinite || !$0.y.isFinite }
    }
    // Encoding a struct of strings and finite doubles cannot fail; the fallback keeps the line well-formed anyway.
    return (try? encoder.encode(clean)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
  }

  /// The chart's payload on the control channel, `chart <one-line JSON>\n` (a lesson program puts the run's
  /// secret before it; see `LessonProtocol.ControlMessage`).
  public var controlLine: String { ControlMessage.chart(json: json).payload + "\n" }

  /// Reads a chart back from its JSON: the one place chart JSON from a lesson program is decoded.
  /// - Throws: `ChartError` when the text is not a chart's JSON.
  public static func decode(json: some StringProtocol) throws(ChartError) -> Chart {
    do {
      return try JSONDecoder().decode(Chart.self, from: Data(String(json).utf8))
    } catch {
      throw ChartError(message: "the chart JSON is not valid: \(error)")
    }
  }

  /// Reads a chart back from a payload line `chart <JSON>` (with or without its trailing newline).
  /// - Throws: `ChartError` when the line does not start with `chart ` or its JSON is not a chart.
  public static func decode(controlLine line: String) throws(ChartError) -> Chart {
    var text = Substring(line)
    while let last = text.last, last.isNewline { text.removeLast() }
    guard case .chart(let json) = ControlMessage(payload: text) else {
      throw ChartError(message: "a control line must start with \"chart \", got \"\(text.prefix(40))\"")
    }
    return try decode(json: json)
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
