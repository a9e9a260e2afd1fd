/// One report of a lesson program on its control channel, and its line format:
/// `<secret> cell-begin <i>`, `<secret> cell-end <i> <seconds>`, `<secret> cell-threw <i> <message>` (`\` and
/// newlines escaped), `<secret> cell-processes <i> <pid>:<start> …`, `<secret> chart <one-line JSON>` and
/// `<secret> done`.
public enum ControlMessage: Sendable, Hashable {
  /// Cell `index` begins.
  case cellBegin(Int)
  /// Cell `index` ended after `seconds` (as the program measured them).
  case cellEnd(Int, seconds: Double)
  /// Cell `index`, marked `error: expected`, threw.
  case cellThrew(Int, message: String)
  /// The processes of the run alive when cell `index` ended, as `ProcessTable.Entry.identity` (so that the
  /// builder can say which cell started what it stops at the end).
  case cellProcesses(Int, identities: [String])
  /// A chart, as `Chart`'s JSON (Charts encodes and decodes it).
  case chart(json: String)
  /// The program's last cell has ended.
  case done
  /// A line with the secret that is none of the above (text after the secret).
  case unknown(String)
  /// A line without the run's secret: not from the scaffolding, not believed.
  case unauthenticated

  /// The word that starts a chart's payload.
  public static let chartWord = "chart"

  /// Reads one line (without its newline) written on a channel whose secret is `secret`.
  public init(line: some StringProtocol, secret: String) {
    let text = Substring(line)
    guard text.hasPrefix(secret + " "), ControlChannel.isSecret(secret) else {
      self = .unauthenticated
      return
    }
    self.init(payload: text.dropFirst(secret.utf8.count + 1))
  }

  /// Reads the part of a line after the secret.
  public init(payload: some StringProtocol) {
    let line = String(payload)
    let parts = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
    let word = parts.first.map(String.init) ?? ""
    let index = parts.count > 1 ? Int(parts[1]) : nil
    switch (word, index) {
    case ("cell-begin", let index?) where parts.count == 2:
      self = .cellBegin(index)
    case ("cell-end", let index?) where parts.count == 3:
      self = Double(parts[2]).map { .cellEnd(index, seconds: $0) } ?? .unknown(line)
    case ("cell-processes", let index?):
      self = .cellProcesses(index, identities: parts.count == 3 ? parts[2].split(separator: " ").map(String.init) : [])
    case ("cell-threw", let index?):
      self = .cellThrew(index, message: Self.unescape(parts.count == 3 ? String(parts[2]) : ""))
    case (Self.chartWord, _) where parts.count > 1:
      self = .chart(json: String(line.dropFirst(Self.chartWord.count + 1)))
    case ("done", _) where parts.count == 1:
      self = .done
    default:
      self = .unknown(line)
    }
  }

  /// The part of the line after the secret, without the newline.
  public var payload: String {
    switch self {
    case .cellBegin(let index): "cell-begin \(index)"
    case .cellEnd(let index, let seconds): "cell-end \(index) \(seconds)"
    case .cellProcesses(let index, let identities): "cell-processes \(index) \(identities.joined(separator: " "))"
    case .cellThrew(let index, let message): "cell-threw \(index) \(Self.escape(message))"
    case .chart(let json): "\(Self.chartWord) \(json)"
    case .done: "done"
    case .unknown(let text): text
    case .unauthenticated: ""
    }
  }

  /// The whole line, newline included, as the program writes it.
  public func line(secret: String) -> String { "\(secret) \(payload)\n" }

  static func escape(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
      case "\n": result.append(contentsOf: "\\n".unicodeScalars)
      case "\r": result.append(contentsOf: "\\r".unicodeScalars)
      default: result.append(scalar)
      }
    }
    return String(result)
  }

  static func unescape(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    var escaping = false
    for scalar in text.unicodeScalars {
      if escaping {
        result.append(scalar == "n" ? "\n" : scalar == "r" ? "\r" : scalar)
        escaping = false
      } else if scalar == "\\" {
        escaping = true
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}
