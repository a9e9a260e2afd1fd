import Glibc
import Multiprocessing
import Synchronization
import Testing

// CPython's _TestPool tests of map_async, starmap_async and their callbacks, and test_terminate with the
// map_async result it leaves behind, ported to both pools (see CPythonPoolTests.swift for the others).

private func mul(_ x: Int, _ y: Int) -> Int { x * y }

extension AllPoolTests.CPythonPoolTests {
  @Test("_TestPool.test_starmap_async", .timeLimit(.minutes(1)))
  func test_starmap_async() throws {
    let tuples = Array(zip(0..<100, (0..<100).reversed()))
    let expected = tuples.map(mul)
    let pool = try processPool(4)
    defer { pool.join() }
    #expect(try pool.starmapAsync(tuples, mul).get(timeout: .seconds(30)) == expected)
    let threads = try ThreadPool(workers: 4)
    defer { threads.join() }
    #expect(try threads.starmapAsync(tuples, mul).get(timeout: .seconds(30)) == expected)
  }

  @Test("_TestPool.test_map_async", .timeLimit(.minutes(1)))
  func test_map_async() throws {
    let pool = try processPool(4)
    defer { pool.join() }
    #expect(try pool.mapAsync(Array(0..<10), sqr).get(timeout: .seconds(30)) == (0..<10).map(sqr))
    let threads = try ThreadPool(workers: 4)
    defer { threads.join() }
    #expect(try threads.mapAsync(Array(0..<10), sqr).get(timeout: .seconds(30)) == (0..<10).map(sqr))
  }

  /// CPython's callbacks are `int` over `['1']` and `['a']`; ours parse the same strings. A `ThreadPool` calls
  /// them from a thread of its own (as CPython's result handler); a `ProcessPool` starts no thread, so it calls
  /// them on the thread that waits, before `wait()` returns: the same promise to the caller.
  @Test("_TestPool.test_map_async_callbacks", .timeLimit(.minutes(1)), arguments: [false, true])
  func test_map_async_callbacks(processes: Bool) throws {
    struct NotANumber: Error, CustomStringConvertible {
      let text: String
      var description: String { "invalid literal for Int: '\(text)'" }
    }
    enum Call: Sendable {
      case values([Int])
      case error(PoolError)
    }
    let calls = Mutex<[Call]>([])
    let parse: @Sendable (String) throws -> Int = { text in
      guard let number = Int(text) else { throw NotANumber(text: text) }
      return number
    }
    let callback: @Sendable ([Int]) -> Void = { values in calls.withLock { $0 += [.values(values)] } }
    let errorCallback: @Sendable (PoolError) -> Void = { error in calls.withLock { $0 += [.error(error)] } }
    let threads = try ThreadPool(workers: 4)
    defer { threads.join() }
    let pool = try processPool(4)
    defer { pool.join() }
    func mapAsync(_ input: [String]) throws -> MapResult<Int> {
      processes
        ? try pool.mapAsync(input, callback: callback, errorCallback: errorCallback, parse)
        : try threads.mapAsync(input, callback: callback, errorCallback: errorCallback, parse)
    }
    #expect(try mapAsync(["1"]).wait(timeout: .seconds(30)))
    var seen = calls.withLock { $0 }
    #expect(seen.count == 1)
    if case .values(let values) = seen.first { #expect(values == [1]) } else { Issue.record("no callback: \(seen)") }
    #expect(try mapAsync(["a"]).wait(timeout: .seconds(30)))
    seen = calls.withLock { $0 }
    #expect(seen.count == 2)
    if case .error(let error) = seen.last, seen.count == 2 {
      // A ProcessPool's error crosses the process boundary as its description (NotANumber is not Codable).
      let expected = PoolError.taskFailed(index: 0, description: "invalid literal for Int: 'a'")
      #expect(processes ? error == expected : error.taskError is NotANumber)
    } else {
      Issue.record("no error callback: \(seen)")
    }
  }

  /// CPython's test_terminate only asserts that terminate() and join() return; its map_async result is never
  /// set (its get() would wait forever). Ours must settle too: every task that did not finish fails with
  /// `PoolError.terminated`, and `get` says so at once.
  @Test("_TestPool.test_terminate: the map_async result settles as terminated (ProcessPool)",
    .timeLimit(.minutes(1)))
  func test_terminate_map_async() throws {
    let gate = try PipeGate()
    let starts = try StartCounter()
    let pool = try processPool(3)
    let result = try pool.mapAsync(Array(0..<10_000), chunksize: 1) { _ -> Int in
      starts.started()
      gate.pass()  // "forever": the gate opens only when the test ends
      return 0
    }
    #expect(!result.ready)  // drives the pool: the workers start
    try #require(starts.wait(for: 3), "the workers never started")
    pool.terminate()
    pool.join()
    #expect(ProcFS.forkedChildren().isEmpty)
    #expect(result.ready)
    #expect(result.successful == false)
    do {
      _ = try result.get(timeout: .seconds(5))
      Issue.record("get() should have thrown")
    } catch {
      if case .terminated = error {} else { Issue.record("expected terminated, got \(error)") }
    }
    gate.open()
  }

  /// The thread variant: threads cannot be killed, so terminate() waits for the running tasks (CPython's test
  /// sleeps 1 s in each for that reason); the queued ones fail with `PoolError.terminated` and the result settles.
  @Test("_TestPool.test_terminate: the map_async result settles as terminated (ThreadPool)",
    .timeLimit(.minutes(1)))
  func test_terminate_map_async_threads() throws {
    let gate = try PipeGate()
    let starts = try StartCounter()
    let pool = try ThreadPool(workers: 3)
    let result = try pool.mapAsync(Array(0..<10_000), chunksize: 1) { _ -> Int in
      starts.started()
      gate.pass()
      return 0
    }
    try #require(starts.wait(for: 3), "the threads never started")
    let queued = try pool.applyAsync { 1 }  // behind the 9,997 tasks not started
    let stopper = try ThreadPool(workers: 1)
    defer { stopper.join() }
    let stopping = try stopper.applyAsync { pool.terminate() }
    #expect(Deadline.wait { queued.ready }, "terminate() did not fail the queued tasks")
    gate.open()
    #expect(stopping.wait(timeout: .seconds(30)), "terminate() did not return")
    #expect(result.wait(timeout: .seconds(30)), "the map_async result never settled")
    do {
      _ = try result.get(timeout: .zero)
      Issue.record("get() should have thrown")
    } catch {
      if case .terminated(let index) = error {
        #expect(index >= 3)
      } else {
        Issue.record("expected terminated, got \(error)")
      }
    }
    #expect(throws: PoolError.closed) { try pool.mapAsync([1], sqr) }
  }
}
