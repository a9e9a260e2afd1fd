/// One line a lesson program writes on its control pipe (`LESSONS_CONTROL_FD`).
///
/// The scaffolding around cells writes `cell-begin <i>`, `cell-end <i> <seconds>`, `cell-threw <i> <message>`
/// (message with `\\` and `\n` escaped) and `done`; LessonSupport's `Chart.show()` writes `chart <one-line JSON>`.
enum ControlMessage: Sendable, Hashable {
  case cellBegin(Int)
  case cellEnd(Int, seconds: Double)
  case cellThrew(Int, message: String)
  case chart(json: String)
  case done
  case unknown(String)

  init(line: String) {
    let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    let word = parts.first.map(String.init) ?? ""
    let index = parts.count > 1 ? Int(parts[1]) : nil
    switch (word, index) {
    case ("cell-begin", let index?):
      self = .cellBegin(index)
    case ("cell-end", let index?) where parts.count == 3:
      self = Double(parts[2]).map { .cellEnd(index, seconds: $0) } ?? .unknown(line)
    case ("cell-threw", let index?):
      self = .cellThrew(index, message: Self.unescape(parts.count == 3 ? String(parts[2]) : ""))
    case ("chart", _):
      self = .chart(json: String(line.dropFirst("chart ".count)))
    case ("done", _):
      self = .done
    default:
      self = .unknown(line)
    }
  }

  private static func unescape(_ text: String) -> String {
    var result = ""
    var escaping = false
    for character in text {
      if escaping {
        result.append(character == "n" ? "\n" : character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.append(character)
      }
    }
    return result
  }
}
