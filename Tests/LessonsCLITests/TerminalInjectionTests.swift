import Foundation
import Testing
import TestSupport

/// File names, front matter and links from a pull request reach the warnings the commands print: escape sequences in
/// them must not reach the terminal, and a newline in a file name must not forge a line of its own (a fake error, or
/// a CI runner's `::workflow-command::`).
@Suite("Lesson text on the terminal", .serialized)
struct TerminalInjectionTests {
  @Test("escape sequences and newlines in names, fields and links are printed as visible characters", .timeLimit(.minutes(1)))
  func escapesShownNotSent() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let lesson = project + "/content/topics/topic-a/tutorials/lesson-0"
    // A link leaving the content folder is warned about by name.
    try FileManager.default.createSymbolicLink(
      atPath: lesson + "/a\u{1B}]0;PWNED\u{07}\u{1B}[2J\n::error file=x::forged\u{9B}31m", withDestinationPath: "/etc/hostname")
    let folder = project + "/content/topics/topic-a/tutorials/x\u{1B}[31mred"
    try TestFiles.write(
      "---\ntitle: L\n\"k\\e[5m\": 1\n---\n\nText [link](missing\u{1B}[1m.html).\n", to: folder + "/tutorial.md")
    for command in [["check"], ["build"]] {
      let result = try await CommandRunner.run(command, in: project)
      #expect(result.status == 0 || result.status == 1, "\(result.errors)")
      let printed = result.errors + result.output
      #expect(!printed.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" }, "\(command): \(printed)")
      #expect(!printed.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(command): \(printed)")
      #expect(printed.contains("␛]0;PWNED␇␛[2J␊::error"), "\(command): \(printed)")
      #expect(printed.contains("x␛[31mred"), "\(command): \(printed)")
    }
  }
}
