import Foundation
import TestSupport
import Testing

/// The search index as files: the same lessons give the same bytes, and a build after one lesson changed leaves the
/// shards that do not hold its words untouched (quiet incremental builds and git diffs).
@Suite("Search index files")
struct SearchIndexBuildTests {
  /// Relative path → bytes of every file under `folder`.
  static func files(under folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: folder)
    while let path = enumerator?.nextObject() as? String {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
        files[path] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path))
      }
    }
    return files
  }

  /// `lessons build --quiet` in `project`, off Swift's cooperative threads; its exit status.
  static func build(_ project: String) async throws -> Int32 {
    try await OffPool.run { try CommandRunner.run(["build", "--quiet"], in: project).status }
  }

  static func inode(_ path: String) throws -> UInt64? {
    (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
  }

  @Test("a clean build writes the same search files byte for byte; one changed lesson rewrites only its shards",
    .timeLimit(.minutes(4)))
  func deterministicAndQuiet() async throws {
    let project = try CommandRunner.makeProject(lessons: 3)
    defer { try? FileManager.default.removeItem(atPath: project) }
    #expect(try await Self.build(project) == 0)
    let first = try Self.files(under: project + "/site/search")
    let top = try Data(contentsOf: URL(fileURLWithPath: project + "/site/search-index.js"))
    #expect(first.keys.contains("terms/6c65.js"), "no shard for 'le' (lesson): \(first.keys.sorted())")
    #expect(!first.keys.contains { $0.hasPrefix("lessons/") }, "a per-lesson document nothing loads")

    try FileManager.default.removeItem(atPath: project + "/site")
    #expect(try await Self.build(project) == 0)
    #expect(try Self.files(under: project + "/site/search") == first)
    #expect(try Data(contentsOf: URL(fileURLWithPath: project + "/site/search-index.js")) == top)

    let terms = project + "/site/search/terms/"
    // The shards of the changed lesson's words carry its new text (their windows), the others stay: "1" is only in
    // lesson 1.
    #expect(first.keys.contains("terms/31.js"))
    let untouched = try Self.inode(terms + "31.js")
    try CommandRunner.save(
      "---\ntitle: Lesson 0\n---\nText 0 and a quokka.\n", to: project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md")
    #expect(try await Self.build(project) == 0)
    let after = try Self.files(under: project + "/site/search")
    #expect(after.keys.contains("terms/7175.js"), "no shard for the new word's 'qu'")
    #expect(try Self.inode(terms + "31.js") == untouched, "the unchanged '1' shard was written again")
    #expect(after["terms/31.js"] == first["terms/31.js"])
    // The new text is in the new word's shard, as the window its results show.
    #expect(String(decoding: after["terms/7175.js"] ?? Data(), as: UTF8.self).contains("Text 0 and a quokka."))
  }

  @Test("the lessons' terms live beside the manifest, not in it; lost, the next build makes everything again",
    .timeLimit(.minutes(4)))
  func termsBesideTheManifest() async throws {
    let project = try CommandRunner.makeProject(lessons: 3)
    defer { try? FileManager.default.removeItem(atPath: project) }
    #expect(try await Self.build(project) == 0)
    let manifest = try CommandRunner.read(project + "/site/.lessons-manifest.json")
    #expect(!manifest.contains("searchTerms"), "\(manifest.prefix(300))")
    let termsFile = project + "/site/.lessons-search-terms"
    let terms = try CommandRunner.read(termsFile)
    #expect(terms.contains("topics/topic-a/tutorials/lesson-1\t"), "\(terms.prefix(300))")
    let full = try Self.files(under: project + "/site/search")
    // Nothing changed: the build stops at the manifest, whatever the terms file holds.
    try CommandRunner.save("garbage", to: termsFile)
    #expect(try await Self.build(project) == 0)
    #expect(try CommandRunner.read(termsFile) == "garbage")
    // One lesson changed while the terms file is unreadable: the lessons carried over would have no terms, so
    // everything is built again and the search index is whole.
    try CommandRunner.save(
      "---\ntitle: Lesson 0\n---\nText 0 and a quokka.\n", to: project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md")
    #expect(try await Self.build(project) == 0)
    let rebuilt = try Self.files(under: project + "/site/search")
    #expect(rebuilt["terms/31.js"] == full["terms/31.js"], "lesson 1's words are still indexed")
    #expect(rebuilt.keys.contains("terms/7175.js"))
    #expect(try CommandRunner.read(termsFile).contains("quokka"))
  }
}
