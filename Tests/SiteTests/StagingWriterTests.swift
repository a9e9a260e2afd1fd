import Foundation
import Testing

@testable import Site
import TestSupport

/// A partial build's writer leaves in place what the published site has byte for byte, and writes the rest.
@Suite("Staging writer")
struct StagingWriterTests {
  @Test("same bytes stay published, other bytes, empty files, links and folders are written to staging")
  func keepsOnlyIdenticalFiles() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "staging-writer-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let published = folder + "/site"
    let staging = folder + "/staging"
    try TestFiles.write("same", to: published + "/same.html")
    try TestFiles.write("", to: published + "/empty.css")
    try TestFiles.write("old", to: published + "/changed.html")
    try TestFiles.write("longer old text", to: published + "/shorter.html")
    try TestFiles.write("linked", to: folder + "/elsewhere.html")
    try FileManager.default.createSymbolicLink(atPath: published + "/link.html", withDestinationPath: folder + "/elsewhere.html")
    try FileManager.default.createDirectory(atPath: published + "/folder.html", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
    let writer = StagingWriter(staging: staging, published: published)
    for (text, path) in [
      ("same", "same.html"), ("", "empty.css"), ("new", "changed.html"), ("longer", "shorter.html"),
      ("linked", "link.html"), ("x", "folder.html"), ("", "new-empty.css"), ("fresh", "missing.html"),
    ] {
      try writer.write(text, to: path)
    }
    let written = try FileManager.default.contentsOfDirectory(atPath: staging).sorted()
    #expect(written == ["changed.html", "folder.html", "link.html", "missing.html", "new-empty.css", "shorter.html"])
    #expect(try SiteTestSupport.read(staging + "/changed.html") == "new")
    // A full build (nothing published) writes everything.
    let full = StagingWriter(staging: folder + "/full", published: nil)
    try full.write("same", to: "same.html")
    #expect(FileManager.default.fileExists(atPath: folder + "/full/same.html"))
  }
}
