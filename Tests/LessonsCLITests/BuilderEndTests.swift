import Foundation
import TestSupport
import Testing

/// When the builder ends abruptly, nothing of a lesson stays behind: not its program, not its temporary folder.
@Suite(.serialized)
struct BuilderEndTests {
  /// A project with one lesson whose cell sleeps, a builder started on it with `TMPDIR` set to a fresh folder, and
  /// the pid of the lesson program once it runs.
  static func startBuild(temporary: String) async throws -> (project: String, builder: Process, program: pid_t) {
    let project = try CommandRunner.makeProject(lessons: 0)
    try TestFiles.write(
      "---\ntitle: Slow\n---\n```swift\nimport Glibc\nprint(\"started\")\nsleep(120)\n```\n",
      to: project + "/content/topics/topic-a/tutorials/slow/tutorial.md")
    let builder = Process()
    builder.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
    builder.arguments = ["build", "--refresh", "--quiet"]
    builder.currentDirectoryURL = URL(fileURLWithPath: project)
    builder.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
    builder.standardOutput = FileHandle.nullDevice
    builder.standardError = FileHandle.nullDevice
    try builder.run()
    let deadline = Date().addingTimeInterval(90)
    var program: pid_t?
    while program == nil, builder.isRunning, Date() < deadline {
      program = InterruptTests.child(named: "lesson-program", of: builder.processIdentifier)
      if program == nil { try await Task.sleep(for: .milliseconds(50)) }
    }
    guard let program else {
      if builder.isRunning { kill(builder.processIdentifier, SIGKILL) }
      throw RunnerError("the lesson program never started")
    }
    return (project, builder, program)
  }

  static func makeTemporary() throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("builder-end-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  /// Waits (at most 10 s) for `pid` to be gone.
  static func waitGone(_ pid: pid_t) async -> Bool {
    let deadline = Date().addingTimeInterval(10)
    while InterruptTests.isAlive(pid), Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
    return !InterruptTests.isAlive(pid)
  }

  @Test("kill -9 of the builder ends the running lesson program too", .timeLimit(.minutes(2)))
  func builderKilled() async throws {
    let temporary = try Self.makeTemporary()
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    let (project, builder, program) = try await Self.startBuild(temporary: temporary)
    defer { try? FileManager.default.removeItem(atPath: project) }
    kill(builder.processIdentifier, SIGKILL)
    try await OffPool.run { [builder] in builder.waitUntilExit() }
    #expect(await Self.waitGone(program), "the lesson program outlived its builder")
    if InterruptTests.isAlive(program) { kill(program, SIGKILL) }
  }

  @Test("Ctrl-C leaves no lessons-exec folder; a dead builder's folders are removed by the next", .timeLimit(.minutes(2)))
  func interruptCleansUp() async throws {
    let temporary = try Self.makeTemporary()
    defer { try? FileManager.default.removeItem(atPath: temporary) }
    // A folder a killed builder left: its pid runs no more (pid_max is far lower).
    let stale = temporary + "/lessons-exec-99999999-AbCdEf"
    try FileManager.default.createDirectory(atPath: stale, withIntermediateDirectories: true)
    let (project, builder, program) = try await Self.startBuild(temporary: temporary)
    defer { try? FileManager.default.removeItem(atPath: project) }
    #expect(!FileManager.default.fileExists(atPath: stale))
    kill(builder.processIdentifier, SIGINT)
    try await OffPool.run { [builder] in builder.waitUntilExit() }
    #expect(builder.terminationStatus == 130)
    #expect(await Self.waitGone(program))
    let left = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("lessons-exec-") }
    #expect(left.isEmpty, "left behind: \(left)")
  }
}
