import Glibc
import Multiprocessing
import Synchronization
import Testing

private struct Boom: Error, CustomStringConvertible {
  let index: Int
  var description: String { "boom at \(index)" }
}

extension AllPoolTests {
@Suite("ThreadPool")
struct ThreadPoolTests {
  @Test("map returns results in input order", .timeLimit(.minutes(1)))
  func ordering() throws {
    let squares = try withThreadPool(4) { pool in try pool.map(0..<10) { $0 * $0 } }
    #expect(squares == [0, 1, 4, 9, 16, 25, 36, 49, 64, 81])
  }

  @Test("chunking runs every item exactly once", .timeLimit(.minutes(1)), arguments: [1, 3, 7, 64, 5000])
  func chunking(chunksize: Int) throws {
    let runs = Mutex([Int](repeating: 0, count: 1000))
    let pool = try ThreadPool(workers: 3)
    defer { pool.join() }
    let result = try pool.map(Array(0..<1000), chunksize: chunksize) { i in
      runs.withLock { $0[i] += 1 }
      return i
    }
    #expect(result == Array(0..<1000))
    #expect(runs.withLock { $0.allSatisfy { $0 == 1 } })
    let unordered = try pool.imapUnordered(0..<1000, chunksize: chunksize) { $0 }.map { try $0.get() }
    #expect(unordered.sorted() == Array(0..<1000))
  }

  @Test("tasks run on the pool's threads, each initialized once", .timeLimit(.minutes(1)))
  func initializerOncePerThread() throws {
    let initialized = Mutex([UInt]())
    let pool = try ThreadPool(workers: 3) { initialized.withLock { $0.append(UInt(pthread_self())) } }
    defer { pool.join() }
    let threads = try pool.map(0..<200, chunksize: 1) { _ in UInt(pthread_self()) }
    let seen = initialized.withLock { $0 }
    #expect(seen.count == 3)
    #expect(Set(seen).count == 3)
    #expect(Set(threads).isSubset(of: Set(seen)))
    #expect(!threads.contains(UInt(pthread_self())))
  }

  @Test("a throwing task names its index; the other tasks still run", .timeLimit(.minutes(1)))
  func throwingTask() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    #expect(throws: PoolError.taskThrew(index: 4, error: Boom(index: 4))) {
      try pool.map(0..<10, chunksize: 5) { i -> Int in
        if i == 4 { throw Boom(index: i) }
        return i
      }
    }
    let outcomes = Array(try pool.imap(0..<10, chunksize: 5) { i -> Int in
      if i == 4 { throw Boom(index: i) }
      return i
    })
    #expect(outcomes.enumerated().allSatisfy { index, outcome in index == 4 || (try? outcome.get()) == index })
  }

  @Test("applyAsync: get(timeout:) reports not ready, then the value", .timeLimit(.minutes(1)))
  func applyAsync() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let gate = try PipeGate()
    let handle = try pool.applyAsync { () -> String in
      gate.pass()
      return "done"
    }
    #expect(!handle.ready)
    #expect(handle.successful == nil)
    #expect(throws: PoolError.notReady(waited: .milliseconds(20))) { try handle.get(timeout: .milliseconds(20)) }
    gate.open()
    #expect(try handle.get() == "done")
    #expect(handle.successful == true)
    #expect(try pool.apply { 6 * 7 } == 42)
    #expect(try pool.starmap([(2, 3), (4, 5)]) { a, b in a * b } == [6, 20])
  }

  @Test("imap keeps workers a bounded distance ahead of the consumer", .timeLimit(.minutes(1)))
  func boundedImap() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let highest = Atomic<Int>(-1)
    var results = try pool.imap(0..<1_000_000) { i -> Int in
      highest.max(i, ordering: .relaxed)
      return i
    }
    #expect(try results.next()?.get() == 0)
    #expect(try results.next()?.get() == 1)
    // Window: 4 chunks per worker past the consumer, so nothing near the end of the input has started.
    #expect(highest.load(ordering: .relaxed) < 100)
  }

  @Test("dropping imap results stops their work at join", .timeLimit(.minutes(1)))
  func droppedImap() throws {
    let pool = try ThreadPool(workers: 2)
    let started = Atomic<Int>(0)
    do {
      var results = try pool.imap(0..<1_000_000) { i -> Int in
        started.add(1, ordering: .relaxed)
        return i
      }
      #expect(try results.next()?.get() == 0)
    }
    pool.join()
    #expect(started.load(ordering: .relaxed) < 1_000_000)
  }

  @Test("terminate() fails queued tasks (and calls their errorCallback), waits for running ones, joins threads",
    .timeLimit(.minutes(1)))
  func terminate() throws {
    let pool = try ThreadPool(workers: 1)
    let gate = try PipeGate()
    let started = try StartCounter()
    let running = try pool.applyAsync { () -> Int in
      started.started()
      gate.pass()
      return 1
    }
    try #require(started.wait(for: 1))  // the single worker is now inside the first task
    let queued = try pool.applyAsync { 2 }
    let delivered = Mutex<[Result<Int, PoolError>]>([])
    let queuedWithCallbacks = try pool.applyAsync(
      callback: { value in delivered.withLock { $0.append(.success(value)) } },
      errorCallback: { error in delivered.withLock { $0.append(.failure(error)) } }
    ) { 3 }
    let stopper = try ThreadPool(workers: 1)
    defer { stopper.join() }
    let stopping = try stopper.applyAsync { pool.terminate() }
    #expect(Deadline.wait { queued.ready })  // terminate() has failed the queued task
    gate.open()
    try stopping.get()
    #expect(try running.get() == 1)
    #expect(throws: PoolError.terminated(index: 0)) { try queued.get() }
    #expect(throws: PoolError.terminated(index: 0)) { try queuedWithCallbacks.get() }
    #expect(delivered.withLock { $0 } == [.failure(.terminated(index: 0))])  // once, before get returned
    #expect(throws: PoolError.closed) { try pool.map(0..<2) { $0 } }
  }

  @Test("bad sizes, a failing initializer and use after close give clear errors", .timeLimit(.minutes(1)))
  func badInput() throws {
    #expect(throws: PoolError.invalidArgument(name: "pool size", value: -1, requirement: "must be at least 1")) {
      try ThreadPool(workers: -1)
    }
    #expect(throws: PoolError.initializerFailed(description: "boom at 0")) {
      try ThreadPool(workers: 2) { throw Boom(index: 0) }
    }
    let pool = try ThreadPool(workers: 2)
    pool.close()
    pool.close()
    #expect(throws: PoolError.closed) { try pool.map(0..<2) { $0 } }
    pool.join()
  }

  @Test("200 pools created and joined leak no thread and no descriptor", .timeLimit(.minutes(1)))
  func noLeaks() throws {
    let threadsBefore = ProcFS.threads
    let descriptorsBefore = ProcFS.openDescriptors
    for round in 0..<200 {
      let sum = try withThreadPool(2) { pool in try pool.map(0..<8) { $0 + round }.reduce(0, +) }
      #expect(sum == 28 + 8 * round)
    }
    // The test runner's own threads come and go; 200 leaked pools would leave 400 threads.
    #expect(ProcFS.threads - threadsBefore < 10)
    #expect(ProcFS.openDescriptors - descriptorsBefore < 20)
  }
}
}
