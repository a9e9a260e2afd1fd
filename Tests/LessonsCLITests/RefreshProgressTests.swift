import Foundation
import Testing
import TestSupport

/// What `lessons build --refresh` says while cells run, and what it does with cells that do not compile
/// (issue 11, item 8).
@Suite("Refresh progress and compile errors, through the lessons command", .serialized)
struct RefreshProgressTests {
  static func lesson(_ project: String, _ slug: String) -> String {
    project + "/content/topics/topic-a/tutorials/\(slug)/tutorial.md"
  }

  /// `script` (util-linux) runs the command on a pseudo-terminal: the progress line is only drawn on a terminal.
  static let script = "/usr/bin/script"

  @Test(
    "on a terminal, the progress line names the lesson and the cell running now",
    .enabled(if: FileManager.default.isExecutableFile(atPath: script), "needs script(1) for a terminal"),
    .timeLimit(.minutes(3)))
  func cellProgress() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let cells = (1...3).map { "```swift\nprint(\($0))\n```\n" }.joined(separator: "\n")
    try TestFiles.write("---\ntitle: Steps\n---\n\n\(cells)", to: Self.lesson(project, "steps"))
    let command = "'\(try CommandRunner.executable())' build --refresh"
    let run = try await CommandRunner.run(
      program: Self.script, ["-q", "-e", "-c", command, "/dev/null"], in: project)
    #expect(run.status == 0, "\(run.output)")
    // Each line is drawn over the previous one: "\r", erase, the line.
    let lines = run.output.components(separatedBy: "\r\u{1B}[K")
    let expected = ["compiling", "cell 1/3", "cell 2/3", "cell 3/3"].map { "[1/1] steps: \($0)" }
    #expect(lines.filter { $0.hasPrefix("[1/1] steps:") } == expected, "\(lines)")
  }

  @Test(
    "cells that do not compile are an error at file:line, also when the frozen results are reused; other lessons build",
    .timeLimit(.minutes(3)))
  func compileError() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    // Line 10 holds the error.
    try TestFiles.write(
      "---\ntitle: Broken\n---\n\n```swift\nprint(1)\n```\n\n```swift\nlet x: Int = \"s\"\n```\n",
      to: Self.lesson(project, "broken"))
    let page = project + "/site/topics/topic-a/tutorials/broken/tutorial.html"
    for arguments in [["build"], ["build"], ["build", "--refresh"]] {
      let build = try await CommandRunner.run(arguments, in: project)
      #expect(build.status == 1, "\(arguments): \(build.errors)")
      let errors = build.errors.split(separator: "\n").filter { $0.contains(": error: ") }
      #expect(
        errors.contains { $0.hasPrefix("content/topics/topic-a/tutorials/broken/tutorial.md:10:") && $0.contains("String") },
        "\(arguments): \(build.errors)")
      #expect(!build.errors.contains(": warning: "), "\(arguments): \(build.errors)")
      #expect(build.errors.contains("1 lesson(s) not built: topics/topic-a/tutorials/broken"), "\(build.errors)")
      #expect(!FileManager.default.fileExists(atPath: page))
      #expect(FileManager.default.fileExists(atPath: project + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html"))
    }
  }
}
