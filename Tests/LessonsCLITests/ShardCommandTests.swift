import Foundation
import Testing
import TestSupport

@Suite("lessons build --shard, driven like a user", .serialized)
struct ShardCommandTests {
  static let times = ["a": 5.0, "b": 3, "c": 2, "d": 1]

  /// A project with lessons a…d, built once, with their recorded times set to `times` (the key is left as it was,
  /// so the results stay fresh).
  static func project() throws -> String {
    let project = try CommandRunner.makeProject(lessons: 0)
    for name in times.keys {
      try TestFiles.write(
        "---\ntitle: \(name)\n---\n\n```swift\nprint(Int.random(in: 0..<1_000_000_000))\n```\n",
        to: "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.md")
    }
    let build = try CommandRunner.run(["build", "--quiet", "--jobs", "2"], in: project)
    #expect(build.status == 0, "\(build.errors)")
    for (name, seconds) in times {
      let file = resultsFile(project, name)
      var json = try #require(
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
      var stamp = try #require(json["stamp"] as? [String: Any])
      stamp["totalSeconds"] = seconds
      json["stamp"] = stamp
      try JSONSerialization.data(withJSONObject: json).write(to: URL(fileURLWithPath: file))
    }
    return project
  }

  static func resultsFile(_ project: String, _ name: String) -> String {
    "\(project)/content/topics/topic-a/tutorials/\(name)/tutorial.results.json"
  }

  static func contents(_ project: String) throws -> [String: Data] {
    Dictionary(
      uniqueKeysWithValues: try times.keys.map {
        ($0, try Data(contentsOf: URL(fileURLWithPath: resultsFile(project, $0))))
      })
  }

  /// Each shard runs on its own copy of the project, as on CI runners (a shard's refreshed times must not change
  /// the plan another shard computes).
  @Test("each shard refreshes only its own lessons; the two shards cover every lesson once", .timeLimit(.minutes(3)))
  func shards() async throws {
    let project = try Self.project()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let before = try Self.contents(project)
    var written: [Int: Set<String>] = [:]
    for index in [1, 2] {
      let copy = project + "-shard-\(index)"
      try FileManager.default.copyItem(atPath: project, toPath: copy)
      defer { try? FileManager.default.removeItem(atPath: copy) }
      let result = try await CommandRunner.run(
        ["build", "--quiet", "--refresh", "--shard", "\(index)/2", "--out", "site-\(index)"], in: copy)
      #expect(result.status == 0, "\(result.errors)")
      let now = try Self.contents(copy)
      written[index] = Set(now.keys.filter { now[$0] != before[$0] })
      if index == 1 {
        #expect(FileManager.default.fileExists(atPath: copy + "/site-1/topics/topic-a/tutorials/a/tutorial.html"))
        #expect(!FileManager.default.fileExists(atPath: copy + "/site-1/topics/topic-a/tutorials/b/tutorial.html"))
      }
    }
    // Longest first on the least loaded shard: a (5) → 1, b (3) → 2, c (2) → 2, d (1) → 1.
    #expect(written[1] == ["a", "d"])
    #expect(written[2] == ["b", "c"])
  }

  @Test("with --refresh NAME…, only the named lessons that fall in the shard run again", .timeLimit(.minutes(3)))
  func namedInShard() async throws {
    let project = try Self.project()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let before = try Self.contents(project)
    let result = try await CommandRunner.run(["build", "--quiet", "--refresh", "--shard", "2/2", "a", "b"], in: project)
    #expect(result.status == 0, "\(result.errors)")
    let after = try Self.contents(project)
    #expect(Set(after.keys.filter { after[$0] != before[$0] }) == ["b"])
  }

  @Test("status --shards N shows the plan --shard follows, with each shard's recorded time", .timeLimit(.minutes(3)))
  func statusShowsPlan() async throws {
    let project = try Self.project()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let result = try await CommandRunner.run(["status", "--shards", "2"], in: project)
    #expect(result.status == 0, "\(result.errors)")
    let lesson = { (name: String) in "topics/topic-a/tutorials/\(name)" }
    #expect(result.output.contains("shard 1/2: 6.0 s, 2 lesson(s): \(lesson("a")), \(lesson("d"))"), "\(result.output)")
    #expect(result.output.contains("shard 2/2: 5.0 s, 2 lesson(s): \(lesson("b")), \(lesson("c"))"), "\(result.output)")
    #expect(try await CommandRunner.run(["status", "--shards", "0"], in: project).status == 64)
  }

  @Test("a bad --shard value is a clear error with exit status 64", .timeLimit(.minutes(1)))
  func badValues() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    for bad in ["0/2", "3/2", "two", "1/0"] {
      let result = try await CommandRunner.run(["build", "--refresh", "--shard", bad], in: project)
      #expect(result.status == 64, "\(bad)")
      #expect(result.errors.contains("--shard '\(bad)'"), "\(bad): \(result.errors)")
    }
  }
}
