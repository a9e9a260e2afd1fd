import Glibc
import Multiprocessing
import Synchronization
import Testing

// CPython's tests of a pool's lifetime around its owner: a running pool dropped (_TestPool.test_resource_warning),
// a program that exits holding one (_TestPoolWorkerLifetime.test_worker_finalization_via_atexit_handler_of_
// multiprocessing), a pool inside a child process (TestStdinBadfiledescriptor.test_pool_in_process), 200 workers
// (MiscTestCase.test_large_pool), and inputs that cannot be pickled (_TestPool.test_map_unplicklable).

/// A reference type that is neither Codable nor Sendable: CPython's `A`, whose `__reduce__` raises.
private final class Unpicklable {
  var touched = 0
}

/// The pool a stand-in program holds until it exits, as CPython's script keeps `problem = A()` in a global.
nonisolated(unsafe) private var heldAtExit: ProcessPool?

extension AllPoolTests.CPythonPoolTests {
  /// CPython warns (ResourceWarning) when a running pool is garbage collected. A dropped Swift pool needs no
  /// warning: its deinit finishes the outstanding `applyAsync`/`mapAsync` work and reaps the workers (a
  /// `ThreadPool` joins its threads), so nothing is left running and the handles still deliver.
  @Test("_TestPool.test_resource_warning: a running pool that is dropped leaves no process or thread",
    .timeLimit(.minutes(1)))
  func test_resource_warning() throws {
    var single: AsyncResult<Int>?
    var many: MapResult<Int>?
    do {
      let pool = try processPool(2)
      single = try pool.applyAsync { sqr(7) }
      many = try pool.mapAsync(Array(0..<100), sqr)
    }
    #expect(ProcFS.forkedChildren().isEmpty)
    #expect(try single?.get(timeout: .seconds(5)) == 49)
    #expect(try many?.get(timeout: .seconds(5)) == (0..<100).map(sqr))

    let threadsBefore = ProcFS.threads
    var threaded: MapResult<Int>?
    do {
      let pool = try ThreadPool(workers: 4)
      threaded = try pool.mapAsync(Array(0..<100), sqr)
    }
    #expect(Deadline.wait { ProcFS.threads <= threadsBefore }, "the dropped ThreadPool's threads remain")
    #expect(try threaded?.get(timeout: .seconds(5)) == (0..<100).map(sqr))
  }

  /// bpo-38744/bpo-39360: a program that keeps a used pool in a global and ends without closing it must exit,
  /// with status 0. Here the stand-in program also has a task still running at the end: `exit` does not wait
  /// for it, and its worker does not outlive the program (PR_SET_PDEATHSIG).
  @Test("_TestPoolWorkerLifetime.test_worker_finalization_via_atexit_handler_of_multiprocessing",
    .timeLimit(.minutes(1)))
  func test_worker_finalization_via_atexit_handler_of_multiprocessing() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    let starts = try StartCounter()
    fflush(nil)  // the stand-in's exit flushes stdio: nothing of ours may be in its buffers
    let program = fork()
    try #require(program >= 0)
    if program == 0 {
      close(ends[0])
      let report = ends[1]
      heldAtExit = try? ProcessPool(workers: 1)  // the stand-in is single-threaded: the default policy forks
      let mapped = (try? heldAtExit?.map(0..<10) { Double($0) }) == (0..<10).map(Double.init)
      _ = try? heldAtExit?.applyAsync { () -> Int in
        var me = getpid()
        _ = write(report, &me, MemoryLayout<pid_t>.size)
        starts.started()
        sleep(120)
        return 0
      }.ready  // drives the pool once: the worker starts
      _ = starts.wait(for: 1)
      exit(mapped ? 0 : 3)
    }
    close(ends[1])
    defer { close(ends[0]) }
    var worker: pid_t = 0
    try #require(Deadline.readable(ends[0]), "the stand-in's task never started")
    #expect(read(ends[0], &worker, MemoryLayout<pid_t>.size) == MemoryLayout<pid_t>.size)
    var status: Int32 = 0
    let exited = Deadline.wait { waitpid(program, &status, WNOHANG) == program }
    if !exited {
      kill(program, SIGKILL)
      waitpid(program, &status, 0)
    }
    #expect(exited, "the program holding a pool did not exit")
    #expect(status & 0x7f == 0 && (status >> 8) & 0xff == 0, "exit status \(status)")
    let gone = { ProcFS.read("/proc/\(worker)/stat").map { $0.isEmpty || $0.contains(") Z ") } ?? true }
    #expect(worker > 0 && Deadline.wait(until: gone), "the running task's worker outlived the program")
  }

  /// CPython runs a pool inside a `Process`; the Swift counterpart of a child process that uses a pool is a
  /// pool task that does (a worker is a plain fork of the caller).
  @Test("TestStdinBadfiledescriptor.test_pool_in_process: a pool inside a worker process",
    .timeLimit(.minutes(1)))
  func test_pool_in_process() throws {
    let pool = try processPool(2)
    defer { pool.join() }
    let squares = try pool.apply { () throws -> [Int] in
      let inner = try ProcessPool(workers: 4)  // a worker is single-threaded: the default policy forks
      defer { inner.join() }
      return try inner.map([1, 2, 3, 4, 5, 6, 7]) { $0 * $0 }
    }
    #expect(squares == [1, 4, 9, 16, 25, 36, 49])
    #expect(try pool.map(0..<4, sqr) == [0, 1, 4, 9])  // the outer pool goes on
    pool.close()
    pool.join()
    #expect(ProcFS.forkedChildren().isEmpty)
  }

  /// The other side of test_pool_in_process: a task that starts a process of its own (a plain `fork`, no `exec`)
  /// which outlives the task. CPython's pool notices a worker's end by its process sentinel; ours noticed it by
  /// the end of file on the worker's result pipe, which the task's child inherits and holds: `map`, `join` and
  /// `terminate()` then waited for that unrelated process (here 60 s) instead of returning.
  @Test("TestStdinBadfiledescriptor.test_pool_in_process: a task's own child process does not hold the pool",
    .timeLimit(.minutes(1)))
  func test_pool_in_process_child_outlives_task() throws {
    let report = try TestPipe()
    let starts = try StartCounter()
    let ended = Atomic<Bool>(false)
    /// A task that leaves a child process behind, sleeping for a minute, and reports its PID.
    func leaveChild() -> pid_t {
      let child = fork()
      if child == 0 {
        sleep(60)
        _exit(0)
      }
      var pid = child
      _ = write(report.writeEnd, &pid, MemoryLayout<pid_t>.size)
      return child
    }
    nonisolated(unsafe) var mapped: [Int]?
    nonisolated(unsafe) var terminated: PoolError?
    let returned = finishes(within: .seconds(30)) {
      defer { ended.store(true, ordering: .releasing) }
      guard let pool = try? processPool(2) else { return }
      mapped = try? pool.map([0, 1], chunksize: 1) { i -> Int in
        _ = leaveChild()
        return i
      }
      pool.join()
      guard let other = try? processPool(1), let running = try? other.applyAsync({ () -> Int in
        _ = leaveChild()
        starts.started()
        sleep(60)
        return 0
      }) else { return }
      _ = running.ready  // the worker starts
      _ = starts.wait(for: 1)
      other.terminate()
      do throws(PoolError) { _ = try running.get(timeout: .seconds(5)) } catch { terminated = error }
    }
    // Whatever happened, the children the tasks left go now (which also lets a stuck pool go on).
    var children: [pid_t] = []
    while children.count < 3, Deadline.readable(report.readEnd, seconds: returned ? 5 : 0.5) {
      var pid: pid_t = 0
      guard read(report.readEnd, &pid, MemoryLayout<pid_t>.size) == MemoryLayout<pid_t>.size else { break }
      children.append(pid)
    }
    for child in children where child > 0 { kill(child, SIGKILL) }
    #expect(Deadline.wait { ended.load(ordering: .acquiring) }, "the pools never let go")
    #expect(returned, "map, join or terminate waited for a task's own child process")
    #expect(mapped == [0, 1])
    #expect(terminated == .terminated(index: 0))
    #expect(children.count == 3)
  }

  /// gh-89240 (Windows could wait on at most 63 handles): a pool of 200 workers must work.
  @Test("MiscTestCase.test_large_pool: 200 workers", .timeLimit(.minutes(1)))
  func test_large_pool() throws {
    let pool = try processPool(200)
    #expect(try pool.map(0..<1000, sqr).reduce(0, +) == 332_833_500)
    pool.close()
    pool.join()
    #expect(ProcFS.forkedChildren().isEmpty)
    let threads = try ThreadPool(workers: 200)
    defer { threads.join() }
    #expect(try threads.map(0..<1000, sqr).reduce(0, +) == 332_833_500)
  }

  /// Issue #19425: CPython must pickle each input to send it to a worker, and one that cannot be pickled raises
  /// instead of hanging. Ours are not serialized at all (workers are forked with them: docs/multiprocessing.md),
  /// so on purpose such inputs simply work.
  @Test("_TestPool.test_map_unplicklable: inputs are never encoded, so any input works", .timeLimit(.minutes(1)))
  func test_map_unplicklable() throws {
    let pool = try processPool(4)
    defer { pool.join() }
    let items = Array(repeating: Unpicklable(), count: 10)
    #expect(try pool.map(items) { item -> Int in
      item.touched += 1  // the worker's copy of the object, not the caller's
      return sqr(3)
    } == Array(repeating: 9, count: 10))
    #expect(items[0].touched == 0)
  }
}
