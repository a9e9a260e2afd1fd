import Foundation
import Testing
import TestSupport

@Suite("lessons serve", .serialized)
struct ServeCommandTests {
  /// A running `lessons serve` on a project of its own, stopped by `stop()`.
  struct Server {
    let project: String
    let port: UInt16
    let process: Process

    /// Starts the server on a new project (changed by `prepare` first) and waits (at most a minute) until it
    /// listens.
    static func start(prepare: (String) throws -> Void = { _ in }) async throws -> Server {
      let project = try CommandRunner.makeProject()
      try prepare(project)
      let port = try RawHTTP.freePort()
      let process = Process()
      process.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
      process.arguments = ["serve", "--port", String(port), "--quiet"]
      process.currentDirectoryURL = URL(fileURLWithPath: project)
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      try process.run()
      let server = Server(project: project, port: port, process: process)
      let listening = await Waiting.suspendingUntil(seconds: 60, interval: 20_000) { !process.isRunning || RawHTTP.isListening(port: port) }
      guard listening, process.isRunning else {
        server.stop()
        throw RunnerError("lessons serve did not listen within a minute (running: \(process.isRunning))")
      }
      return server
    }

    /// Stops the server: SIGTERM, then SIGKILL if it is still running 10 s later (a server busy on a request may
    /// not stop by itself), so that stopping is bounded.
    func stop() {
      if process.isRunning { process.terminate() }
      _ = Waiting.until(seconds: 10, interval: 20_000) { !process.isRunning }
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      try? FileManager.default.removeItem(atPath: project)
    }
  }

  @Test(
    "serve builds, answers pages with their content type, refuses path traversal and linked outside files, and stops",
    .timeLimit(.minutes(2)))
  func serve() async throws {
    let secret = NSTemporaryDirectory() + "serve-secret-" + UUID().uuidString
    try TestFiles.write("root:$6$not-for-the-web\n", to: secret)
    defer { try? FileManager.default.removeItem(atPath: secret) }
    let server = try await Server.start { project in
      try FileManager.default.createSymbolicLink(
        atPath: project + "/content/topics/topic-a/tutorials/lesson-0/notes.txt", withDestinationPath: secret)
    }
    defer { server.stop() }
    let port = server.port

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
    let linked = try RawHTTP.get("/topics/topic-a/tutorials/lesson-0/notes.txt", port: port)
    #expect(linked.status == 404)
    #expect(!linked.response.contains("not-for-the-web"))

    // An edited template is picked up by the next poll (once a second); wait at most a minute.
    let layout = server.project + "/templates/layout.mustache"
    try TestFiles.write(
      try CommandRunner.read(layout).replacingOccurrences(of: "<main class=\"page\">", with: "<main class=\"page edited\">"),
      to: layout)
    let rebuilt = try await Waiting.suspendingUntil(seconds: 60, interval: 100_000) {
      try !server.process.isRunning || RawHTTP.get("/index.html", port: port).response.contains("page edited")
    }
    #expect(server.process.isRunning, "lessons serve exited while rebuilding")
    #expect(rebuilt, "the edited template was not served within a minute")
  }

  @Test(
    "an oversized request line is answered 414 and oversized headers 431 at once, while other requests are served",
    .timeLimit(.minutes(2)))
  func oversizedRequests() async throws {
    let server = try await Server.start()
    defer { server.stop() }
    let port = server.port
    let longLine = Array(("GET /" + String(repeating: "a", count: 256 * 1024) + " HTTP/1.1\r\nHost: x\r\n\r\n").utf8)
    let bigHeader = Array(("GET / HTTP/1.1\r\nX-Big: " + String(repeating: "a", count: 256 * 1024) + "\r\n\r\n").utf8)

    // Both oversized requests and a normal one at the same time; each answer is awaited at most 20 s (the server
    // once took ~30 s of CPU on the long line before answering anything, here it answers after 8 KB).
    let answers = Handoff<[Int]>()
    let oversized = Thread {
      let line = (try? RawHTTP.send(longLine, port: port, seconds: 20))?.status ?? 0
      let header = (try? RawHTTP.send(bigHeader, port: port, seconds: 20))?.status ?? 0
      answers.set([line, header])
    }
    oversized.start()
    let normal = try RawHTTP.get("/index.html", port: port)
    #expect(normal.status == 200)
    #expect(answers.waitAndGet() == [414, 431])
    #expect(try RawHTTP.get("/assets/style.css", port: port).status == 200)
  }
}
