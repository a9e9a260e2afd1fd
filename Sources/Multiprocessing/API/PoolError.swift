import Glibc

/// Everything that can go wrong in a `ProcessPool` or a `ThreadPool`, with the context needed to act on it.
///
/// Task errors name the task by its position in the input (0-based), so a failure in `map` over 10,000 items
/// says which item failed instead of a bare remote traceback.
public enum PoolError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The task at `index` threw; `description` is the original error's description. A `ProcessPool` reports a
  /// task's error this way when the error's type is not `Codable` (so it cannot cross the process boundary).
  case taskFailed(index: Int, description: String)
  /// The task at `index` threw `error`, and here it is as it was thrown: every error of a `ThreadPool` task, and
  /// a `ProcessPool` task's error whose type is `Codable` (encoded in the worker, decoded in the caller).
  /// Match it with `case .taskThrew(let index, let error as MyError)`.
  case taskThrew(index: Int, error: any Error)
  /// The worker process running the task at `index` ended (signal, trap, `exit`) before reporting a result.
  /// The pool replaced the worker and went on with the other tasks.
  case workerDied(index: Int, cause: WorkerDeath)
  /// The task at `index` ran longer than the pool's `taskTimeout`; its worker process was killed.
  case timeout(index: Int, limit: Duration)
  /// `get(timeout:)` stopped waiting before the result arrived; the task itself keeps running.
  case notReady(waited: Duration)
  /// The pool was closed (or terminated) and accepts no new work.
  case closed
  /// `terminate()` stopped the pool before the task at `index` finished.
  case terminated(index: Int)
  /// An argument is out of range: a pool size, a chunksize, `maxTasksPerChild`.
  case invalidArgument(name: String, value: Int, requirement: String)
  /// The result of the task at `index` could not be encoded (or decoded) to cross the process boundary.
  case encoding(index: Int, description: String)
  /// The pool's initializer threw in a worker, so no task could run there.
  case initializerFailed(description: String)
  /// A `ProcessPool` refused to fork because the process runs other threads (see `ThreadedProcessPolicy`).
  case threadedProcess(threads: Int)
  /// A system call the pool needs failed (`fork`, `pipe2`, `mmap`, `pthread_create`).
  case system(call: String, errno: Int32)

  /// A sentence naming what failed and where.
  public var description: String {
    switch self {
    case .taskFailed(let index, let description):
      return "task \(index) threw: \(description)"
    case .taskThrew(let index, let error):
      return "task \(index) threw: \(error)"
    case .workerDied(let index, let cause):
      return "task \(index): its worker process died (\(cause)); the pool replaced the worker"
    case .timeout(let index, let limit):
      return "task \(index) ran longer than the task timeout of \(limit); its worker process was killed"
    case .notReady(let waited):
      return "the result was not ready after waiting \(waited); the task is still running"
    case .closed:
      return "the pool is closed and accepts no new work"
    case .terminated(let index):
      return "task \(index) did not finish: the pool was terminated"
    case .invalidArgument(let name, let value, let requirement):
      return "invalid \(name) \(value): \(requirement)"
    case .encoding(let index, let description):
      return "the result of task \(index) cannot cross the process boundary: \(description)"
    case .initializerFailed(let description):
      return "the pool's initializer threw in a worker: \(description)"
    case .threadedProcess(let threads):
      return "ProcessPool will not fork: this process runs \(threads) threads, and a forked worker could deadlock "
        + "on a lock another thread holds. Close and join ThreadPools before using a ProcessPool, use a "
        + "ThreadPool here, or pass `whenThreaded: .fork` if the other threads are known to be idle."
    case .system(let call, let code):
      return "\(call) failed: \(String(cString: strerror(code))) (errno \(code))"
    }
  }
}

extension PoolError {
  /// Two errors are equal when they are the same case with equal values; a `taskThrew` error compares the
  /// thrown errors by type and description (an arbitrary `Error` has no `==`).
  public static func == (lhs: PoolError, rhs: PoolError) -> Bool {
    switch (lhs, rhs) {
    case (.taskThrew(let left, let leftError), .taskThrew(let right, let rightError)):
      return left == right && type(of: leftError) == type(of: rightError)
        && String(describing: leftError) == String(describing: rightError)
    case (.taskThrew, _), (_, .taskThrew):
      return false
    default:
      // Every other case's description spells out all of its values, and no two cases share a wording.
      return lhs.description == rhs.description
    }
  }

  /// The error the task itself threw, when it reached the caller (`taskThrew`); nil otherwise.
  public var taskError: (any Error)? {
    if case .taskThrew(_, let error) = self { return error }
    return nil
  }
}

/// How a worker process ended.
public enum WorkerDeath: Equatable, Sendable, CustomStringConvertible {
  /// Killed by a signal: `SIGKILL` from the OOM killer or a user, `SIGSEGV`, `SIGILL` from a Swift trap.
  case signal(Int32)
  /// Exited with this status while a task was running (the task called `exit`).
  case exit(Int32)

  /// "signal SIGKILL (9)" or "exit status 3".
  public var description: String {
    switch self {
    case .signal(let number): return "signal \(SignalNames.name(of: number)) (\(number))"
    case .exit(let status): return "exit status \(status)"
    }
  }

  /// The signal's conventional name, such as "SIGKILL"; nil when the worker exited.
  public var signalName: String? {
    if case .signal(let number) = self { return SignalNames.name(of: number) }
    return nil
  }
}
