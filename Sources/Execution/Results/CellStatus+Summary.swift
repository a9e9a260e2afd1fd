import Glibc

extension CellStatus {
  /// The status in words, as the terminal and the page show it: "ran", "threw: …", "crashed: signal 11
  /// (Segmentation fault)", "timed out after 30 s", "not run: an earlier cell failed".
  public var summary: String {
    switch self {
    case .succeeded: "ran"
    case .failed(let message, let expected): expected ? "threw (expected): \(message)" : "threw: \(message)"
    case .crashed(let signal, let description): "crashed: signal \(signal) (\(description))"
    case .timedOut(let seconds): "timed out after \(Self.format(seconds)) s"
    case .notRun(let reason): "not run: \(reason)"
    }
  }

  /// `30` for 30.0, `0.5` for 0.5.
  static func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() && abs(seconds) < 1e15 ? String(Int(seconds)) : String(seconds)
  }

  /// The name of `signal` ("Segmentation fault").
  static func describe(signal: Int32) -> String {
    guard let name = strsignal(signal) else { return "signal \(signal)" }
    return String(cString: name)
  }
}
