import Foundation
import TestSupport
import Testing

/// What a build leaves in the temporary folder: nothing. (The Swift driver leaves an empty
/// `TemporaryDirectory.XXXXXX` behind for each `swiftc --version`; tests had piled up 18,000 of them in /tmp.)
@Suite("Temporary files")
struct TemporaryFilesTests {
  @Test("a build that compiles and runs a lesson leaves nothing in TMPDIR", .timeLimit(.minutes(4)))
  func nothingLeftInTMPDIR() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write(
      "---\ntitle: Runs\n---\n\n```swift\nprint(6 * 7)\n```\n", to: project + "/content/topics/topic-a/tutorials/runs/tutorial.md")
    let temporary = project + "/tmp"
    try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
    let build = try await CommandRunner.run(
      program: try CommandRunner.executable(), ["build", "--refresh"], in: project, environment: ["TMPDIR": temporary])
    #expect(build.status == 0, "\(build.errors)")
    #expect(try CommandRunner.read(project + "/site/topics/topic-a/tutorials/runs/tutorial.html").contains("42"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary) == [])
  }
}
