import Glibc
import Synchronization
import Testing

/// A pipe for the pool tests: worker processes inherit its ends and threads share them, so tasks anywhere can
/// wait on it or report through it without a sleep standing in for synchronisation.
final class TestPipe: Sendable {
  let readEnd: Int32
  private let writer: Atomic<Int32>

  init() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    readEnd = ends[0]
    writer = Atomic(ends[1])
  }

  deinit {
    close(readEnd)
    closeWriteEnd()
  }

  /// -1 once closed.
  var writeEnd: Int32 { writer.load(ordering: .acquiring) }

  /// Closes this process's write end, once: readers see the end of file when no worker holds it either.
  func closeWriteEnd() {
    let fd = writer.exchange(-1, ordering: .acquiringAndReleasing)
    if fd >= 0 { close(fd) }
  }
}

/// A gate tasks wait at until the test opens it (the end of file on a pipe). A gate never opened lets its waiters
/// through after 30 s, so a bug fails the test instead of hanging it.
///
/// Threads and forked worker processes alike: a worker inherits the pipe's write end, and the end of file comes only
/// once every copy is closed, so a worker closes its own copy as it first waits (threads share the test's copy,
/// which only `open` closes).
final class PipeGate: Sendable {
  private let pipe: TestPipe
  private let owner = getpid()

  init() throws { pipe = try TestPipe() }

  /// Waits until the test opens the gate, at most 30 s.
  func pass() {
    if getpid() != owner { pipe.closeWriteEnd() }  // a forked worker: its copy must not hold the gate shut
    _ = Deadline.readable(pipe.readEnd)
  }

  /// Lets every waiter through, now and later.
  func open() { pipe.closeWriteEnd() }
}

/// Tasks a test counts as they start, in processes or threads: one byte each on a pipe.
final class StartCounter: Sendable {
  private let pipe: TestPipe

  init() throws { pipe = try TestPipe() }

  /// Called by a task as it starts.
  func started() {
    var byte: UInt8 = 1
    _ = write(pipe.writeEnd, &byte, 1)
  }

  /// Waits until `count` tasks have started; false if they did not within 30 s.
  func wait(for count: Int) -> Bool {
    var seen = 0
    while seen < count {
      guard Deadline.readable(pipe.readEnd) else { return false }
      var byte: UInt8 = 0
      guard read(pipe.readEnd, &byte, 1) == 1 else { return false }
      seen += 1
    }
    return true
  }
}
