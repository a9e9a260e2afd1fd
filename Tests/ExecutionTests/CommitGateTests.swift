import Execution
import Foundation
import Testing

/// The gate between saving results and the interrupt handler: once closed, results files stay as they were.
@Suite("Commit gate")
struct CommitGateTests {
  static func results(_ text: String) -> LessonResults {
    let stamp = EnvironmentStamp(
      date: "2026-01-01", operatingSystem: "Linux", cpuModel: "test", logicalCPUs: 1, memoryBytes: 1,
      swiftVersion: "6", totalSeconds: 0)
    return LessonResults(
      key: text, cells: [CellResult(index: 0, stdout: text, stderr: "", seconds: 0, status: .succeeded, charts: [])], stamp: stamp)
  }

  @Test("a save after the gate closed is refused and leaves the frozen results and no temporary file")
  func refusedSave() throws {
    let folder = NSTemporaryDirectory() + "commit-gate-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let lesson = folder + "/tutorial.md"
    try FrozenResultsStore.save(Self.results("earlier run"), for: lesson, gate: CommitGate())
    let gate = CommitGate()
    gate.close()
    let error = try #require(throws: ExecutionError.self) {
      try FrozenResultsStore.save(Self.results("killed run"), for: lesson, gate: gate)
    }
    #expect(error.code == .interrupted)
    #expect(try FrozenResultsStore.load(for: lesson)?.key == "earlier run")
    #expect(gate.refusedCount == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["tutorial.results.json"])
  }

  @Test("a save removes the temporary files of saves whose process is gone, and keeps those of live ones")
  func leftovers() throws {
    let folder = NSTemporaryDirectory() + "commit-gate-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    // A process that has ended: its pid names nobody (until reused, which a moment later it is not).
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    let gone = ended.processIdentifier
    let live = ProcessInfo.processInfo.processIdentifier
    let names = [
      ".tutorial.results.json.tmp-\(gone)-1", "tutorial.results.json.tmp-\(gone)-2", ".tutorial.results.json.tmp-\(live)-3",
    ]
    for name in names { try Data("{".utf8).write(to: URL(fileURLWithPath: folder + "/" + name)) }
    try FrozenResultsStore.save(Self.results("run"), for: folder + "/tutorial.md", gate: CommitGate())
    let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(left == [".tutorial.results.json.tmp-\(live)-3", "tutorial.results.json"])
  }
}
