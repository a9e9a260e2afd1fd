import Foundation
import Testing
import TestSupport

/// Connections that send nothing must not stop `lessons serve`: once they used up the process's file descriptors,
/// the next `accept` failed with EMFILE and the server ended ("cannot serve on 127.0.0.1:…").
@Suite("lessons serve under idle connections", .serialized)
struct ServeConnectionsTests {
  @Test("300 idle connections against a limit of 128 descriptors: the server stays up and answers again", .timeLimit(.minutes(2)))
  func idleConnections() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    let port = try RawHTTP.freePort()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -n 128 && exec \"$0\" serve --port \(port) --quiet", try CommandRunner.executable()]
    process.currentDirectoryURL = URL(fileURLWithPath: project)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    defer {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    let listening = await Waiting.suspendingUntil(seconds: 60, interval: 20_000) {
      !process.isRunning || RawHTTP.isListening(port: port)
    }
    #expect(listening && process.isRunning, "serve did not start")

    var idle: [Int32] = []
    defer { idle.forEach { close($0) } }
    for _ in 0..<300 { if let socket = RawHTTP.idleConnection(port: port) { idle.append(socket) } }
    // Idle connections hold their places until their head deadline (10 s); then a request is answered.
    let answered = await Waiting.suspendingUntil(seconds: 60, interval: 200_000) {
      !process.isRunning || (try? RawHTTP.get("/", port: port).status) == 200
    }
    #expect(process.isRunning, "the server stopped under idle connections")
    #expect(answered)
    idle.forEach { close($0) }
    idle = []
    #expect(try RawHTTP.get("/", port: port).status == 200)
  }

  @Test("a file larger than what is held in memory is sent whole, in pieces, with its length", .timeLimit(.minutes(2)))
  func largeFile() async throws {
    let lines = (0..<60_000).map { "line \($0) of a large data file beside the lesson\n" }.joined()
    #expect(lines.utf8.count > 2 * 1024 * 1024)
    let server = try await ServeCommandTests.Server.start { project in
      try TestFiles.write(lines, to: project + "/content/topics/topic-a/tutorials/lesson-0/large.csv")
    }
    defer { server.stop() }
    let answer = try RawHTTP.get("/topics/topic-a/tutorials/lesson-0/large.csv", port: server.port)
    #expect(answer.status == 200)
    #expect(answer.response.contains("Content-Length: \(lines.utf8.count)\r\n"))
    #expect(answer.response.hasSuffix("\r\n\r\n" + lines), "the body is the file's bytes")
  }
}
