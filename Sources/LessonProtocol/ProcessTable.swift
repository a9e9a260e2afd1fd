import Glibc
internal import SystemCalls

/// The machine's processes as `/proc` shows them, for finding what a lesson program left behind: the program
/// lists what is alive when each cell ends (so that the builder can say which cell started it), the builder
/// stops what is left when the program ends.
///
/// A process a lesson starts may leave the lesson's process group (`setpgid`, `setsid`) and its parent may end
/// (a double fork): then nothing ties it to the lesson but what it inherited. Every lesson program's environment
/// holds its run's working folder (`LESSONS_WORK_FOLDER`), and so does the environment of everything it starts,
/// unless a program is started with an environment of its own making; that is how the builder finds them.
public enum ProcessTable {
  /// One process.
  public struct Entry: Hashable, Sendable {
    public var pid: pid_t
    public var parent: pid_t
    public var group: pid_t
    /// `R`, `S`, `Z` (zombie: ended, not yet reaped), …
    public var state: Character
    /// Clock ticks after boot; with the pid, names the process even if the pid is reused.
    public var startTime: UInt64

    public var isAlive: Bool { state != "Z" && state != "X" }

    /// The process as it travels on the control channel: `<pid>:<start time>`.
    public var identity: String { "\(pid):\(startTime)" }
  }

  /// The processes of a lesson run alive now: those in process group `group` (0: none) or whose environment holds
  /// `marker`, started at or after `since`, other than `excluded`.
  public static func alive(group: pid_t, marker: String, since: UInt64, excluding excluded: [pid_t]) -> [Entry] {
    entries().filter { entry in
      entry.isAlive && entry.startTime >= since && !excluded.contains(entry.pid)
        && ((group > 0 && entry.group == group) || environment(of: entry, contains: marker))
    }
  }

  /// Whether `entry`'s environment holds `marker`, looked at again for a moment while it shows none: a process in
  /// the middle of `execve` has no environment to show until its new image's is set up (a lesson's
  /// `setsid sleep 300 &` execs twice while the cell ends), and would be missed by the look of the cell that
  /// started it. Kernel threads (children of kthreadd, pid 2) never have one.
  private static func environment(of entry: Entry, contains marker: String) -> Bool {
    let attempts = entry.pid == 2 || entry.parent == 2 ? 1 : 20
    for attempt in 0..<attempts {
      guard let text = contents(of: "/proc/\(entry.pid)/environ", limit: 1 << 20) else { return false }
      if !text.isEmpty { return text.split(separator: "\0").contains { $0 == marker } }
      if attempt + 1 < attempts {
        guard self.entry(of: entry.pid)?.isAlive == true else { return false }
        usleep(1000)
      }
    }
    return false
  }

  /// Every process's entry (those that end while being read are left out).
  public static func entries() -> [Entry] {
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
  public static func entry(of pid: pid_t) -> Entry? {
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
  public static func environment(of pid: pid_t, contains variable: String) -> Bool {
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
