/// Builds a `Cell` from a Swift code fence: options from the info string (```` ```swift run=false timeout=30 ````)
/// and from leading `//| key: value` lines, which are removed from the code shown and run.
enum CellBuilder {
  static func cell(
    code: String, info: String, fenceLine: Int, fenceEndLine: Int, index: Int, context: DialectContext
  ) -> Cell {
    var options = CellOptions()
    for word in info.split(whereSeparator: { $0 == " " || $0 == "\t" }).dropFirst() {
      let parts = word.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let first = parts.first, !first.isEmpty else {
        context.warn(fenceLine, "cell option '\(word)' should read key=value")
        continue
      }
      let key = String(first)
      let value = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: "\"'") : ""
      apply(key: key, value: value, to: &options, line: fenceLine, context: context)
    }
    // Most cells have no option line: the code is not split into lines for them.
    var lines = code.containsBytes("//|") ? code.split(separator: "\n", omittingEmptySubsequences: false) : []
    var stripped = 0
    while let first = lines.first, first.trimmingSpaces.hasPrefix("//|") {
      let body = first.trimmingSpaces.dropFirst(3)
      let line = fenceLine + 1 + stripped
      if let colon = body.firstIndex(of: ":") {
        let key = String(body[..<colon].trimmingSpaces)
        let value = String(body[body.index(after: colon)...].trimmingSpaces).trimmingCharacters(in: "\"'")
        apply(key: key, value: value, to: &options, line: line, context: context)
      } else {
        context.warn(line, "cell option line '\(first)' should read //| key: value")
      }
      lines.removeFirst()
      stripped += 1
    }
    let shown = stripped == 0 ? code : lines.joined(separator: "\n")
    var cell = Cell(index: index, code: shown, options: options, line: fenceLine + 1 + stripped)
    cell.fenceLines = fenceLine...max(fenceLine, fenceEndLine)
    return cell
  }

  private static func apply(key: String, value: String, to options: inout CellOptions, line: Int, context: DialectContext) {
    func flag() -> Bool? {
      switch value.lowercased() {
      case "true", "yes", "": return true
      case "false", "no": return false
      default:
        context.warn(line, "cell option \(key) should be true or false, not '\(value)'")
        return nil
      }
    }
    switch key {
    case "run": if let flag = flag() { options.run = flag }
    case "echo": if let flag = flag() { options.echo = flag }
    case "output": if let flag = flag() { options.output = flag }
    case "timeout":
      if let seconds = Double(value), seconds > 0, seconds.isFinite {
        options.timeout = seconds
      } else {
        context.warn(line, "cell option timeout should be a positive number of seconds, not '\(value)'")
      }
    case "error":
      switch value.lowercased() {
      case "expected", "true", "yes", "": options.errorExpected = true
      case "false", "no": options.errorExpected = false
      default: context.warn(line, "cell option error should be 'expected', not '\(value)'")
      }
    default:
      context.warn(line, "unknown cell option '\(key)' (known: run, echo, output, timeout, error)")
    }
  }
}

extension String {
  /// The string without any of `characters` at either end.
  fileprivate func trimmingCharacters(in characters: String) -> String {
    var result = Substring(self)
    while let first = result.first, characters.contains(first) { result.removeFirst() }
    while let last = result.last, characters.contains(last) { result.removeLast() }
    return String(result)
  }
}
