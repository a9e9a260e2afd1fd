import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `lessons serve`'s live reload and its command line, end to end on a real server.
@Suite("lessons serve: live reload", .serialized)
struct LiveReloadTests {
  /// Reads the Server-Sent Events stream of a running server until `marker` arrives or `seconds` pass.
  // @unchecked: a stream is used by one test at a time, and only one `wait` reads or changes it at once.
  final class EventStream: @unchecked Sendable {
    let socket: Int32
    var received = ""

    init(port: UInt16) throws {
      socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var timeout = timeval(tv_sec: 1, tv_usec: 0)
      setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_port = port.bigEndian
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      let connected = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
      }
      guard connected == 0 else { throw RunnerError("cannot connect: errno \(errno)") }
      let request = Array("GET /__lessons/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
      _ = request.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    deinit { close(socket) }

    /// Whether `marker` arrived within `seconds`.
    func wait(for marker: String, seconds: Double) -> Bool {
      var buffer = [UInt8](repeating: 0, count: 4096)
      return Waiting.until(seconds: seconds, interval: 1000) {
        if received.contains(marker) { return true }
        let count = recv(socket, &buffer, buffer.count, 0)
        if count > 0 { received += String(decoding: buffer[0..<count], as: UTF8.self) }
        return received.contains(marker)
      }
    }

    /// As `wait(for:seconds:)`, on a thread of its own (`OffPool`): each read may block for a second, which an
    /// async test must not spend on one of Swift's few cooperative threads.
    func wait(for marker: String, seconds: Double) async throws -> Bool {
      try await OffPool.run { self.wait(for: marker, seconds: seconds) }
    }
  }

  @Test("a save sends one rebuild event; a broken template sends its error with file:line; pages get the script",
    .timeLimit(.minutes(3)))
  func liveReload() async throws {
    let server = try await ServeCommandTests.Server.start()
    defer { server.stop() }
    let events = try EventStream(port: server.port)
    #expect(try await events.wait(for: "event: hello\ndata: {", seconds: 20), "no hello event: \(events.received)")
    #expect(events.received.lowercased().contains("content-type: text/event-stream"))

    let page = try RawHTTP.get("/topics/topic-a/tutorials/lesson-0/tutorial.html", port: server.port)
    #expect(page.response.contains("<script src=\"/__lessons/live-reload.js\" data-generation=\"0\"></script>\n</body>"))
    let script = try RawHTTP.get("/__lessons/live-reload.js", port: server.port)
    #expect(script.status == 200 && script.response.contains("EventSource"))
    let built = try CommandRunner.read(server.project + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html")
    #expect(!built.contains("__lessons"), "the published page has the live-reload script")

    let lesson = server.project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md"
    try CommandRunner.save("---\ntitle: Lesson 0\n---\nEdited text.\n", to: lesson)
    #expect(try await events.wait(for: "event: rebuild", seconds: 60), "no rebuild event after a save: \(events.received)")
    #expect(try await events.wait(for: "\"generation\":1", seconds: 5), "\(events.received)")
    #expect(try RawHTTP.get("/topics/topic-a/tutorials/lesson-0/tutorial.html", port: server.port).response
      .contains("Edited text."))

    try CommandRunner.save("<html>{{#broken}}</html>\n", to: server.project + "/templates/layout.mustache")
    #expect(try await events.wait(for: "\"generation\":2", seconds: 60), "no event for the broken build: \(events.received)")
    #expect(events.received.contains("layout.mustache:"), "the error has no file:line: \(events.received)")
    #expect(events.received.components(separatedBy: "event: rebuild").count == 3, "one event per rebuild")
  }

  @Test("a folder without its trailing slash redirects (301); HEAD gives the real Content-Length",
    .timeLimit(.minutes(2)))
  func redirectAndHead() async throws {
    let server = try await ServeCommandTests.Server.start()
    defer { server.stop() }
    let folder = try RawHTTP.get("/topics/topic-a?x=1", port: server.port)
    #expect(folder.status == 301)
    #expect(folder.response.contains("Location: /topics/topic-a/?x=1\r\n"))
    let get = try RawHTTP.get("/assets/style.css", port: server.port)
    let head = try RawHTTP.send(
      Array("HEAD /assets/style.css HTTP/1.1\r\nHost: x\r\n\r\n".utf8), port: server.port)
    let size = get.response.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n").utf8.count
    #expect(head.response.contains("Content-Length: \(size)\r\n"))
    #expect(head.response.hasSuffix("\r\n\r\n"))
  }

  @Test("a port in use is a one-line error before building; --port 0 announces the port bound; rebuilds name the file",
    .timeLimit(.minutes(3)))
  func ports() async throws {
    let server = try await ServeCommandTests.Server.start()
    defer { server.stop() }
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let busy = try await CommandRunner.run(["serve", "--port", String(server.port)], in: project, timeout: 60)
    #expect(busy.status != 0)
    #expect(busy.errors.split(separator: "\n").count == 1, "\(busy.errors)")
    #expect(busy.errors.contains("cannot serve on 127.0.0.1:\(server.port)"))
    #expect(!FileManager.default.fileExists(atPath: project + "/site"), "it built before finding the port taken")

    let process = Process()
    process.executableURL = URL(fileURLWithPath: try CommandRunner.executable())
    process.arguments = ["serve", "--port", "0"]
    process.currentDirectoryURL = URL(fileURLWithPath: project)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      process.terminate()
      process.waitUntilExit()
    }
    let text = NSLock()
    nonisolated(unsafe) var collected = ""
    Thread {
      while true {
        let data = output.fileHandleForReading.availableData
        if data.isEmpty { break }
        text.withLock { collected += String(decoding: data, as: UTF8.self) }
      }
    }.start()
    func seen(_ marker: String) -> Bool { text.withLock { collected.contains(marker) } }
    #expect(await Waiting.suspendingUntil(seconds: 60, interval: 20_000) { seen("(Ctrl-C to stop)\n") || !process.isRunning })
    let announced = text.withLock { collected }.split(separator: "\n").first { $0.hasPrefix("Serving") } ?? ""
    let port = announced.split(separator: ":").last.flatMap { UInt16($0.prefix { $0.isNumber }) } ?? 0
    #expect(port != 0, "no port in \(announced)")
    try CommandRunner.save("---\ntitle: Lesson 0\n---\nSaved.\n", to: project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md")
    // The rebuild line names the saved file and the time.
    #expect(await Waiting.suspendingUntil(seconds: 60, interval: 20_000) { seen("lesson-0/tutorial.md changed") }, "\(text.withLock { collected })")
    #expect(text.withLock { collected }.range(of: #"\[\d\d:\d\d:\d\d\] content/"#, options: .regularExpression) != nil)
    #expect(try RawHTTP.get("/", port: port).status == 200)
  }
}
