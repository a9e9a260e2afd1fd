import Foundation
import Lessons
import Site
import Testing

/// Random mutations of the fixtures and samples (deletions, duplications, inserted `>`, `{:`, `{%`, backticks,
/// title tags, table rows and invalid UTF-8) go through parsing and rendering without a crash or a hang, and every
/// diagnostic points inside the file.
struct BodyFuzzTests {
  /// SplitMix64: a small seeded generator, so a failure can be replayed.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  static let insertions: [[UInt8]] = [
    ">", "> ", "> > ", "\n>", "{:", "{: .solution}\n", "{: .question}", "{%", "%}", "{% icon ", "{{", "}}", "`", "```",
    "```swift\n", "<question-title>", "</hands-on-title>", "|", "| a | b |\n|---|---|\n", "$$", "{GIL}", "\n", "---\n",
    "![x](y \"c\")", "{:toc}", "1. TOC\n", "[", "](", "*", "_", "<div>", "//| run: maybe\n",
  ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xE2, 0x82], [0x00], [0xF0, 0x9F, 0x98]]

  static func corpus() throws -> [(String, [UInt8])] {
    var files = BodyTestSupport.sampleFiles
    let fixtures = (try? FileManager.default.contentsOfDirectory(atPath: BodyTestSupport.fixturesFolder.path)) ?? []
    files += fixtures.filter { $0.hasSuffix(".md") }.sorted().map { BodyTestSupport.fixturesFolder.appendingPathComponent($0) }
    return try files.map { ($0.lastPathComponent, Array(try Data(contentsOf: $0))) }
  }

  static func mutate(_ input: [UInt8], using generator: inout Generator) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...6, using: &generator) {
      let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &generator)
      switch Int.random(in: 0..<3, using: &generator) {
      case 0 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...200, using: &generator))
        if position < end { bytes.removeSubrange(position..<end) }
      case 1 where !bytes.isEmpty:
        let end = min(bytes.count, position + Int.random(in: 1...400, using: &generator))
        if position < end { bytes.insert(contentsOf: bytes[position..<end], at: position) }
      default:
        bytes.insert(contentsOf: insertions.randomElement(using: &generator) ?? [], at: position)
      }
    }
    return bytes
  }

  @Test("300 random mutations parse and render without crashing; diagnostics stay inside the file",
    .timeLimit(.minutes(1)))
  func mutations() throws {
    let corpus = try Self.corpus()
    try #require(!corpus.isEmpty)
    var generator = Generator(state: 20_261_127)
    for round in 0..<300 {
      let (name, original) = corpus[round % corpus.count]
      let mutated = Self.mutate(original, using: &generator)
      let lesson = LessonParser.parse(
        data: Data(mutated), file: "/tmp/fuzz/\(name)", relativePath: "topics/fuzz/tutorials/\(round)")
      let body = BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML)
      let lineCount = mutated.count(where: { $0 == 10 }) + 1
      for diagnostic in lesson.diagnostics + body.diagnostics {
        if let line = diagnostic.line {
          #expect((1...lineCount).contains(line), "round \(round) (\(name)): \(diagnostic)")
        }
      }
      #expect(!body.html.isEmpty || lesson.document.blocks.isEmpty, "round \(round) (\(name))")
      #expect(lesson.cells.indices.allSatisfy { lesson.cells[$0].index == $0 })
    }
  }

  @Test("pathological inputs: deep quotes, long lines, unclosed everything", .timeLimit(.minutes(1)))
  func pathological() {
    let inputs = [
      String(repeating: "> ", count: 2_000) + "deep\n" + String(repeating: "{: .solution}\n", count: 100),
      String(repeating: "{% icon x ", count: 5_000),
      String(repeating: "{:", count: 10_000),
      String(repeating: "|", count: 10_000) + "\n|---|\n",
      String(repeating: "```\n", count: 1_001),
      String(repeating: "[", count: 5_000) + String(repeating: "](", count: 5_000),
      "---\n" + String(repeating: "a: [", count: 1_000),
      String(repeating: "$$", count: 5_001),
      String(repeating: "{GIL}", count: 5_000),
    ]
    for input in inputs {
      let lesson = LessonParser.parse(text: input, file: "/tmp/p.md", relativePath: "topics/p/tutorials/p")
      let body = BodyRenderer.render(lesson, cellHTML: BodyTestSupport.cellHTML)
      #expect(body.html.count >= 0)
    }
  }
}
