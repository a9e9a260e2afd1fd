internal import LessonProtocol

#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

extension Chart {
  /// Shows the chart: on the lesson page when the builder runs the program, as text when a learner does.
  ///
  /// When the builder runs the program (`LessonProtocol.ProgramChannel.current`), sends the chart on the control
  /// channel (one `write(2)` per chunk, retried on interruption; safe from forked workers and threads), and the
  /// builder draws it in the output of the cell that called `show()`. Otherwise prints a short summary to
  /// standard output.
  public func show() {
    if let channel = ProgramChannel.current {
      if channel.send(.chart(json: json)) { return }
      LessonSupportWarning.print("could not send the chart to the builder; showing it as text")
    }
    print(textSummary)
  }

  /// The text `show()` prints when no builder is listening: title, kind, axes, each series' points and the
  /// alt text.
  public var textSummary: String {
    var lines = ["\(kindName): \(title)"]
    if !xLabel.isEmpty || !yLabel.isEmpty { lines.append("  x: \(xLabel)   y: \(yLabel)") }
    for series in series {
      let points = series.points.map { point -> String in
        let index = kind == .bar ? categoryIndex(of: point.x) : nil  // nil for 1e300 or NaN: no Int(Double) trap
        let x = index.flatMap { categories.indices.contains($0) ? categories[$0] : nil } ?? Self.short(point.x)
        return "(\(x), \(Self.short(point.y)))"
      }
      lines.append("  \(series.name.isEmpty ? "series" : series.name): \(points.joined(separator: " "))")
    }
    lines.append("  \(altText)")
    return lines.joined(separator: "\n")
  }

  /// Up to three decimals, trailing zeros dropped: `3`, `2.6`, `1.125`.
  private static func short(_ value: Double) -> String {
    var text = formatted(value, decimals: 3)
    guard text.contains(".") else { return text }
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
  }
}

/// Warnings of LessonSupport itself, on stderr.
enum LessonSupportWarning {
  static func print(_ message: String) {
    let line = Array("LessonSupport: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}
