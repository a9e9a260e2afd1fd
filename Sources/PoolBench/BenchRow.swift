/// One line of the comparison: a case, the medians on each side, and whether the target holds.
struct BenchRow {
  let name: String
  let pythonSeconds: Double
  let swiftSeconds: Double
  /// What the target is about, e.g. "ratio >= 5" or "speedup 1.93 (py 1.62) >= 1.85".
  let target: String
  let met: Bool
  /// Extra figures for the JSON line (speedups, overheads).
  var extra: [(String, Double)] = []

  var ratio: Double { swiftSeconds > 0 ? pythonSeconds / swiftSeconds : 0 }

  static let tableHeader =
    pad("case", 44) + pad("Python", 11) + pad("Swift", 11) + pad("ratio", 9) + "target"

  var tableLine: String {
    Self.pad(name, 44) + Self.pad(Self.format(pythonSeconds), 11) + Self.pad(Self.format(swiftSeconds), 11)
      + Self.pad(Self.fixed(ratio, 1) + "x", 9) + target + (met ? "  ok" : "  MISSED")
  }

  /// `{"case": "...", "python_s": 0.0145, "swift_s": 0.0021, "ratio": 6.9, ...}`
  var json: String {
    var fields = [
      "\"case\": \"\(name)\"", "\"python_s\": \(pythonSeconds)", "\"swift_s\": \(swiftSeconds)",
      "\"ratio\": \(ratio)", "\"met\": \(met)",
    ]
    fields += extra.map { "\"\($0.0)\": \($0.1)" }
    return "{" + fields.joined(separator: ", ") + "}"
  }

  static func format(_ seconds: Double) -> String {
    if seconds < 0.001 { return fixed(seconds * 1_000_000, 1) + " µs" }
    if seconds < 1 { return fixed(seconds * 1000, 2) + " ms" }
    return fixed(seconds, 3) + " s"
  }

  static func fixed(_ value: Double, _ digits: Int) -> String {
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let dot = text.firstIndex(of: ".") {
      let decimals = text.distance(from: dot, to: text.endIndex) - 1
      if decimals < digits { text += String(repeating: "0", count: digits - decimals) }
    } else if digits > 0 {
      text += "." + String(repeating: "0", count: digits)
    }
    return text
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }
}
