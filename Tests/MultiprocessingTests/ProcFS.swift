import Glibc

/// What /proc says about this test process: its forked children, zombies, threads and descriptors.
enum ProcFS {
  /// The executable of a process: forks keep their parent's, exec changes it, so this tells our workers apart
  /// from programs other test suites may run at the same time. Nil for a zombie.
  static func executable(of pid: pid_t) -> String? {
    var buffer = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/\(pid)/exe", &buffer, buffer.count - 1)
    guard length > 0 else { return nil }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// PIDs and states of this process's children that are forks of it, and of its zombie children.
  static func forkedChildren() -> [(pid: pid_t, state: Character)] {
    let me = getpid()
    guard let own = executable(of: me), let directory = opendir("/proc") else { return [] }
    defer { closedir(directory) }
    var result: [(pid_t, Character)] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
      guard let pid = pid_t(name), let info = stat(of: pid), info.ppid == me else { continue }
      guard info.state == "Z" || executable(of: pid) == own else { continue }
      result.append((pid, info.state))
    }
    return result
  }

  static func entries(in path: String) -> Int {
    guard let directory = opendir(path) else { return -1 }
    defer { closedir(directory) }
    var count = 0
    while let entry = readdir(directory) {
      if entry.pointee.d_name.0 != UInt8(ascii: ".") { count += 1 }
    }
    return count
  }

  static var openDescriptors: Int { entries(in: "/proc/self/fd") }
  static var threads: Int { entries(in: "/proc/self/task") }

  private static func stat(of pid: pid_t) -> (comm: String, state: Character, ppid: pid_t)? {
    guard let text = read("/proc/\(pid)/stat"), let open = text.firstIndex(of: "("),
      let close = text.lastIndex(of: ")")
    else { return nil }
    let comm = String(text[text.index(after: open)..<close])
    let fields = text[text.index(after: close)...].split(separator: " ")
    guard fields.count > 2, let state = fields[0].first, let ppid = pid_t(fields[1]) else { return nil }
    return (comm, state, ppid)
  }

  /// The whole content of a small file, or nil.
  static func read(_ path: String) -> String? {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let got = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if got <= 0 { break }
      bytes.append(contentsOf: buffer[0..<got])
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
