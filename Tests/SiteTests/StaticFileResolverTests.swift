import Foundation
import Testing

@testable import Site

@Suite("Preview server paths")
final class StaticFileResolverTests {
  let root: String
  let resolver: StaticFileResolver

  deinit { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }

  init() throws {
    let folder = try SiteTestSupport.temporaryFolder()
    root = folder + "/site"
    try SiteTestSupport.write("<html/>", to: root + "/index.html")
    try SiteTestSupport.write("body{}", to: root + "/assets/style.css")
    try SiteTestSupport.write("<svg/>", to: root + "/topics/a/images/x.svg")
    try SiteTestSupport.write("{}", to: root + "/.lessons-manifest.json")
    try SiteTestSupport.write("secret", to: folder + "/secret.txt")
    try FileManager.default.createSymbolicLink(atPath: root + "/escape.txt", withDestinationPath: folder + "/secret.txt")
    resolver = StaticFileResolver(root: root)
  }

  @Test(
    "paths that try to leave the site folder are refused",
    arguments: ["/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt", "/a/%2E%2E/%2e%2e/x", "/./index.html",
      "/a\\..\\b", "/escape.txt"])
  func traversal(path: String) {
    #expect(resolver.resolve(path) == .forbidden)
  }

  @Test("a folder serves its index.html, with the HTML content type")
  func index() {
    guard case .file(let path, let type) = resolver.resolve("/") else {
      Issue.record("the root did not resolve to a file")
      return
    }
    #expect(path.hasSuffix("/site/index.html"))
    #expect(type == "text/html; charset=utf-8")
  }

  @Test("files get their content type; missing ones are not found", arguments: [
    ("/assets/style.css", "text/css; charset=utf-8"), ("/topics/a/images/x.svg?v=1", "image/svg+xml"),
  ])
  func contentTypes(path: String, type: String) {
    guard case .file(_, let found) = resolver.resolve(path) else {
      Issue.record("\(path) did not resolve to a file")
      return
    }
    #expect(found == type)
  }

  @Test("a missing file or folder without index is not found")
  func missing() {
    #expect(resolver.resolve("/nothing.html") == .notFound)
    #expect(resolver.resolve("/topics/a/") == .notFound)
    #expect(resolver.resolve("/.lessons-manifest.json") == .notFound)
  }
}
