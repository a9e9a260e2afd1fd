#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

extension Chart {
  /// Shows the chart: on the lesson page when the builder runs the program, as text when a learner does.
  ///
  /// When `LESSONS_CONTROL_FD` names a file descriptor, writes `chart <JSON>\n` to it with `write(2)` (one call
  /// per chunk, retried on interruption; safe from forked workers and threads), and the builder draws the chart in
  /// the output of the cell that called `show()`. Otherwise prints a short summary to standard output.
  public func show() {
    if let descriptor = ControlChannel.descriptor() {
      if ControlChannel.send(controlLine, to: descriptor) { return }
      ControlChannel.warn("could not write the chart to LESSONS_CONTROL_FD=\(descriptor); showing it as text")
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

/// The `LESSONS_CONTROL_FD` channel: a descriptor the builder reads, written with raw `write(2)`.
enum ControlChannel {
  static func descriptor() -> Int32? {
    guard let text = getenv(LessonSupport.controlDescriptorVariable) else { return nil }
    guard let value = Int32(String(cString: text)), value >= 0 else { return nil }
    return value
  }

  /// Writes all of `text`; false when the descriptor refuses (closed, not writable).
  static func send(_ text: String, to descriptor: Int32) -> Bool {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return write(descriptor, base + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR || errno == EAGAIN { continue }
        return false
      }
      offset += written
    }
    return true
  }

  static func warn(_ message: String) {
    let line = Array("LessonSupport: \(message)\n".utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}
