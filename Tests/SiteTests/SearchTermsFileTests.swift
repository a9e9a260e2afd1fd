import Foundation
import Testing

@testable import Site
import TestSupport

/// The lessons' search terms beside the manifest: written and read back exactly, whatever the paths and terms hold.
@Suite("Search terms file")
struct SearchTermsFileTests {
  @Test("terms round-trip by lesson path, paths with tabs, line breaks and backslashes included; drafts have none")
  func roundTrip() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "search-terms-file-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    func lesson(_ terms: String?) -> BuildManifest.Lesson {
      var summary = BuildManifest.LessonSummary(title: "T", level: nil, minutes: nil, draft: terms == nil)
      summary.searchTerms = terms
      return BuildManifest.Lesson(inputs: [:], outputs: [], summary: summary, warnings: [])
    }
    let lessons: [String: BuildManifest.Lesson] = [
      "topics/a/tutorials/plain": lesson("pool\t1,1,8\t0\n\t\t1,\"H\",\"\"\n"),
      "topics/a/tutorials/tab\there": lesson("x\t1,1,8\n"),
      "topics/a/tutorials/line\nbreak\\n": lesson("é中\t1,1,8\n"),
      "topics/a/tutorials/empty": lesson(""),
      "topics/a/tutorials/draft": lesson(nil),
    ]
    try FileSystem.write(pieces: SearchTermsFile.pieces(lessons), to: folder + "/" + SearchTermsFile.fileName)
    let read = try #require(SearchTermsFile.read(from: folder))
    #expect(read == lessons.mapValues { $0.summary?.searchTerms })
    // A manifest takes them back for its lessons; one that misses a lesson's terms is not used.
    let manifest = BuildManifest(
      settings: .init(builder: "b", templates: [:], includes: [:], siteFile: nil, baseURL: nil, strict: false),
      siteDiagnostics: [], siteOutputs: [], topics: [:], lessons: lessons.mapValues { lesson in
        var bare = lesson
        bare.summary?.searchTerms = nil
        return bare
      })
    #expect(manifest.withSearchTerms(from: folder)?.lessons.mapValues { $0.summary?.searchTerms } == lessons.mapValues { $0.summary?.searchTerms })
    // A file that misses one of the manifest's lessons, or lists one it does not have, is not its own.
    try FileSystem.write(pieces: SearchTermsFile.pieces(lessons.filter { $0.key != "topics/a/tutorials/empty" }), to: folder + "/" + SearchTermsFile.fileName)
    #expect(manifest.withSearchTerms(from: folder) == nil)
    var more = lessons
    more["topics/a/tutorials/other"] = lesson("y\t1,1,8\n")
    try FileSystem.write(pieces: SearchTermsFile.pieces(more), to: folder + "/" + SearchTermsFile.fileName)
    #expect(manifest.withSearchTerms(from: folder) == nil)
    for broken in ["x", "p\tnot-a-number\n", "p\t5\nab", "p\t2\nabc", "p\t-\nx", "p\t9223372036854775807\nab\n", "p\t-3\nab\n"] {
      try TestFiles.write(broken, to: folder + "/" + SearchTermsFile.fileName)
      #expect(SearchTermsFile.read(from: folder) == nil, "\(broken.debugDescription)")
    }
    try TestFiles.write("", to: folder + "/" + SearchTermsFile.fileName)
    #expect(SearchTermsFile.read(from: folder) == [:])
  }
}
