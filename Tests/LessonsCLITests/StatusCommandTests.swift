import Foundation
import Testing
import TestSupport

@Suite("lessons status, driven like a user", .serialized)
struct StatusCommandTests {
  static func lesson(_ cell: String, front: String = "") -> String {
    "---\ntitle: L\n\(front)---\n\nText.\n\n```swift\n\(cell)\n```\n"
  }

  struct Entry: Decodable {
    var path: String
    var state: String
    var reasons: [String]
    var recordedSeconds: Double?
  }
  struct Status: Decodable {
    var lessons: [Entry]
    var counts: [String: Int]
  }

  static func status(_ project: String, _ extra: [String] = []) throws -> (Int32, Status) {
    let result = try CommandRunner.run(["status", "--json"] + extra, in: project)
    let status = try JSONDecoder().decode(Status.self, from: Data(result.output.utf8))
    return (result.status, status)
  }

  @Test("fresh, stale (cells, data), never run and failed lessons; --strict exits 1", .timeLimit(.minutes(3)))
  func states() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let tutorials = project + "/content/topics/topic-a/tutorials/"
    try TestFiles.write(Self.lesson("print(\"a\")"), to: tutorials + "a-cells/tutorial.md")
    try TestFiles.write(
      Self.lesson("print(\"b\")", front: "data: [input.txt]\n"), to: tutorials + "b-data/tutorial.md")
    try TestFiles.write("1\n", to: tutorials + "b-data/input.txt")
    try TestFiles.write(Self.lesson("struct E: Error {}\nthrow E()"), to: tutorials + "c-failed/tutorial.md")
    try TestFiles.write(Self.lesson("print(\"d\")"), to: tutorials + "d-fresh/tutorial.md")
    try TestFiles.write("---\ntitle: No cells\n---\nText.\n", to: tutorials + "e-text/tutorial.md")
    let build = try await CommandRunner.run(["build", "--quiet", "--jobs", "2"], in: project)
    #expect(build.status == 0, "\(build.errors)")

    let (cleanStatus, clean) = try Self.status(project)
    #expect(cleanStatus == 0)
    #expect(clean.lessons.map(\.state) == ["fresh", "fresh", "failed", "fresh"])
    #expect(clean.lessons.allSatisfy { $0.recordedSeconds != nil })
    #expect(try await CommandRunner.run(["status", "--strict"], in: project).status == 1)

    try TestFiles.write(Self.lesson("print(\"a2\")"), to: tutorials + "a-cells/tutorial.md")
    try TestFiles.write("2\n", to: tutorials + "b-data/input.txt")
    try TestFiles.write(Self.lesson("print(\"f\")"), to: tutorials + "f-new/tutorial.md")
    let (exit, status) = try Self.status(project, ["--strict"])
    #expect(exit == 1)
    #expect(
      status.lessons.map { ($0.path as NSString).lastPathComponent } == [
        "a-cells", "b-data", "c-failed", "d-fresh", "f-new",
      ])
    #expect(status.lessons.map(\.state) == ["stale", "stale", "failed", "fresh", "never run"])
    #expect(status.lessons[0].reasons == ["the lesson's Swift cells changed"])
    #expect(status.lessons[1].reasons == ["the lesson's data files changed"])
    #expect(status.lessons[2].reasons.first?.hasPrefix("cell 1 failed") == true)
    #expect(status.counts == ["fresh": 1, "stale": 2, "never run": 1, "failed": 1])

    let text = try await CommandRunner.run(["status"], in: project)
    #expect(text.status == 0)
    #expect(text.output.contains("stale     topics/topic-a/tutorials/a-cells"))
    #expect(text.output.contains("- the lesson's data files changed"))
    #expect(text.output.contains("5 executed lesson(s): 1 fresh, 2 stale, 1 never run, 1 failed"))
  }

  @Test(
    "--strict exits 0 when every result is fresh; a missing content folder is a clear error", .timeLimit(.minutes(2)))
  func strictFreshAndMissing() async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write(Self.lesson("print(1)"), to: project + "/content/topics/topic-a/tutorials/one/tutorial.md")
    #expect(try await CommandRunner.run(["build", "--quiet"], in: project).status == 0)
    #expect(try await CommandRunner.run(["status", "--strict"], in: project).status == 0)
    let missing = try await CommandRunner.run(["status", "--content", "nowhere"], in: project)
    #expect(missing.status == 1)
    #expect(missing.errors.contains("nowhere/topics"))
  }
}
