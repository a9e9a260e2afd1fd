import Glibc
import SystemCalls
import Testing

@testable import Execution

extension ProcessSuites {
  /// The process layer: spawning in a group of its own, killing the group, reaping.
  @Suite("Child processes")
  struct ProcessTests {
    @Test("killAll ends every registered process group, as an interrupted build does", .timeLimit(.minutes(1)))
    func killAll() throws {
      let child = try ChildProcess(
        executable: "/bin/sh", arguments: ["-c", "sleep 100 & sleep 100"], environment: [])
      #expect(getpgid(child.pid) == child.pid)
      ProcessGroupRegistry.shared.killAll()
      #expect(child.reap() == .signaled(SIGKILL))
      #expect(liveProcesses(inGroup: child.pid, afterWaitingUpTo: 20).isEmpty)
    }

    @Test("a command's output and exit status are collected", .timeLimit(.minutes(1)))
    func command() throws {
      let result = try CommandRunner.run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], timeout: 30)
      #expect(result.stdout == "out\n")
      #expect(result.stderr == "err\n")
      #expect(result.termination == .exited(3))
      #expect(!result.timedOut)
    }

    @Test("a missing program is a clear error, not a crash")
    func missing() {
      #expect(throws: ExecutionError.self) {
        _ = try CommandRunner.run("/nonexistent/swiftc", [], timeout: 5)
      }
    }
  }
}

extension ProcessSuites.ProcessTests {
  @Test("a channel that cannot be made closes the ones made before it", .timeLimit(.minutes(1)))
  func failedPipeLeaksNothing() throws {
    // Socket inodes of every channel made, recorded before anything can close them.
    var inodes: [UInt] = []
    let failing = { (greeting: String) throws(ExecutionError) -> (read: Int32, write: Int32) in
      guard inodes.count < 4 else { throw ExecutionError(.spawnFailed, "no more descriptors (test)") }
      let pair = try ChildProcess.makePipe(greeting: greeting)
      inodes += [pair.read, pair.write].map(Self.inode)
      return pair
    }
    #expect(throws: ExecutionError.self) {
      _ = try ChildProcess(
        executable: "/bin/true", arguments: [], environment: [], controlGreeting: "secret\n", makePipe: failing)
    }
    #expect(inodes.count == 4)
    // By inode, so that a descriptor number reused by another thread meanwhile does not count.
    let open = Self.openSocketInodes()
    #expect(inodes.allSatisfy { !open.contains($0) })
  }

  static func inode(_ descriptor: Int32) -> UInt {
    var status = stat()
    fstat(descriptor, &status)
    return UInt(status.st_ino)
  }

  /// The inodes of the sockets this process has open, from /proc/self/fd.
  static func openSocketInodes() -> Set<UInt> {
    guard let folder = opendir("/proc/self/fd") else { return [] }
    defer { closedir(folder) }
    var result = Set<UInt>()
    var target = [CChar](repeating: 0, count: 256)
    while let entry = readdir(folder) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      let count = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
      guard count > 0 else { continue }
      let text = String(decoding: target[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if text.hasPrefix("socket:["), let number = UInt(text.dropFirst(8).dropLast()) { result.insert(number) }
    }
    return result
  }
}
