import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// The hand-written JSON of a manifest entry is `JSONEncoder`'s text, and knows every field of the records.
@Suite("Manifest entries written by hand")
struct ManifestJSONTests {
  /// Text with what JSON escapes (quotes, backslashes, slashes, every control character), non-ASCII and tabs.
  static func text(_ generator: inout BodyFuzzTests.Generator) -> String {
    let pieces = ["a", "Title", " ", "\"", "\\", "/", "\t", "\n", "\r", "é", "🧬", "\u{2028}", "\u{7F}", "<&>", "0,1\n", "\u{1B}", "\u{8}", "\u{C}"]
      + (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
    return (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  static func lesson(_ generator: inout BodyFuzzTests.Generator) -> BuildManifest.Lesson {
    func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &generator) ? value() : nil }
    let status = FileSystem.Status(
      size: Int64.random(in: 0...1 << 40, using: &generator), modified: Int64.random(in: -5...Int64.max, using: &generator),
      isDirectory: Bool.random(using: &generator))
    var inputs: [String: FileSystem.Status] = [:]
    for _ in 0..<Int.random(in: 0...4, using: &generator) { inputs[text(&generator)] = status }
    let summary = BuildManifest.LessonSummary(
      title: text(&generator), level: maybe(text(&generator)), minutes: maybe(Int.random(in: -3...900, using: &generator)),
      draft: Bool.random(using: &generator), contributors: maybe([text(&generator), text(&generator)]), tags: maybe([]),
      searchTerms: maybe(text(&generator)), description: maybe(text(&generator)), modified: maybe(text(&generator)))
    let link = LessonNeighbours.Link(pagePath: text(&generator), title: text(&generator))
    return BuildManifest.Lesson(
      inputs: inputs, outputs: [text(&generator), text(&generator)], summary: maybe(summary),
      warnings: [Diagnostic(.warning, file: text(&generator), line: maybe(7), column: maybe(3), text(&generator))],
      navigation: maybe(LessonNeighbours(previous: maybe(link), next: maybe(link))),
      requirementTitles: maybe([text(&generator): text(&generator), "b/c": ""]))
  }

  @Test("an entry is the text JSONEncoder with sorted keys gives")
  func sameAsJSONEncoder() throws {
    var generator = BodyFuzzTests.Generator(state: 0x3A17_F00D)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for _ in 0..<500 {
      let key = Self.text(&generator)
      let lesson = Self.lesson(&generator)
      let object = String(decoding: try encoder.encode([key: lesson]), as: UTF8.self)
      #expect("{" + ManifestJSON.entry(key, lesson) + "}" == object)
    }
  }

  @Test("the records have the fields the writer knows: a new field must be taught to ManifestJSON")
  func knownFields() {
    func fields(_ value: Any) -> [String] { Mirror(reflecting: value).children.compactMap(\.label) }
    let status = FileSystem.Status(size: 0, modified: 0, isDirectory: false)
    let summary = BuildManifest.LessonSummary(title: "", level: nil, minutes: nil, draft: false)
    #expect(fields(BuildManifest.Lesson(inputs: [:], outputs: [], summary: nil, warnings: []))
      == ["inputs", "outputs", "summary", "warnings", "navigation", "requirementTitles"])
    #expect(fields(summary)
      == ["title", "level", "minutes", "draft", "contributors", "tags", "searchTerms", "description", "modified"])
    #expect(fields(status) == ["size", "modified", "isDirectory"])
    #expect(fields(LessonNeighbours(previous: nil, next: nil)) == ["previous", "next"])
    #expect(fields(LessonNeighbours.Link(pagePath: "", title: "")) == ["pagePath", "title"])
    #expect(fields(Diagnostic(.warning, file: "", "")) == ["severity", "file", "line", "column", "message"])
  }
}

/// The manifest encoded in parts (each lesson's entry apart, in parallel, then put in) is the text the whole
/// manifest encodes to.
@Suite("Build manifest encoded in parts")
struct BuildManifestPartsTests {
  static func manifest() -> BuildManifest {
    let status = FileSystem.Status(size: 12, modified: 1_795_985_107_343_100_929, isDirectory: false)
    var lessons: [String: BuildManifest.Lesson] = [:]
    // Keys whose UTF-8 order differs from String order and from their escaped form's order.
    for (index, key) in ["topics/t/tutorials/a", "topics/t/tutorials/a0", "topics/t/a/b", "topics/é/x", "topics/e\u{301}/y",
      "topics/t/tutorials/A", "topics/q\"uote/z", "topics/t/tutorials/a_b", "topics/t/tutorials/a.b"].enumerated()
    {
      lessons[key] = BuildManifest.Lesson(
        inputs: ["tutorial.md": status], outputs: [key + "/tutorial.html"],
        summary: index == 2 ? nil : BuildManifest.LessonSummary(
          title: "Lesson \(index) <&> \"/\"", level: "Intro", minutes: index, draft: index == 3, contributors: ["a"],
          tags: ["x/y"], searchTerms: "term\t1,2\n", description: "d", modified: "2026-11-29T20:45:07Z"),
        warnings: [], navigation: LessonNeighbours(previous: nil, next: .init(pagePath: "p/q.html", title: "Q")))
    }
    return BuildManifest(
      settings: .init(builder: "b", templates: ["layout.mustache": status], includes: [:], siteFile: nil, baseURL: nil, strict: false),
      siteDiagnostics: [], siteOutputs: ["index.html", "sitemap.xml"], topics: ["t": .init(metadata: status, images: [:])],
      lessons: lessons)
  }

  @Test("lessons encoded entry by entry, then put in, give the manifest's own text")
  func sameText() throws {
    let manifest = Self.manifest()
    let whole = try manifest.encoded()
    let entries = Dictionary(uniqueKeysWithValues: manifest.lessons.map { ($0.key, BuildManifest.entry($0.key, $0.value)) })
    #expect(try manifest.encoded(entries: entries) == whole)
    // Some entries missing: encoded on the spot.
    #expect(try manifest.encoded(entries: entries.filter { $0.key.hasPrefix("topics/t/") }) == whole)
    #expect(try manifest.encoded(entries: [:]) == whole)
    var empty = manifest
    empty.lessons = [:]
    #expect(try empty.encoded(entries: [:]) == (try empty.encoded()))
  }
}

/// A manifest of megabytes is written piece by piece through one reused buffer: the file holds the pieces' text
/// joined, whatever the buffer's size.
@Suite("Writing in pieces")
struct WritingInPiecesTests {
  @Test("the file holds the joined pieces, with pieces smaller, equal to and larger than the buffer", arguments: [1, 7, 64, 4096])
  func joined(bufferSize: Int) throws {
    let folder = try TestFiles.temporaryFolder(prefix: "pieces-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let pieces = ["", "a", "é\u{301}", String(repeating: "xyz", count: 40), "", "{\"k\":1}", String(repeating: "ü", count: 3000), "end"]
    let path = folder + "/new/manifest.json"
    try FileSystem.write(pieces: pieces, to: path, bufferSize: bufferSize)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(pieces.joined().utf8))
    // Writing again replaces the file.
    try FileSystem.write(pieces: ["short"], to: path, bufferSize: bufferSize)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "short")
  }

  @Test("the manifest's pieces are its text")
  func manifestPieces() throws {
    let manifest = BuildManifestPartsTests.manifest()
    #expect(try manifest.encodedPieces(entries: [:]).joined() == (try manifest.encoded()))
  }

  @Test("the early site pages' check compares the lessons' summaries as two dictionaries of them would")
  func sameSummaries() {
    let lessons = BuildManifestPartsTests.manifest().lessons
    func same(_ left: [String: BuildManifest.Lesson], _ right: [String: BuildManifest.Lesson]) -> Bool {
      let answer = EarlySitePages.sameSummaries(left, right)
      #expect(answer == (left.compactMapValues(\.summary) == right.compactMapValues(\.summary)))
      return answer
    }
    #expect(same(lessons, lessons))
    var changed = lessons
    changed["topics/t/tutorials/a"]?.summary?.title = "Other"
    #expect(!same(lessons, changed))
    var withoutSummary = lessons
    withoutSummary["topics/t/tutorials/a"]?.summary = nil
    #expect(!same(lessons, withoutSummary))
    #expect(!same(withoutSummary, lessons))
    var extraWithoutSummary = lessons
    extraWithoutSummary["topics/new"] = BuildManifest.Lesson(inputs: [:], outputs: [], summary: nil, warnings: [])
    #expect(same(lessons, extraWithoutSummary))
    var renamed = lessons
    renamed["topics/renamed"] = renamed.removeValue(forKey: "topics/t/tutorials/a")
    #expect(!same(lessons, renamed))
    #expect(same([:], [:]))
  }
}
