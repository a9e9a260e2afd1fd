import Glibc
import Multiprocessing
import Synchronization
import Testing

/// Set by the initializer in each worker process; the parent's copy stays 0.
nonisolated(unsafe) private var initializerRuns = 0  // only written in forked workers, one thread each

/// The test runner is multi-threaded (its threads are idle while a test forks), so tests opt in to forking.
private func pool(
  _ workers: Int, maxTasksPerChild: Int? = nil, taskTimeout: Duration? = nil,
  initializer: (() throws -> Void)? = nil
) throws -> ProcessPool {
  try ProcessPool(
    workers: workers, maxTasksPerChild: maxTasksPerChild, taskTimeout: taskTimeout, whenThreaded: .fork,
    initializer: initializer)
}

private struct Boom: Error, CustomStringConvertible {
  let index: Int
  var description: String { "boom at \(index)" }
}

extension AllPoolTests {
@Suite("ProcessPool")
struct ProcessPoolTests {
  @Test("map returns results in input order", .timeLimit(.minutes(1)))
  func ordering() throws {
    let squares = try withProcessPool(5, whenThreaded: .fork) { pool in try pool.map(0..<10) { $0 * $0 } }
    #expect(squares == [0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
    let texts = try pool(3).map(["a", "bb", "ccc"]) { String($0.reversed()) + "!" }
    #expect(texts == ["a!", "bb!", "ccc!"])
  }

  @Test("tasks run in distinct worker processes", .timeLimit(.minutes(1)))
  func distinctWorkers() throws {
    let pids = try pool(4).map(0..<16, chunksize: 1) { _ -> Int32 in
      usleep(50_000)  // work long enough that the queue is shared, not a synchronisation
      return getpid()
    }
    #expect(Set(pids).count > 1)
    #expect(!pids.contains(getpid()))
  }

  @Test("chunking runs every item exactly once", .timeLimit(.minutes(1)), arguments: [1, 3, 7, 64, 5000])
  func chunking(chunksize: Int) throws {
    let pool = try pool(3)
    #expect(try pool.map(0..<1000, chunksize: chunksize) { $0 } == Array(0..<1000))
    let unordered = try pool.imapUnordered(0..<1000, chunksize: chunksize) { $0 }.map { try $0.get() }
    #expect(unordered.sorted() == Array(0..<1000))
  }

  @Test("results of several Codable shapes cross the process boundary", .timeLimit(.minutes(1)))
  func codableResults() throws {
    let pool = try pool(2)
    let versions = try pool.map(0..<4) { i -> String? in i.isMultiple(of: 2) ? "24.\(i)" : nil }
    #expect(versions == ["24.0", nil, "24.2", nil])
    let series = try pool.map(1...3) { n in (0..<n).map { Double($0) / 2 } }
    #expect(series == [[0], [0, 0.5], [0, 0.5, 1]])
    let tables = try pool.map(0..<2) { ["n": $0] }
    #expect(tables == [["n": 0], ["n": 1]])
  }

  @Test("a throwing task names its index and keeps the original description", .timeLimit(.minutes(1)))
  func throwingTask() throws {
    #expect(throws: PoolError.taskFailed(index: 3, description: "boom at 3")) {
      try pool(2).map(0..<6) { i -> Int in
        if i == 3 { throw Boom(index: i) }
        return i
      }
    }
  }

  @Test("a worker killed by SIGKILL fails only its task; the others finish", .timeLimit(.minutes(1)))
  func killedWorker() throws {
    let outcomes = Array(try pool(2).imap(0..<12) { i -> Int in
      if i == 5 { kill(getpid(), SIGKILL) }
      return i * 10
    })
    #expect(outcomes.count == 12)
    for (index, outcome) in outcomes.enumerated() {
      if index == 5 {
        #expect(throws: PoolError.workerDied(index: 5, cause: .signal(SIGKILL))) { try outcome.get() }
      } else {
        #expect(try outcome.get() == index * 10)
      }
    }
  }

  @Test("a worker dying mid-imap does not strand the tasks it had not reported", .timeLimit(.minutes(1)))
  func deathInsideWindow() throws {
    // Task 3 kills its worker, which usually still holds the unsent results of its earlier (fast) tasks:
    // they must run again although the other worker waits at the imap window. Before the fix this hung.
    let flag = "/tmp/multiprocessing-test-\(getpid())-victim"
    unlink(flag)
    defer { unlink(flag) }
    let pool = try pool(2)  // kept alive: a pool's deinit joins, which would open the window itself
    defer { pool.terminate() }
    let outcomes = Array(try pool.imap(0..<200) { i -> Int in
      if i == 3 {
        let claimed = open(flag, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        if claimed >= 0 { kill(getpid(), SIGKILL) }
      }
      return i
    })
    #expect(outcomes.count == 200)
    let failures = outcomes.enumerated().filter { (try? $0.element.get()) != $0.offset }
    #expect(failures.count == 1)
    if let failure = failures.first {
      #expect(throws: PoolError.workerDied(index: failure.offset, cause: .signal(SIGKILL))) {
        try failure.element.get()
      }
    }
  }

  @Test("a trapping task reports the signal that ended its worker", .timeLimit(.minutes(1)))
  func trappingTask() throws {
    do {
      _ = try pool(2).map(0..<4) { i -> Int in
        if i == 2 { fatalError("deliberate trap in a test worker") }
        return i
      }
      Issue.record("map should have thrown")
    } catch {
      guard case PoolError.workerDied(let index, let cause) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(index == 2)
      #expect(["SIGILL", "SIGTRAP"].contains(cause.signalName ?? ""))
    }
  }

  @Test("a task that overruns the timeout is killed and reported", .timeLimit(.minutes(1)))
  func timeout() throws {
    let pool = try pool(2, taskTimeout: .milliseconds(300))
    #expect(throws: PoolError.timeout(index: 1, limit: .milliseconds(300))) {
      try pool.map(0..<4, chunksize: 1) { i -> Int in
        if i == 1 { sleep(120) }  // longer than the test's time limit: only the kill ends it
        return i
      }
    }
    #expect(try pool.map(0..<3) { $0 + 1 } == [1, 2, 3])
  }

  @Test("terminate() leaves no child process", .timeLimit(.minutes(1)))
  func terminateLeavesNoChild() throws {
    let pool = try pool(2)
    var results = try pool.imap(0..<4) { i -> Int in
      sleep(120)
      return i
    }
    #expect(ProcFS.forkedChildren().count == 2)
    pool.terminate()
    #expect(ProcFS.forkedChildren().isEmpty)
    #expect(throws: PoolError.terminated(index: 0)) { try results.next()?.get() }
    #expect(throws: PoolError.closed) { try pool.map(0..<2) { $0 } }
  }

  @Test("dropping imap results kills their workers instead of running the rest", .timeLimit(.minutes(1)))
  func droppedImap() throws {
    let pool = try pool(2)
    do {
      let results = try pool.imap(0..<100) { i -> Int in
        sleep(120)
        return i
      }
      #expect(results.underestimatedCount == 100)
      #expect(ProcFS.forkedChildren().count == 2)
    }
    #expect(ProcFS.forkedChildren().isEmpty)
    pool.close()
    pool.join()  // would take an hour if it ran the dropped tasks
  }

  @Test("workers do not survive a parent killed by SIGKILL", .timeLimit(.minutes(1)))
  func noOrphans() throws {
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    let parent = fork()
    try #require(parent >= 0)
    if parent == 0 {
      // The stand-in parent: a pool whose workers report their PIDs, then block.
      close(ends[0])
      let pool = try? ProcessPool(workers: 2, whenThreaded: .fork)
      _ = try? pool?.map(0..<2, chunksize: 1) { _ -> Int in
        var me = getpid()
        _ = write(ends[1], &me, MemoryLayout<pid_t>.size)
        sleep(120)
        return 0
      }
      _exit(0)
    }
    close(ends[1])
    defer { close(ends[0]) }
    var workers = [pid_t](repeating: 0, count: 2)
    let wanted = 2 * MemoryLayout<pid_t>.size
    var got = 0
    while got < wanted {
      try #require(Deadline.readable(ends[0]), "the workers never reported their PIDs")
      let count = workers.withUnsafeMutableBytes { bytes -> Int in
        guard let base = bytes.baseAddress else { return -1 }
        return read(ends[0], base + got, wanted - got)
      }
      try #require(count > 0)
      got += count
    }
    kill(parent, SIGKILL)
    var status: Int32 = 0
    waitpid(parent, &status, 0)
    // PR_SET_PDEATHSIG delivers SIGKILL to each worker as its parent exits; wait for it to land.
    for worker in workers {
      _ = Deadline.wait {
        ProcFS.read("/proc/\(worker)/stat").map { $0.isEmpty || $0.contains(") Z ") } ?? true
      }
    }
    #expect(workers.allSatisfy { ProcFS.read("/proc/\($0)/stat").map { $0.isEmpty || $0.contains(") Z ") } ?? true })
  }

  @Test("imap keeps workers a bounded distance ahead of the consumer", .timeLimit(.minutes(1)))
  func boundedImap() throws {
    let path = "/tmp/multiprocessing-test-\(getpid())-started.txt"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
    try #require(fd >= 0)
    defer {
      close(fd)
      unlink(path)
    }
    let pool = try pool(2)
    defer { pool.terminate() }
    var results = try pool.imap(0..<1_000_000) { i -> Int in
      let line = "\(i)\n"
      _ = line.withCString { write(fd, $0, strlen($0)) }
      return i
    }
    #expect(try results.next()?.get() == 0)
    #expect(try results.next()?.get() == 1)
    pool.terminate()
    let started = (ProcFS.read(path) ?? "").split(separator: "\n").compactMap { Int($0) }
    // Window: 64 tasks past the consumer, doubling while the consumer waits on parked workers up to 4,096
    // tasks; nothing near the end of the input has started.
    #expect(!started.isEmpty)
    #expect((started.max() ?? 0) < 4096 + 64)
  }

  @Test("8 workers printing 1,000 lines each lose and duplicate nothing", .timeLimit(.minutes(1)))
  func printedLines() throws {
    let path = "/tmp/multiprocessing-test-\(getpid())-lines.txt"
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o600)
    try #require(fd >= 0)
    defer {
      close(fd)
      unlink(path)
    }
    // Each worker's standard output becomes the file; the tasks print with plain `print`.
    let pool = try pool(8) { _ = dup2(fd, 1) }
    _ = try pool.map(0..<8, chunksize: 1) { task -> Int in
      for line in 0..<1000 { print("task \(task) line \(line)") }
      return task
    }
    let lines = (ProcFS.read(path) ?? "").split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == 8000)
    let expected = Set((0..<8).flatMap { task in (0..<1000).map { "task \(task) line \($0)" } })
    #expect(Set(lines.map(String.init)) == expected)
  }

  @Test("the initializer runs once in each worker, never in the parent", .timeLimit(.minutes(1)))
  func initializerOncePerWorker() throws {
    let pool = try pool(3) { initializerRuns += 1 }
    let seen = try pool.map(0..<30, chunksize: 1) { _ in [Int(getpid()), initializerRuns] }
    #expect(seen.allSatisfy { $0[1] == 1 })
    #expect(initializerRuns == 0)
  }

  @Test("a failing initializer is reported instead of retried forever", .timeLimit(.minutes(1)))
  func failingInitializer() throws {
    #expect(throws: PoolError.initializerFailed(description: "boom at -1")) {
      try pool(2) { throw Boom(index: -1) }.map(0..<4) { $0 }
    }
  }

  @Test("maxTasksPerChild recycles workers", .timeLimit(.minutes(1)))
  func maxTasksPerChild() throws {
    let pids = try pool(2, maxTasksPerChild: 2).map(0..<10) { _ in getpid() }
    let perWorker = Dictionary(grouping: pids, by: { $0 }).mapValues(\.count)
    #expect(perWorker.values.allSatisfy { $0 <= 2 })
    #expect(perWorker.count >= 5)
  }

  @Test("imap yields in order; applyAsync and apply return results", .timeLimit(.minutes(1)))
  func lazyAndAsync() throws {
    let pool = try pool(2)
    var ordered = try pool.imap(0..<50, chunksize: 3) { $0 * 2 }
    #expect(try ordered.values() == (0..<50).map { $0 * 2 })
    let handle = try pool.applyAsync { "from \(getpid() != 0 ? "a worker" : "?")" }
    #expect(Deadline.wait { handle.ready })  // `ready` alone must drive the worker to completion
    #expect(try handle.get(timeout: .seconds(30)) == "from a worker")
    #expect(handle.ready)
    #expect(handle.successful == true)
    #expect(try pool.apply { 6 * 7 } == 42)
    #expect(try pool.starmap([(2, 3), (4, 5)]) { a, b in a * b } == [6, 20])
    #expect(try pool.map([Int]()) { $0 } == [])
  }

  @Test("bad arguments and use after close give clear errors", .timeLimit(.minutes(1)))
  func badInput() throws {
    #expect(throws: PoolError.invalidArgument(name: "pool size", value: 0, requirement: "must be at least 1")) {
      try ProcessPool(workers: 0)
    }
    // A size whose derived chunk and buffer sizes would overflow is refused, not a trap.
    for size in [Int.max, 1 << 40, (1 << 20) + 1] {
      #expect(throws: PoolError.invalidArgument(name: "pool size", value: size, requirement: "must be at most 1048576")) {
        try ProcessPool(workers: size)
      }
      #expect(throws: PoolError.invalidArgument(name: "pool size", value: size, requirement: "must be at most 1048576")) {
        try ThreadPool(workers: size)
      }
    }
    #expect(throws: PoolError.invalidArgument(name: "chunksize", value: -2, requirement: "must be at least 1")) {
      try pool(2).map(0..<3, chunksize: -2) { $0 }
    }
    #expect(throws: PoolError.invalidArgument(name: "taskTimeout (ms)", value: -5, requirement: "must be positive")) {
      try ProcessPool(workers: 1, taskTimeout: .milliseconds(-5))
    }
    let closed = try pool(2)
    closed.close()
    closed.close()
    #expect(throws: PoolError.closed) { try closed.map(0..<3) { $0 } }
  }

  @Test("a result that cannot be encoded is reported as an encoding error", .timeLimit(.minutes(1)))
  func unencodableResult() throws {
    struct Refuses: Codable {
      init() {}
      init(from decoder: any Decoder) throws { self.init() }
      func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "not today"))
      }
    }
    do {
      _ = try pool(2).map(0..<2) { _ in Refuses() }
      Issue.record("map should have thrown")
    } catch {
      guard case PoolError.encoding(let index, let description) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(index == 0)
      #expect(description.contains("not today"))
    }
  }

  @Test("the default policy refuses to fork a multi-threaded process", .timeLimit(.minutes(1)))
  func refusesThreadedFork() throws {
    try #require(ProcFS.threads > 1)  // the test runner's threads
    let pool = try ProcessPool(workers: 2)
    do {
      _ = try pool.map(0..<3) { $0 }
      Issue.record("map should have refused to fork")
    } catch {
      guard case PoolError.threadedProcess(let threads) = error else {
        Issue.record("unexpected \(error)")
        return
      }
      #expect(threads > 1)
    }
    #expect(ProcFS.forkedChildren().isEmpty)
  }

  @Test("200 pools created and closed leak no zombie and no descriptor", .timeLimit(.minutes(1)))
  func noLeaks() throws {
    let descriptorsBefore = ProcFS.openDescriptors
    for round in 0..<200 {
      let pool = try pool(2)
      #expect(try pool.map(0..<4) { $0 + round } == (0..<4).map { $0 + round })
      pool.close()
      pool.join()
    }
    #expect(ProcFS.forkedChildren().isEmpty)
    // Other suites may open a few descriptors meanwhile; one leaked per pool would be 200.
    #expect(ProcFS.openDescriptors - descriptorsBefore < 20)
  }
}
}
