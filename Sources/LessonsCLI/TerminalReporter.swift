import Execution
import Foundation
import Site

#if canImport(Glibc)
  import Glibc
#endif

/// What the user sees on the terminal: a counter line while lessons are processed (only when stderr is a
/// terminal), every problem as `file:line: severity: message`, and one summary line (unless `--quiet`).
struct TerminalReporter: Sendable {
  let quiet: Bool
  let interactive: Bool

  init(quiet: Bool) {
    self.quiet = quiet
    interactive = isatty(STDERR_FILENO) == 1
  }

  /// The progress callback for the builder; draws its line (`line(for:)`) over itself.
  var progress: @Sendable (BuildEvent) -> Void {
    guard interactive && !quiet else { return { _ in } }
    return { event in
      guard let line = Self.line(for: event) else { return }
      Self.write("\r\u{1B}[K" + TerminalText.visible(String(line.prefix(100))), to: .stderr)
    }
  }

  /// The progress line for `event`: what runs now while a lesson's cells run (`[1/2] swift-multiprocessing: cell
  /// 7/13`, `… : compiling`), else the lesson that just finished (`[2/2] topics/…/tutorials/…`).
  static func line(for event: BuildEvent) -> String? {
    switch event {
    case .started: return nil
    case .lessonFinished(let path, let done, let total): return "[\(done)/\(total)] \(path)"
    case .lessonStep(let path, let step, let lesson, let total):
      let name = path.split(separator: "/").last.map(String.init) ?? path
      switch step {
      case .compiling: return "[\(lesson)/\(total)] \(name): compiling"
      case .cell(let index, let count): return "[\(lesson)/\(total)] \(name): cell \(index + 1)/\(count)"
      }
    }
  }

  /// Prints the diagnostics and the summary line.
  func finish(_ report: BuildReport, verb: String, output: String?) {
    if interactive && !quiet { Self.write("\r\u{1B}[K", to: .stderr) }
    for diagnostic in report.diagnostics { Self.write(TerminalText.visible("\(diagnostic)") + "\n", to: .stderr) }
    for note in report.notes { Self.write(TerminalText.visible("note: \(note)") + "\n", to: .stderr) }
    if !report.failed.isEmpty {
      let names = report.failed.joined(separator: ", ")
      Self.write(TerminalText.visible("error: \(report.failed.count) lesson(s) not built: \(names)") + "\n", to: .stderr)
    }
    guard !quiet else { return }
    var parts: [String] = []
    if report.upToDate {
      parts.append("\(report.lessons) lesson(s) up to date")
    } else {
      parts.append("\(verb) \(report.lessons) lesson(s)")
      var details: [String] = []
      if output != nil { details.append("\(report.rendered) rendered, \(report.reused) unchanged") }
      if report.disabled > 0 { details.append("\(report.disabled) disabled") }
      if !report.failed.isEmpty { details.append("\(report.failed.count) failed") }
      if !details.isEmpty { parts[0] += " (" + details.joined(separator: ", ") + ")" }
    }
    parts.append("\(report.errorCount) error(s), \(report.warningCount) warning(s)")
    parts.append(String(format: "%.2f s", report.seconds))
    let destination = output.map { report.upToDate ? " in \($0)" : " → \($0)" } ?? ""
    Self.write(TerminalText.visible(parts.joined(separator: "; ") + destination) + "\n", to: .stdout)
  }

  /// Prints an error that stopped the whole run.
  func fail(_ error: any Error, building: Bool = true) {
    if interactive && !quiet { Self.write("\r\u{1B}[K", to: .stderr) }
    let text = (error as? SiteError)?.description ?? "error: \(error)"  // SiteError says `file:line: error: …`
    Self.write(TerminalText.visibleLines(text) + "\n", to: .stderr)
    guard building else { return }
    if (error as? SiteError)?.code == .partialUpdate {
      Self.write("error: the build stopped with the site updated in part; build again to finish it\n", to: .stderr)
    } else {
      Self.write("error: the build stopped; the previous site (if any) is unchanged\n", to: .stderr)
    }
  }

  /// Where a line goes.
  enum Stream { case stdout, stderr }

  private static func write(_ text: String, to stream: Stream) {
    let handle = stream == .stdout ? FileHandle.standardOutput : FileHandle.standardError
    handle.write(Data(text.utf8))
  }
}
