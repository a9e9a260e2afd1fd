internal import CSystemShims
import Glibc

/// How a child process ended, decoded from a `waitpid` status.
public enum ExitStatus: Sendable, Hashable {
  /// It called `exit` with this code.
  case exited(Int32)
  /// A signal ended it.
  case signaled(Int32)

  /// Decodes a raw status from `waitpid(2)` (the `WIFEXITED` family of macros, which Swift cannot import).
  public init(waitStatus status: Int32) {
    if csys_wifsignaled(status) != 0 {
      self = .signaled(csys_wtermsig(status))
    } else {
      self = .exited(csys_wexitstatus(status))
    }
  }
}

/// Process-level calls the package needs and Swift's Glibc module hides or makes awkward, each retried on `EINTR`
/// where that applies.
public enum ProcessCalls {
  /// `waitpid(pid, options)` retried on `EINTR`. Returns nil when `WNOHANG` was given and the child has not ended.
  public static func wait(for pid: Int32, options: Int32 = 0) throws(SystemCallError) -> ExitStatus? {
    var status: Int32 = 0
    while true {
      let result = waitpid(pid, &status, options)
      if result == pid { return ExitStatus(waitStatus: status) }
      if result == 0 { return nil }
      let error = errno
      if error == EINTR { continue }
      throw SystemCallError(call: "waitpid", errno: error)
    }
  }

  /// A pipe whose two ends close on exec, created atomically (`pipe2(O_CLOEXEC)`): no window in which another
  /// thread's fork and exec could inherit it.
  public static func cloexecPipe() throws(SystemCallError) -> (read: Int32, write: Int32) {
    var ends: [Int32] = [-1, -1]
    guard csys_pipe_cloexec(&ends) == 0 else { throw SystemCallError(call: "pipe2", errno: errno) }
    return (ends[0], ends[1])
  }

  /// `dup3(old, new, O_CLOEXEC)`, retried on `EINTR`.
  public static func duplicateCloexec(_ old: Int32, to new: Int32) throws(SystemCallError) {
    while csys_dup_cloexec(old, new) < 0 {
      let error = errno
      if error == EINTR { continue }
      throw SystemCallError(call: "dup3", errno: error)
    }
  }

  /// Makes this process the reaper of its orphaned descendants (`PR_SET_CHILD_SUBREAPER`): a grandchild that
  /// double-forks or calls `setsid()` becomes our child when its parent ends, so it can be found and stopped.
  public static func becomeChildSubreaper() throws(SystemCallError) {
    guard csys_become_child_subreaper() == 0 else {
      throw SystemCallError(call: "prctl(PR_SET_CHILD_SUBREAPER)", errno: errno)
    }
  }

  /// Asks the kernel to send `signal` to this process when the thread that created it ends
  /// (`PR_SET_PDEATHSIG`). Async-signal-safe: callable in a child between fork and exec.
  @discardableResult
  public static func setParentDeathSignal(_ signal: Int32) -> Bool {
    csys_set_parent_death_signal(signal) == 0
  }

  /// Adds to `actions` the closing of every descriptor from `lowest` up in the spawned program: it then inherits
  /// only what the file actions give it, not whatever another thread opened without close-on-exec (listening
  /// sockets of a server, pipes of another spawn). Returns false where the C library cannot (it then inherits
  /// them, as before).
  @discardableResult
  public static func closeDescriptors(from lowest: Int32, in actions: inout posix_spawn_file_actions_t) -> Bool {
    withUnsafeMutableBytes(of: &actions) { csys_spawn_file_actions_addclosefrom($0.baseAddress, lowest) } == 0
  }

  /// Whether this process's `/proc` files (environment, memory) are readable and it is attachable by other
  /// processes of the same user (`PR_SET_DUMPABLE`). Set it to false before running code that must not read
  /// this process's environment; root (or `sudo`) can still read it. Programs it starts are dumpable again.
  public static var isDumpable: Bool {
    get { csys_get_dumpable() == 1 }
    set { _ = csys_set_dumpable(newValue ? 1 : 0) }
  }

  /// Grows a pipe to hold `bytes` (`F_SETPIPE_SZ`; Linux caps it at /proc/sys/fs/pipe-max-size, 1 MiB by
  /// default): a large message then crosses in a sixteenth of the wake-ups of the default 64 KiB. Returns the
  /// new capacity, or nil when the kernel refused (the pipe keeps its size, which is only slower).
  @discardableResult
  public static func setPipeCapacity(_ fd: Int32, bytes: Int) -> Int? {
    let size = csys_set_pipe_size(fd, Int32(clamping: bytes))
    return size > 0 ? Int(size) : nil
  }

  /// The number of CPUs this process may run on (`sched_getaffinity`), or nil when it cannot be read.
  public static var usableCPUCount: Int? {
    let count = csys_usable_cpu_count()
    return count > 0 ? Int(count) : nil
  }

  /// A descriptor for process `pid` (`pidfd_open`, close-on-exec) that `poll` reports readable once the process
  /// has ended (while it is still a zombie, so it can be waited for afterwards). With it, a loop that waits for
  /// both output and the exit sleeps until one of them happens instead of waking on a timer to ask `waitid`.
  /// Nil where the kernel has no pidfds (before Linux 5.3) or refuses: the caller then has to look by itself.
  public static func exitDescriptor(of pid: Int32) -> Int32? {
    let descriptor = csys_pidfd_open(pid)
    return descriptor >= 0 ? descriptor : nil
  }
}
