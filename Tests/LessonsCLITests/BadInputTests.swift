import Foundation
import Testing
import TestSupport

/// A small deterministic random generator (SplitMix64), so that a failing mutation can be found again.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}

@Suite("Bad input never crashes the builder", .serialized)
struct BadInputTests {
  /// Lessons to mutate: the project's example lesson and, when they are present, the real GTN samples beside the
  /// project (read in place, never copied into it).
  static func seeds() throws -> [Data] {
    var files = [CommandRunner.packageRoot + "/content/topics/data-science/tutorials/swift-first-steps/tutorial.md"]
    let samples = CommandRunner.packageRoot + "/../shared/gtn-samples"
    if let names = try? FileManager.default.contentsOfDirectory(atPath: samples) {
      files += names.filter { $0.hasSuffix(".md") && $0.contains("--") }.sorted().map { samples + "/" + $0 }
    }
    // Cells are marked `run=false`: this test is about damaged text reaching every stage, and compiling a few
    // hundred programs would only make it slow.
    return try files.map { file in
      let text = try String(contentsOfFile: file, encoding: .utf8)
      return Data(text.replacingOccurrences(of: "```swift\n", with: "```swift run=false\n").utf8)
    }
  }

  /// `data` with a few random edits: bytes replaced (including invalid UTF-8), lines cut or repeated, truncation.
  static func mutate(_ data: Data, using random: inout SeededGenerator) -> Data {
    var bytes = [UInt8](data)
    for _ in 0..<Int.random(in: 1...8, using: &random) where !bytes.isEmpty {
      let at = Int.random(in: 0..<bytes.count, using: &random)
      switch Int.random(in: 0..<6, using: &random) {
      case 0: bytes[at] = UInt8.random(in: 0...255, using: &random)
      case 1: bytes.insert(contentsOf: Array(">{: .%}-<".utf8).shuffled(using: &random), at: at)
      case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...400, using: &random)))
      case 3: bytes.insert(contentsOf: [0xC3, 0x28, 0xFF, 0xFE], at: at)
      case 4: bytes.insert(contentsOf: bytes[at..<min(bytes.count, at + 200)], at: at)
      default: bytes.removeSubrange(at..<bytes.count)
      }
    }
    return Data(bytes)
  }

  @Test("hundreds of mutated lessons are checked and built with a clear status, never a crash", .timeLimit(.minutes(1)))
  func mutations() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    var random = SeededGenerator(state: 20_261_127)
    let seeds = try Self.seeds()
    for number in 0..<240 {
      let mutated = Self.mutate(seeds[number % seeds.count], using: &random)
      let path = project + "/content/topics/fuzz/tutorials/mutant-\(number)/tutorial.md"
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try mutated.write(to: URL(fileURLWithPath: path))
    }
    try TestFiles.write("title: [broken\n", to: project + "/content/topics/fuzz/metadata.yaml")
    try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: project + "/content/site.yaml"))

    for command in [["check"], ["build"], ["build"]] {
      let result = try await CommandRunner.run(command + ["--quiet"], in: project)
      #expect(result.status == 0 || result.status == 1, "\(command) ended with \(result.status): \(result.errors.suffix(500))")
      #expect(!result.errors.contains("Fatal error"), "\(command): \(result.errors.suffix(500))")
      #expect(result.errors.contains("metadata.yaml:"))
    }
    #expect(FileManager.default.fileExists(atPath: project + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html"))
  }
}
