/// What a `ProcessPool` does when it is about to fork and the process runs other threads.
///
/// After `fork`, only the forking thread exists in the child; a lock another thread held at that instant stays
/// locked forever there (glibc repairs malloc and stdio, the Swift runtime and Dispatch do not). Python forks
/// anyway and deadlocks now and then (gh-84559). This pool checks `/proc/self/task` first.
public enum ThreadedProcessPolicy: Sendable {
  /// Throw `PoolError.threadedProcess` (the default): a learner's program is single-threaded, and a
  /// `ThreadPool` joins its threads when it closes, so this only fires when forking would be a gamble.
  case refuse
  /// Fork anyway: the caller knows the other threads are idle (a test runner's parked threads).
  case fork
}
