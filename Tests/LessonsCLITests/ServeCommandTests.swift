import Foundation
import Testing

@Suite("lessons serve", .serialized)
struct ServeCommandTests {
  @Test("serve builds, answers pages with their content type, refuses path traversal, and stops", .timeLimit(.minutes(1)))
  func serve() throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let port = try RawHTTP.freePort()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
    process.arguments = ["serve", "--port", String(port), "--quiet"]
    process.currentDirectoryURL = URL(fileURLWithPath: project)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    // The server listens once its first build is done.
    let listening = Waiting.until(seconds: 50, interval: 20_000) { !process.isRunning || RawHTTP.isListening(port: port) }
    #expect(process.isRunning, "lessons serve exited early")
    #expect(listening, "lessons serve did not listen within 50 s")
    guard listening, process.isRunning else { return }

    let page = try RawHTTP.get("/topics/topic-a/tutorials/lesson-0/tutorial.html", port: port)
    #expect(page.status == 200)
    #expect(page.response.lowercased().contains("content-type: text/html; charset=utf-8"))
    #expect(page.response.contains("<article class=\"tutorial\">"))

    let css = try RawHTTP.get("/assets/style.css", port: port)
    #expect(css.status == 200)
    #expect(css.response.lowercased().contains("content-type: text/css"))

    let root = try RawHTTP.get("/", port: port)
    #expect(root.status == 200)

    for target in ["/../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/../content/site.yaml"] {
      let attack = try RawHTTP.get(target, port: port)
      #expect(attack.status == 403 || attack.status == 404, "\(target) answered \(attack.status)")
      #expect(!attack.response.contains("root:"), "\(target) leaked a file")
    }
    #expect(try RawHTTP.get("/missing.html", port: port).status == 404)

    // An edited template is picked up by the next poll.
    let layout = project + "/templates/layout.mustache"
    try CommandRunner.write(
      try CommandRunner.read(layout).replacingOccurrences(of: "<main class=\"page\">", with: "<main class=\"page edited\">"),
      to: layout)
    let rebuilt = try Waiting.until(seconds: 30, interval: 100_000) {
      try !process.isRunning || RawHTTP.get("/index.html", port: port).response.contains("page edited")
    }
    #expect(process.isRunning, "lessons serve exited while rebuilding")
    #expect(rebuilt, "the edited template was not served within 30 s")
  }
}
