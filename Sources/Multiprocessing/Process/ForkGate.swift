internal import SystemCalls
import Glibc
import Synchronization

/// Process-wide bookkeeping around `fork`: one fork at a time, the pipe ends a child must close, the live
/// worker PIDs that a fatal signal to the parent must take down, and the check for other threads.
enum ForkGate {
  /// A spin lock rather than a mutex: the child resets it after fork (a mutex copied locked cannot be).
  private static let busy = Atomic<Bool>(false)
  /// Parent-side read ends of all live worker pipes; guarded by `busy`.
  nonisolated(unsafe) private static var readEnds: Set<Int32> = []
  /// Live worker PIDs, readable from a signal handler (fixed slots, 0 = free).
  private static let pidSlots = 1024
  nonisolated(unsafe) private static let pids: UnsafeMutablePointer<Atomic<Int32>> = {
    let slots = UnsafeMutablePointer<Atomic<Int32>>.allocate(capacity: pidSlots)
    for slot in 0..<pidSlots { (slots + slot).initialize(to: Atomic(0)) }
    return slots
  }()
  private static let handlersInstalled = Atomic<Bool>(false)
  private static let handledSignals = (SIGINT, SIGTERM, SIGHUP)

  /// Runs `body` with the gate held; forks happen inside.
  static func withLock<T>(_ body: () throws(PoolError) -> T) throws(PoolError) -> T {
    while !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged { sched_yield() }
    defer { busy.store(false, ordering: .releasing) }
    return try body()
  }

  /// Called first thing in a forked child: frees the gate, closes every other worker's pipe, forgets the
  /// parent's workers and restores default signal handling.
  static func resetInChild() {
    busy.store(false, ordering: .relaxed)
    for fd in readEnds { close(fd) }
    readEnds = []
    // The PID table is left as it is: the handlers that read it are reset to the default just below.
    // The signal list is a tuple, not an array: building an array here would look up runtime metadata, and
    // in a child of a multi-threaded parent the runtime's locks may be held forever (seen in tests).
    setHandler(handledSignals.0, nil)
    setHandler(handledSignals.1, nil)
    setHandler(handledSignals.2, nil)
    setDeathSignal()
  }

  /// Records a new worker (call with the gate held).
  static func register(pid: Int32, readEnd: Int32) {
    readEnds.insert(readEnd)
    for slot in 0..<pidSlots where (pids + slot).pointee.compareExchange(
      expected: 0, desired: pid, ordering: .relaxed
    ).exchanged { break }
    installHandlers()
  }

  /// Adds a descriptor that forked children must close, as a worker's read end (call with the gate held).
  static func closeInChildren(_ fd: Int32) { readEnds.insert(fd) }

  /// Forgets a descriptor added by `closeInChildren`, before it is closed.
  static func forgetInChildren(_ fd: Int32) { _ = withLockNoThrow { readEnds.remove(fd) } }

  /// Forgets a reaped worker.
  static func unregister(pid: Int32, readEnd: Int32) {
    _ = withLockNoThrow { readEnds.remove(readEnd) }
    for slot in 0..<pidSlots where (pids + slot).pointee.compareExchange(
      expected: pid, desired: 0, ordering: .relaxed
    ).exchanged { break }
  }

  private static func withLockNoThrow<T>(_ body: () -> T) -> T {
    while !busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged { sched_yield() }
    defer { busy.store(false, ordering: .releasing) }
    return body()
  }

  /// SIGINT/SIGTERM/SIGHUP to the parent kill its workers first, then the parent as before. Installed only
  /// for signals still at their default action, so a program's own handlers are left alone.
  private static func installHandlers() {
    guard !handlersInstalled.exchange(true, ordering: .relaxed) else { return }
    for signal in [handledSignals.0, handledSignals.1, handledSignals.2] {
      var current = sigaction()
      sigaction(signal, nil, &current)
      if current.__sigaction_handler.sa_handler == nil {
        setHandler(signal) { number in
          for slot in 0..<ForkGate.pidSlots {
            let pid = (ForkGate.pids + slot).pointee.load(ordering: .relaxed)
            if pid > 0 { kill(pid, SIGKILL) }
          }
          ForkGate.setHandler(number, nil)
          raise(number)
        }
      }
    }
  }

  fileprivate static func setHandler(_ signal: Int32, _ handler: (@convention(c) (Int32) -> Void)?) {
    var action = sigaction()
    action.__sigaction_handler.sa_handler = handler
    sigemptyset(&action.sa_mask)
    sigaction(signal, &action, nil)
  }

  /// Asks the kernel to SIGKILL this child when the thread that forked it ends (`prctl(PR_SET_PDEATHSIG)`),
  /// so a parent killed by SIGKILL leaves no orphan.
  private static func setDeathSignal() {
    ProcessCalls.setParentDeathSignal(SIGKILL)
  }

  /// The number of threads in this process (entries of /proc/self/task).
  static func threadCount() -> Int {
    guard let directory = opendir("/proc/self/task") else { return 1 }
    defer { closedir(directory) }
    var count = 0
    while let entry = readdir(directory) {
      if entry.pointee.d_name.0 != UInt8(ascii: ".") { count += 1 }
    }
    return count
  }

  /// Applies `policy` before a fork: with other threads present, `.refuse` waits briefly for threads that are
  /// exiting (a just-joined ThreadPool) and then throws `PoolError.threadedProcess`.
  static func checkThreads(_ policy: ThreadedProcessPolicy) throws(PoolError) {
    guard policy == .refuse else { return }
    var threads = threadCount()
    var attempts = 0
    while threads > 1 && attempts < 20 {
      usleep(1_000)
      attempts += 1
      threads = threadCount()
    }
    if threads > 1 { throw .threadedProcess(threads: threads) }
  }
}
