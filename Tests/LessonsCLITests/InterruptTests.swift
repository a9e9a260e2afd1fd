import Foundation
import TestSupport
import Testing

/// Stopping a build while a lesson program runs: the program goes, the frozen results stay as they were.
@Suite(.serialized)
struct InterruptTests {
  /// With `hold`, the builder's interrupt handler waits after killing the lesson program until a commit has been
  /// refused (a test-only variable): the thread that sees the program die always tries to save the killed run
  /// before the builder exits, the race that once replaced frozen results now and then. The save must be refused.
  @Test(
    "SIGTERM during --refresh kills the running lesson program, exits 143 and keeps the frozen results",
    .timeLimit(.minutes(2)), arguments: [false, true])
  func terminateDuringRefresh(hold: Bool) async throws {
    let project = try CommandRunner.makeProject(lessons: 0)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let tutorial = project + "/content/topics/topic-a/tutorials/slow"
    try TestFiles.write(
      "---\ntitle: Slow\n---\n```swift\nimport Glibc\nprint(\"started\")\nsleep(120)\n```\n", to: tutorial + "/tutorial.md")
    let frozen = tutorial + "/tutorial.results.json"
    let before = "{\"written by\": \"an earlier run\"}\n"
    try TestFiles.write(before, to: frozen)

    let builder = Process()
    builder.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
    builder.arguments = ["build", "--refresh", "--quiet"]
    builder.currentDirectoryURL = URL(fileURLWithPath: project)
    if hold {
      builder.environment = ProcessInfo.processInfo.environment.merging(
        ["LESSONS_TEST_HOLD_EXIT_UNTIL_REFUSED": "1"], uniquingKeysWith: { $1 })
    }
    builder.standardOutput = FileHandle.nullDevice
    builder.standardError = FileHandle.nullDevice
    try builder.run()
    defer { if builder.isRunning { kill(builder.processIdentifier, SIGKILL) } }

    // Wait (bounded) until the builder has compiled the lesson and started its program.
    let deadline = Date().addingTimeInterval(90)
    var program: pid_t?
    while program == nil, builder.isRunning, Date() < deadline {
      program = Self.child(named: "lesson-program", of: builder.processIdentifier)
      if program == nil { try await Task.sleep(for: .milliseconds(50)) }
    }
    let running = try #require(program, "the lesson program never started")

    builder.terminate()
    // Waited for off the cooperative pool: this test holds no cooperative thread while the builder winds down.
    try await OffPool.run { [builder] in builder.waitUntilExit() }
    #expect(builder.terminationReason == .exit)
    #expect(builder.terminationStatus == 143)
    // SIGKILL is sent before the builder exits but lands asynchronously: wait (bounded) for the program to go.
    let killDeadline = Date().addingTimeInterval(10)
    while Self.isAlive(running), Date() < killDeadline { try await Task.sleep(for: .milliseconds(20)) }
    #expect(!Self.isAlive(running), "the lesson program outlived the builder")
    #expect(try CommandRunner.read(frozen) == before)
  }

  /// The pid of a child of `parent` whose command name is `name`, from /proc.
  static func child(named name: String, of parent: pid_t) -> pid_t? {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    for entry in entries {
      guard let pid = pid_t(entry),
        let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8)
      else { continue }
      let fields = Dictionary(
        status.split(separator: "\n").compactMap { line -> (String, String)? in
          guard let colon = line.firstIndex(of: ":") else { return nil }
          return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }, uniquingKeysWith: { first, _ in first })
      if fields["Name"] == name, fields["PPid"] == String(parent) { return pid }
    }
    return nil
  }

  /// True while `pid` exists and is not a zombie waiting to be reaped.
  static func isAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
  }
}
