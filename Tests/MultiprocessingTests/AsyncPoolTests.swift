import Glibc
import Multiprocessing
import Synchronization
import Testing

private struct Boom: Error, CustomStringConvertible {
  let index: Int
  var description: String { "boom at \(index)" }
}

private func seconds(since start: ContinuousClock.Instant) -> Double {
  let elapsed = start.duration(to: .now).components
  return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
}

extension AllPoolTests {
@Suite("Pools from async code")
struct AsyncPoolTests {
  @Test("ThreadPool: map, starmap of any arity and apply are awaited", .timeLimit(.minutes(1)))
  func threadPoolAwaited() async throws {
    let pool = try ThreadPool(workers: 2)
    let doubled = try await pool.map(0..<100) { $0 * 2 }
    #expect(doubled == (0..<100).map { $0 * 2 })
    let joined = try await pool.starmap([(1, "a", 2.5, true), (2, "b", 0.5, false)]) { n, s, x, flag in
      "\(s)\(Double(n) * x)\(flag)"
    }
    #expect(joined == ["a2.5true", "b1.0false"])
    #expect(try await pool.apply { 6 * 7 } == 42)
    let failure = await #expect(throws: PoolError.self) {
      try await pool.map(0..<10, chunksize: 1) { i -> Int in
        if i == 3 || i == 7 { throw Boom(index: i) }
        return i
      }
    }
    #expect(failure?.description == "task 3 threw: boom at 3")
    let empty: [Int] = try await pool.map([Int]()) { $0 }
    #expect(empty.isEmpty)
    pool.close()
    await #expect(throws: PoolError.closed) { try await pool.map(0..<3) { $0 } }
  }

  @Test("ThreadPool.starmap takes tuples of any length, blocking too", .timeLimit(.minutes(1)))
  func threadPoolStarmapArity() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    #expect(try pool.starmap([(1, 2)]) { $0 + $1 } == [3])
    #expect(try pool.starmap([(1, 2, 3)]) { $0 + $1 + $2 } == [6])
    #expect(try pool.starmap([(1, 2, 3, 4), (5, 6, 7, 8)]) { $0 * $1 * $2 * $3 } == [24, 1680])
    #expect(try pool.starmap([(1, "x", 2, "y", 3)]) { a, b, c, d, e in "\(a)\(b)\(c)\(d)\(e)" } == ["1x2y3"])
    let handle = try pool.starmapAsync([(2, 3, 4)]) { $0 * $1 * $2 }
    #expect(try handle.get() == [24])
  }

  @Test("cancelling an awaited ThreadPool map skips the tasks not started", .timeLimit(.minutes(1)))
  func threadPoolCancellation() async throws {
    let pool = try ThreadPool(workers: 2)
    let started = Atomic<Int>(0)
    let gate = Atomic<Bool>(false)
    let task = Task {
      try await pool.map(0..<1000, chunksize: 1) { i -> Int in
        started.add(1, ordering: .relaxed)
        while !gate.load(ordering: .acquiring) { sched_yield() }
        return i
      }
    }
    #expect(Deadline.wait { started.load(ordering: .relaxed) >= 2 })
    task.cancel()
    gate.store(true, ordering: .releasing)
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(started.load(ordering: .relaxed) < 1000)
    pool.join()
  }

  @Test("ProcessPool: map, starmap and apply are awaited", .timeLimit(.minutes(1)))
  func processPoolAwaited() async throws {
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    #expect(try await pool.map(0..<50) { $0 * $0 } == (0..<50).map { $0 * $0 })
    #expect(try await pool.starmap([(1, "a"), (2, "b")]) { n, s in String(repeating: s, count: n) } == ["a", "bb"])
    #expect(try await pool.apply { getpid() } != getpid())
    await #expect(throws: PoolError.taskFailed(index: 1, description: "boom at 1")) {
      try await pool.map(0..<4, chunksize: 1) { i -> Int in
        if i % 2 == 1 { throw Boom(index: i) }
        return i
      }
    }
    pool.join()
  }

  @Test("cancelling an awaited ProcessPool map kills its workers at once", .timeLimit(.minutes(1)))
  func processPoolCancellation() async throws {
    let marker = "/tmp/multiprocessing-async-cancel-\(getpid())"
    unlink(marker)
    defer { unlink(marker) }
    let start = ContinuousClock.now
    let task = Task { () async throws -> [Int] in
      let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
      return try await pool.map(0..<4, chunksize: 1) { i -> Int in
        close(open(marker, O_CREAT | O_WRONLY, 0o600))
        sleep(120)
        return i
      }
    }
    #expect(Deadline.wait { access(marker, F_OK) == 0 })
    task.cancel()
    await #expect(throws: CancellationError.self) { try await task.value }
    #expect(seconds(since: start) < 60)  // the tasks alone would take 240 s
    #expect(Deadline.wait(seconds: 10) { ProcFS.forkedChildren().isEmpty })
  }

  @Test("mapAsync returns at once; get, ready and successful report the whole map", .timeLimit(.minutes(1)))
  func mapResults() throws {
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    defer { pool.join() }
    let squares = try pool.mapAsync(0..<20, chunksize: 3) { $0 * $0 }
    #expect(squares.wait(timeout: .seconds(30)))
    #expect(squares.ready)
    #expect(squares.successful == true)
    #expect(try squares.get() == (0..<20).map { $0 * $0 })
    let failing = try pool.starmapAsync([(1, 0), (2, 1), (3, 0)]) { a, b -> Int in
      if b == 1 { throw Boom(index: a) }
      return a
    }
    #expect(throws: PoolError.taskFailed(index: 1, description: "boom at 2")) { try failing.get() }
    #expect(failing.successful == false)
    let threads = try ThreadPool(workers: 2)
    defer { threads.join() }
    #expect(try threads.mapAsync(["a", "bb"]) { $0.count }.get() == [1, 2])
    #expect(try threads.mapAsync([Int]()) { $0 }.get().isEmpty)
  }

  @Test("ThreadPool mapAsync calls its callback or errorCallback before get returns", .timeLimit(.minutes(1)))
  func completionCallbacks() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let delivered = Mutex<[Int]?>(nil)
    let failed = Mutex<PoolError?>(nil)
    let squares = try pool.mapAsync(
      0..<50, chunksize: 4, callback: { values in delivered.withLock { $0 = values } },
      errorCallback: { error in failed.withLock { $0 = error } }
    ) { $0 * $0 }
    #expect(try squares.get() == (0..<50).map { $0 * $0 })
    #expect(delivered.withLock { $0 } == (0..<50).map { $0 * $0 })
    #expect(failed.withLock { $0 } == nil)
    let failing = try pool.starmapAsync(
      [(1, 2), (3, 0), (5, 0)], callback: { _ in delivered.withLock { $0 = [] } },
      errorCallback: { error in failed.withLock { $0 = error } }
    ) { a, b -> Int in
      if b == 0 { throw Boom(index: a) }
      return a / b
    }
    let failure = #expect(throws: PoolError.self) { try failing.get() }
    #expect(failure?.description == "task 1 threw: boom at 3")
    #expect(failed.withLock { $0 }?.description == "task 1 threw: boom at 3")
    #expect(delivered.withLock { $0 } != [])
  }

  @Test("imap results as an AsyncSequence, in order, for both pools", .timeLimit(.minutes(1)))
  func asyncSequences() async throws {
    let threads = try ThreadPool(workers: 2)
    var seen: [Int] = []
    let incremented = try threads.imap(0..<30) { $0 + 1 }.async
    for try await result in incremented { seen.append(try result.get()) }
    #expect(seen == Array(1...30))
    threads.join()
    let processes = try ProcessPool(workers: 2, whenThreaded: .fork)
    var squares: [Int] = []
    let lazySquares = try processes.imap(0..<30, chunksize: 4) { $0 * $0 }.async
    for try await result in lazySquares { squares.append(try result.get()) }
    #expect(squares == (0..<30).map { $0 * $0 })
    let handle = try processes.applyAsync { "worker" }
    #expect(try await handle.value == "worker")
    processes.join()
  }
}
}
