import Glibc
import LessonProtocol
import SystemCalls

/// A program started with `posix_spawn` in a process group of its own, with its stdout, stderr and (optionally) a
/// control pipe connected to the builder.
///
/// The builder never forks: `posix_spawn` is safe to call from any of the builder's threads. Every pipe is created
/// with `O_CLOEXEC` so that a spawn on another thread cannot inherit it; only the child's copies (made by
/// `dup2` in the spawn's file actions) survive `exec`, and every other descriptor is closed in the child.
final class ChildProcess {
  /// The process id, which is also the id of the child's process group.
  let pid: pid_t
  /// Read ends in the builder: stdout, stderr and the control pipe (-1 when there is none).
  let stdoutFD: Int32
  let stderrFD: Int32
  let controlFD: Int32
  /// A descriptor that polls readable once the child has ended (`ProcessCalls.exitDescriptor`), or -1 where the
  /// kernel has none: with it a runner sleeps until output or the exit instead of waking on a timer to look.
  let exitFD: Int32
  private var reaped = false
  /// How the child ended, once reaped; `reap()` is safe to call again.
  private var termination: Termination?

  /// The file descriptor number the child sees its control channel as (`LESSONS_CONTROL_FD`).
  static let childControlFD = ControlChannel.childDescriptor

  /// Starts `executable` with `arguments` and `environment` (full `KEY=value` list) in the builder's folder.
  /// Throws when a pipe cannot be made or the spawn fails (for example, the file is not executable).
  /// With a `controlGreeting`, the child also gets a control channel as descriptor 3, holding that text when it
  /// starts (the run's secret: the channel is the one way it reaches the program). `makePipe` makes each channel
  /// (tests replace it to make one fail).
  init(
    executable: String, arguments: [String], environment: [String], controlGreeting: String? = nil,
    makePipe: (_ greeting: String) throws(ExecutionError) -> (read: Int32, write: Int32) = ChildProcess.makePipe
  ) throws(ExecutionError) {
    // Each pair made so far is closed if a later one cannot be made (file descriptors run out under load).
    let out = try makePipe("")
    let err: (read: Int32, write: Int32)
    let control: (read: Int32, write: Int32)
    do throws(ExecutionError) {
      err = try makePipe("")
      do throws(ExecutionError) {
        if let controlGreeting {
          control = try makePipe(controlGreeting)
        } else {
          control = (read: -1, write: -1)
        }
      } catch {
        Self.close([err.read, err.write])
        throw error
      }
    } catch {
      Self.close([out.read, out.write])
      throw error
    }
    defer { Self.close([out.write, err.write, control.write]) }

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, out.write, 1)
    posix_spawn_file_actions_adddup2(&actions, err.write, 2)
    if control.write >= 0 { posix_spawn_file_actions_adddup2(&actions, control.write, Self.childControlFD) }
    // Nothing else of the builder's: descriptors other threads opened without close-on-exec (a stand-in server's
    // listening socket, a transfer's connection) must not reach lesson code.
    ProcessCalls.closeDescriptors(from: control.write >= 0 ? Self.childControlFD + 1 : 3, in: &actions)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    // Own process group (so that a timeout can kill forked workers too), default signal handling and an
    // empty signal mask whatever the builder's threads have set.
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    for signal in [SIGINT, SIGTERM, SIGPIPE, SIGCHLD, SIGHUP, SIGQUIT] { sigaddset(&defaultSignals, signal) }
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    posix_spawnattr_setpgroup(&attributes, 0)
    posix_spawnattr_setflags(
      &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    let argv = ([executable] + arguments).map { strdup($0) }
    let envp = environment.map { strdup($0) }
    defer {
      argv.forEach { free($0) }
      envp.forEach { free($0) }
    }
    var childPID: pid_t = 0
    let argvList = argv + [nil]
    let envpList = envp + [nil]
    let status = argvList.withUnsafeBufferPointer { argvBuffer in
      envpList.withUnsafeBufferPointer { envpBuffer -> Int32 in
        guard let argvBase = argvBuffer.baseAddress, let envpBase = envpBuffer.baseAddress else { return EINVAL }
        return posix_spawn(&childPID, executable, &actions, &attributes, argvBase, envpBase)
      }
    }
    guard status == 0 else {
      Self.close([out.read, err.read, control.read])
      throw ExecutionError(.spawnFailed, "cannot start \(executable): \(String(cString: strerror(status)))")
    }
    pid = childPID
    stdoutFD = out.read
    stderrFD = err.read
    controlFD = control.read
    // The child is not reaped before `reap()`, so its pid cannot name another process here.
    exitFD = ProcessCalls.exitDescriptor(of: childPID) ?? -1
    ProcessGroupRegistry.shared.register(childPID)
  }

  deinit {
    if !reaped {
      kill(-pid, SIGKILL)
      _ = reap()
    }
    Self.close([stdoutFD, stderrFD, controlFD, exitFD])
  }

  /// Closes each descriptor that is not -1.
  private static func close(_ descriptors: [Int32]) {
    for descriptor in descriptors where descriptor >= 0 { FileDescriptorIO.close(descriptor) }
  }

  /// True once the child has ended; it is left a zombie (not reaped) so that its pid, and so its process group id,
  /// cannot be reused before `killGroup()` runs.
  func hasExited() -> Bool {
    var info = siginfo_t()
    let result = waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT)
    return result == 0 && info._sifields._sigchld.si_pid == pid
  }

  /// Sends SIGKILL to every process of the child's group: the child and any worker it forked.
  func killGroup() {
    kill(-pid, SIGKILL)
  }

  /// Waits for the child and returns how it ended; kills what is left of its group first. Called again, returns
  /// the same answer without touching the (by then reusable) pid.
  func reap() -> Termination {
    if let termination { return termination }
    killGroup()
    let status = try? ProcessCalls.wait(for: pid)
    reaped = true
    ProcessGroupRegistry.shared.unregister(pid)
    // nil is ECHILD: someone else reaped it; nothing is known of how it ended.
    let ended = status ?? .exited(-1)
    termination = ended
    return ended
  }


  /// A channel from child to builder: a socket pair (both ends close-on-exec, set atomically by `SOCK_CLOEXEC`, so
  /// a spawn on another thread never inherits the builder's end) whose builder end is shut for writing once
  /// `greeting` is in it.
  static func makePipe(greeting: String = "") throws(ExecutionError) -> (read: Int32, write: Int32) {
    var fds: [Int32] = [-1, -1]
    let type = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
    guard socketpair(AF_UNIX, type, 0, &fds) == 0 else {
      throw ExecutionError(.spawnFailed, "cannot create a pipe: \(String(cString: strerror(errno)))")
    }
    // A greeting of a few bytes fits in an empty socket's buffer: the write does not block.
    let greeted = greeting.isEmpty || (try? FileDescriptorIO.writeAll(fds[0], greeting)) != nil
    guard greeted, shutdown(fds[0], Int32(SHUT_WR)) == 0 else {
      let error = errno
      close([fds[0], fds[1]])
      throw ExecutionError(.spawnFailed, "cannot create a pipe: \(String(cString: strerror(error)))")
    }
    return (fds[0], fds[1])
  }
}

/// How a child process ended.
typealias Termination = ExitStatus
