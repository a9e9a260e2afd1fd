import Glibc
import SystemCalls

/// The machine's processes as `/proc` shows them, for finding what a lesson program left behind.
///
/// A process a lesson starts may leave the lesson's process group (`setpgid`, `setsid`) and its parent may end
/// (a double fork): then nothing ties it to the lesson but what it inherited. Every lesson program's environment
/// holds its run's working folder (`LESSONS_WORK_FOLDER`), and so does the environment of everything it starts,
/// unless a program is started with an environment of its own making; that is how the builder finds them.
enum ProcessTable {
  /// One process.
  struct Entry: Hashable {
    var pid: pid_t
    var parent: pid_t
    var group: pid_t
    /// `R`, `S`, `Z` (zombie: ended, not yet reaped), …
    var state: Character
    /// Clock ticks after boot; with the pid, names the process even if the pid is reused.
    var startTime: UInt64

    var isAlive: Bool { state != "Z" && state != "X" }
  }

  /// Every process's entry (those that end while being read are left out).
  static func entries() -> [Entry] {
    guard let folder = opendir("/proc") else { return [] }
    defer { closedir(folder) }
    var result: [Entry] = []
    while let item = readdir(folder) {
      let name = withUnsafeBytes(of: item.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard let pid = pid_t(name), let entry = entry(of: pid) else { continue }
      result.append(entry)
    }
    return result
  }

  /// The entry of `pid`, or nil when it is gone.
  static func entry(of pid: pid_t) -> Entry? {
    guard let text = contents(of: "/proc/\(pid)/stat", limit: 4096),
      let close = text.lastIndex(of: ")")
    else { return nil }
    // After "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime
    // cutime cstime priority nice threads itrealvalue starttime …
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 19, let state = fields[0].first, let parent = pid_t(fields[1]), let group = pid_t(fields[2]),
      let start = UInt64(fields[19])
    else { return nil }
    return Entry(pid: pid, parent: parent, group: group, state: state, startTime: start)
  }

  /// True when `pid`'s environment (as it was when its program started) holds the line `variable`.
  static func environment(of pid: pid_t, contains variable: String) -> Bool {
    guard let text = contents(of: "/proc/\(pid)/environ", limit: 1 << 20) else { return false }
    return text.split(separator: "\0").contains { $0 == variable }
  }

  /// Up to `limit` bytes of a file as text, or nil when it cannot be read (the process is gone, or not ours).
  private static func contents(of path: String, limit: Int) -> String? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while bytes.count < limit {
      let count = buffer.withUnsafeMutableBytes { try? FileDescriptorIO.read(descriptor, into: $0) } ?? 0
      guard count > 0 else { break }
      bytes += buffer[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
