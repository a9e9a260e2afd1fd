import Foundation
import Testing

@testable import Preview
import TestSupport

@Suite("Preview server paths")
final class StaticFileResolverTests {
  let root: String
  let resolver: StaticFileResolver

  deinit { try? FileManager.default.removeItem(atPath: (root as NSString).deletingLastPathComponent) }

  init() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "preview-tests-")
    root = folder + "/site"
    try TestFiles.write("<html/>", to: root + "/index.html")
    try TestFiles.write("body{}", to: root + "/assets/style.css")
    try TestFiles.write("<svg/>", to: root + "/topics/a/images/x.svg")
    try TestFiles.write("{}", to: root + "/.lessons-manifest.json")
    try TestFiles.write("secret", to: folder + "/secret.txt")
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

  @Test("a folder named without its trailing slash redirects to it, the query kept")
  func folderRedirect() {
    #expect(resolver.resolve("/topics/a/images?v=1") == .redirect(location: "/topics/a/images/?v=1"))
    #expect(resolver.resolve("/assets") == .redirect(location: "/assets/"))
    #expect(resolver.resolve("/assets/style.css") != .redirect(location: "/assets/style.css/"))
  }
}

@Suite("Preview live reload")
struct LiveReloadUnitTests {
  @Test("the script goes before the last </body>, or at the end of a page without one")
  func injection() {
    let page = LiveReloadScript.inject(into: Data("<body><p>x</p></body></html>".utf8), generation: 3)
    #expect(String(decoding: page, as: UTF8.self)
      == "<body><p>x</p><script src=\"/__lessons/live-reload.js\" data-generation=\"3\"></script>\n</body></html>")
    let bare = LiveReloadScript.inject(into: Data("<p>x</p>".utf8), generation: 0)
    #expect(String(decoding: bare, as: UTF8.self).hasSuffix("data-generation=\"0\"></script>\n"))
  }

  @Test("each publish reaches every listener once, with the next generation and the errors")
  func broadcast() async {
    let broadcaster = RebuildBroadcaster()
    broadcaster.setInitial(errors: ["a.md:1: error: x"])
    let (latest, updates) = broadcaster.subscribe()
    #expect(latest == RebuildOutcome(generation: 0, errors: ["a.md:1: error: x"]))
    broadcaster.publish(errors: [])
    broadcaster.publish(errors: ["t.mustache:2: error: y"])
    var received: [RebuildOutcome] = []
    for await outcome in updates {
      received.append(outcome)
      if received.count == 2 { break }
    }
    #expect(received == [RebuildOutcome(generation: 1, errors: []), RebuildOutcome(generation: 2, errors: ["t.mustache:2: error: y"])])
    #expect(received[1].serverSentEvent(named: "rebuild").hasPrefix("event: rebuild\ndata: {"))
  }

  @Test("HTML answers carry the script only when live reload is on; the script itself is served")
  func responder() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "preview-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try TestFiles.write("<body></body>", to: folder + "/index.html")
    let head = RequestHead(method: "GET", target: "/index.html", version: "HTTP/1.1", headers: [])
    let plain = PreviewResponder(resolver: StaticFileResolver(root: folder)).response(to: head)
    #expect(String(decoding: plain.body, as: UTF8.self) == "<body></body>")
    let live = PreviewResponder(resolver: StaticFileResolver(root: folder), liveReload: RebuildBroadcaster())
    #expect(String(decoding: live.response(to: head).body, as: UTF8.self).contains("live-reload.js"))
    let script = live.response(to: RequestHead(method: "GET", target: LiveReloadScript.scriptPath, version: "HTTP/1.1", headers: []))
    #expect(script.contentType.hasPrefix("text/javascript"))
    let missing = live.response(to: RequestHead(method: "GET", target: "/later.html", version: "HTTP/1.1", headers: []))
    #expect(missing.status == .notFound)
    #expect(String(decoding: missing.body, as: UTF8.self).contains("live-reload.js"), "a 404 page never reloads")
    #expect(!String(decoding: plain.body, as: UTF8.self).contains("live-reload.js"))
  }
}
