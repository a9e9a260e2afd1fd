/// The names and formats both sides of the lesson-program protocol agree on: the builder (Execution) that runs a
/// lesson's program and reads what it reports, and the program (its generated scaffolding and LessonSupport) that
/// reports. This module is their one owner; nothing else spells them.
///
/// The channel: the builder gives the program a socket as file descriptor `descriptorVariable` names. Before the
/// program starts, the builder writes one line into it, the run's secret, which the program reads at start (so no
/// file the program can read holds it, not even its environment). The program then moves the descriptor out of
/// the way (close-on-exec, at a high number, so that a cell that closes descriptor 3 or execs a tool loses
/// nothing) and writes one `ControlMessage` per line, each starting with the secret: lines without it are not
/// believed. Cell boundaries are also marked on stdout and stderr (`CellMarker`), with the same secret.
public enum ControlChannel {
  /// The environment variable naming the descriptor the builder reads (and that the first line comes from).
  public static let descriptorVariable = "LESSONS_CONTROL_FD"
  /// The environment variable naming the folder the program changes to first (its working folder).
  public static let workFolderVariable = "LESSONS_WORK_FOLDER"
  /// The environment variable holding the builder's process id, so that a program whose builder is already gone
  /// when it starts ends at once (see `LessonRuntime.start()`).
  public static let builderVariable = "LESSONS_BUILDER_PID"
  /// The descriptor number the builder gives the program.
  public static let childDescriptor: Int32 = 3
  /// The lowest descriptor number the program moves its end to.
  static let movedDescriptorFloor: Int32 = 900

  /// A new random secret for one run: 32 hexadecimal digits from the system's random source.
  public static func makeSecret() -> String {
    var generator = SystemRandomNumberGenerator()
    return (0..<2).map { _ in
      let text = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - text.count) + text
    }.joined()
  }

  /// The line the builder writes into the channel before the program starts.
  public static func greeting(secret: String) -> String { secret + "\n" }

  /// True when `text` is a secret `makeSecret()` could have made.
  static func isSecret(_ text: some StringProtocol) -> Bool {
    text.utf8.count == 32 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
  }
}

/// The line a lesson program writes on stdout and on stderr when a cell begins, so that the builder can split
/// each stream into cells exactly (whatever forked workers and threads wrote before it belongs to the cell
/// before). It holds the run's secret, so a cell cannot fake one.
public enum CellMarker {
  /// What every marker of the run starts with.
  public static func prefix(secret: String) -> String { "\u{1}lessons-cell:\(secret):" }

  /// The marker of cell `index`.
  public static func line(secret: String, index: Int) -> String { prefix(secret: secret) + "\(index)\n" }

  /// What follows the prefix in the marker the program writes after its last cell.
  public static let doneWord = "done"

  /// The marker the program writes after its last cell ended, so that the end of the run is known even when a
  /// cell closed the control channel.
  public static func doneLine(secret: String) -> String { prefix(secret: secret) + doneWord + "\n" }
}
