import Foundation
import Testing
import TestSupport

@Suite("scripts/refresh-sharded.sh on fixture lessons", .serialized)
struct RefreshShardedScriptTests {
  static let hasPython =
    ["/usr/bin/python3", "/usr/local/bin/python3"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    || (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
      FileManager.default.isExecutableFile(atPath: "\($0)/python3")
    }

  /// Three lessons with fast cells: two print fixed text, one a number that changes from run to run.
  static func content() throws -> String {
    let project = try CommandRunner.makeProject(lessons: 0)
    let cells = [
      "fixed-a": "print(\"hello a\")",
      "fixed-b": "let squares = (1...4).map { $0 * $0 }\nprint(squares)",
      "timed": "print(\"random \\(Int.random(in: 1...1_000_000))\")",
    ]
    for (name, cell) in cells {
      try TestFiles.write(
        "---\ntitle: \(name)\n---\n\n```swift\n\(cell)\n```\n",
        to: "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.md")
    }
    return project
  }

  static func run(_ arguments: [String], in project: String) async throws -> CommandRunner.Result {
    try await CommandRunner.run(
      program: "/bin/bash", [CommandRunner.packageRoot + "/scripts/refresh-sharded.sh"] + arguments, in: project,
      environment: ["LESSONS": try CommandRunner.executable()], timeout: 240)
  }

  @Test(
    "two shards as separate processes: the merge covers exactly one --refresh's lessons, with equal outputs",
    .enabled(if: hasPython, "python3 is not on PATH (the script compares outputs with it)"), .timeLimit(.minutes(5)))
  func twoShards() async throws {
    let project = try Self.content()
    defer { try? FileManager.default.removeItem(atPath: project) }
    // Twice: first with nothing recorded (lessons placed by path hash), then balanced by the recorded times.
    for round in 1...2 {
      let result = try await Self.run(["2", "--content", "content"], in: project)
      #expect(result.status == 0, "round \(round): \(result.output)\n\(result.errors)")
      #expect(result.output.contains("merged 3 results file(s)"), "\(result.output)")
      #expect(
        result.output.contains("3 lesson(s), 2 cell output(s) equal, 1 equal but for numbers, 0 different"),
        "\(result.output)")
      let counts = result.output.split(separator: "\n").filter { $0.hasPrefix("shard ") }.compactMap {
        Int($0.split(separator: " ")[2])
      }
      #expect(counts.count == 2 && counts.reduce(0, +) == 3, "\(result.output)")
    }
    for name in ["fixed-a", "fixed-b", "timed"] {
      let file = "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.results.json"
      #expect(try CommandRunner.read(file).contains("\"stdout\""), "\(name) has no merged results")
    }
    #expect(try await Self.run(["2/2"], in: project).status == 64)
  }
}
