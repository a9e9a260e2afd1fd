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
    let process = try await Self.serve(project, port: port, fileLimit: 128)
    defer {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }

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

  @Test("clients that ask for a large file and never read do not hold the server's connections", .timeLimit(.minutes(3)))
  func clientsThatNeverRead() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write(
      String(repeating: "a line of a large data file beside the lesson\n", count: 500_000),
      to: project + "/content/topics/topic-a/tutorials/lesson-0/large.csv")
    let port = try RawHTTP.freePort()
    let process = try await Self.serve(project, port: port, fileLimit: 128)  // 32 connections at once
    defer {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
    }
    var stalled: [Int32] = []
    defer { stalled.forEach { close($0) } }
    let request = Array("GET /topics/topic-a/tutorials/lesson-0/large.csv HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    for _ in 0..<40 {
      guard let socket = RawHTTP.idleConnection(port: port, receiveBuffer: 4096) else { continue }
      _ = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      stalled.append(socket)
    }
    // While they stay connected, each stalled answer is given up after the write deadline (20 s): the server's
    // connections (its sockets, the listener aside) go back to none.
    let held = { Self.sockets(of: process.processIdentifier) - 1 }
    let filled = await Waiting.suspendingUntil(seconds: 30, interval: 100_000) { held() >= 20 }
    #expect(filled, "the stalled clients were not being answered (\(held()) connections)")
    let released = await Waiting.suspendingUntil(seconds: 90, interval: 500_000) { !process.isRunning || held() <= 1 }
    #expect(process.isRunning && released, "the server still holds \(held()) connections to clients that do not read")
    #expect(try RawHTTP.get("/", port: port).status == 200)
  }

  /// How many sockets the process `pid` has open.
  static func sockets(of pid: pid_t) -> Int {
    let folder = "/proc/\(pid)/fd"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0))?.hasPrefix("socket:") == true }.count
  }

  /// `lessons serve --port port` in `project`, with at most `fileLimit` open descriptors, once it listens (at most a
  /// minute).
  static func serve(_ project: String, port: UInt16, fileLimit: Int) async throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -n \(fileLimit) && exec \"$0\" serve --port \(port) --quiet", try CommandRunner.executable()]
    process.currentDirectoryURL = URL(fileURLWithPath: project)
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let listening = await Waiting.suspendingUntil(seconds: 60, interval: 20_000) {
      !process.isRunning || RawHTTP.isListening(port: port)
    }
    guard listening, process.isRunning else {
      if process.isRunning { kill(process.processIdentifier, SIGKILL) }
      process.waitUntilExit()
      throw RunnerError("lessons serve did not listen within a minute")
    }
    return process
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
