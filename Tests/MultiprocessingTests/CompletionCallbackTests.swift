import Glibc
@testable import Multiprocessing
import Synchronization
import Testing

// `applyAsync(callback:errorCallback:)`, Python's `apply_async(func, callback=, error_callback=)`, and the same
// for `ProcessPool.mapAsync` (`ThreadPool.mapAsync`'s are in AsyncPoolTests.swift): exactly one of the two runs,
// before `get()`/`wait()` return, whatever ended the tasks. CPython's own tests of them are ported in
// CPythonPoolTests+Workers.swift (test_async_error_callback, test_unpickleable_result) and
// CPythonPoolTests+MapAsync.swift (test_map_async_callbacks).

/// What the callbacks of one `applyAsync` saw, in the order they ran (a thread may call them).
private final class Calls<Output: Sendable>: Sendable {
  enum Call: Sendable {
    case value(Output)
    case error(PoolError)
  }
  private let seen = Mutex<[Call]>([])

  var all: [Call] { seen.withLock { $0 } }
  var callback: @Sendable (Output) -> Void { { value in self.seen.withLock { $0.append(.value(value)) } } }
  var errorCallback: @Sendable (PoolError) -> Void { { error in self.seen.withLock { $0.append(.error(error)) } } }

  /// The one value delivered, if exactly one call came and it was the callback's.
  var onlyValue: Output? {
    let calls = all
    guard calls.count == 1, case .value(let value) = calls[0] else { return nil }
    return value
  }

  /// The one error delivered, if exactly one call came and it was the error callback's.
  var onlyError: PoolError? {
    let calls = all
    guard calls.count == 1, case .error(let error) = calls[0] else { return nil }
    return error
  }
}

extension AllPoolTests {
@Suite("Completion callbacks")
struct CompletionCallbackTests {
  @Test("ThreadPool: the callback has run when wait() returns, once, with the value", .timeLimit(.minutes(1)))
  func threadPoolValue() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let calls = Calls<Int>()
    let result = try pool.applyAsync(callback: calls.callback, errorCallback: calls.errorCallback) { sqr(7) }
    #expect(result.wait(timeout: .seconds(30)))
    #expect(calls.onlyValue == 49)  // read right after wait: no polling
    #expect(try result.get() == 49)
    #expect(result.ready && result.successful == true)
    pool.close()
    pool.join()
    #expect(calls.all.count == 1)
  }

  @Test("ThreadPool: the errorCallback gets the PoolError get() throws", .timeLimit(.minutes(1)))
  func threadPoolError() throws {
    let pool = try ThreadPool(workers: 2)
    defer { pool.join() }
    let calls = Calls<Int>()
    let result = try pool.applyAsync(callback: calls.callback, errorCallback: calls.errorCallback) {
      () throws -> Int in throw NotCodable()
    }
    let thrown = #expect(throws: PoolError.self) { try result.get(timeout: .seconds(30)) }
    let delivered = calls.onlyError
    #expect(delivered != nil)
    #expect(delivered == thrown)
    #expect(delivered?.taskError is NotCodable)
    #expect(result.successful == false)
  }

  @Test("ThreadPool: only the callback given runs; none given changes nothing", .timeLimit(.minutes(1)))
  func threadPoolOneSided() throws {
    let pool = try ThreadPool(workers: 1)
    defer { pool.join() }
    let calls = Calls<Int>()
    let failing = try pool.applyAsync(callback: calls.callback) { () throws -> Int in throw NotCodable() }
    #expect(throws: PoolError.self) { try failing.get(timeout: .seconds(30)) }
    let succeeding = try pool.applyAsync(errorCallback: calls.errorCallback) { 5 }
    #expect(try succeeding.get(timeout: .seconds(30)) == 5)
    #expect(calls.all.isEmpty)
    // Trailing-closure and parenthesised calls keep compiling and meaning what they did.
    #expect(try pool.applyAsync { 6 }.get(timeout: .seconds(30)) == 6)
    #expect(try pool.applyAsync({ 7 }).get(timeout: .seconds(30)) == 7)
  }

  // ThreadPoolTests.terminate checks the errorCallback of a task that terminate() failed before it ran.

  @Test("ThreadPool: a callback may submit more work to its pool", .timeLimit(.minutes(1)))
  func threadPoolChained() throws {
    let pool = try ThreadPool(workers: 2)
    let followed = Mutex<Int?>(nil)
    let first = try pool.applyAsync(callback: { value in
      _ = try? pool.applyAsync { followed.withLock { $0 = value + 1 } }
    }) { 41 }
    #expect(try first.get(timeout: .seconds(30)) == 41)
    // The follow-up was queued before get returned, so before close: join runs it.
    pool.close()
    pool.join()
    #expect(followed.withLock { $0 } == 42)
  }

  @Test("ProcessPool: the callback has run when get() returns, once, with the value", .timeLimit(.minutes(1)))
  func processPoolValue() throws {
    let pool = try processPool(2)
    defer { pool.join() }
    let calls = Calls<String>()
    let result = try pool.applyAsync(callback: calls.callback, errorCallback: calls.errorCallback) {
      "from \(getpid())"
    }
    let value = try result.get(timeout: .seconds(30))
    #expect(value != "from \(getpid())")
    #expect(calls.onlyValue == value)
    #expect(result.wait(timeout: .seconds(30)) && result.successful == true)
    pool.join()
    #expect(calls.all.count == 1)
  }

  @Test("ProcessPool: join() runs the callbacks of handles nobody waited on", .timeLimit(.minutes(1)))
  func processPoolJoinDelivers() throws {
    let pool = try processPool(2)
    let calls = Calls<Int>()
    let results = try (0..<6).map { i in
      try pool.applyAsync(callback: calls.callback, errorCallback: calls.errorCallback) { () throws -> Int in
        if i == 3 { throw SayWhenError(message: "three") }
        return sqr(i)
      }
    }
    pool.close()
    pool.join()
    let seen = calls.all
    #expect(seen.count == 6)
    var values: [Int] = []
    var errors: [PoolError] = []
    for call in seen {
      switch call {
      case .value(let value): values.append(value)
      case .error(let error): errors.append(error)
      }
    }
    #expect(values.sorted() == [0, 1, 4, 16, 25])
    #expect(errors.count == 1)
    #expect(errors.first?.description.contains("three") == true)
    // Collecting the results afterwards calls nothing again.
    for result in results { _ = try? result.get(timeout: .seconds(30)) }
    #expect(calls.all.count == 6)
  }

  @Test("ProcessPool: terminate() calls the errorCallback of a running task, before get()",
    .timeLimit(.minutes(1)))
  func processPoolTerminated() throws {
    let pool = try processPool(1)
    let gate = try PipeGate()
    let started = try StartCounter()
    let calls = Calls<Int>()
    let result = try pool.applyAsync(callback: calls.callback, errorCallback: calls.errorCallback) { () -> Int in
      started.started()
      gate.pass()
      return 1
    }
    #expect(!result.ready)  // drives the pool once: the worker is forked
    try #require(started.wait(for: 1))
    pool.terminate()
    gate.open()
    #expect(calls.onlyError == .terminated(index: 0))
    #expect(throws: PoolError.terminated(index: 0)) { try result.get(timeout: .seconds(30)) }
    #expect(calls.all.count == 1)
  }

  @Test("ProcessPool: a worker's death reaches the errorCallback as workerDied", .timeLimit(.minutes(1)))
  func processPoolWorkerDied() throws {
    let pool = try processPool(1)
    defer { pool.join() }
    let calls = Calls<Int>()
    let result = try pool.applyAsync(callback: calls.callback, errorCallback: calls.errorCallback) { () -> Int in
      kill(getpid(), SIGKILL)
      return 1
    }
    let thrown = #expect(throws: PoolError.self) { try result.get(timeout: .seconds(30)) }
    guard case .workerDied(index: 0, _) = thrown else {
      Issue.record("expected workerDied, got \(String(describing: thrown))")
      return
    }
    #expect(calls.onlyError == thrown)
  }

  @Test("ProcessPool: a callback may submit more work; it runs when the pool is next waited on",
    .timeLimit(.minutes(1)))
  func processPoolChained() throws {
    let pool = try processPool(2)
    defer { pool.join() }
    final class Holder { var next: AsyncResult<Int>? }
    let holder = Holder()
    let first = try pool.applyAsync(callback: { value in holder.next = try? pool.applyAsync { value + 1 } }) { 41 }
    #expect(try first.get(timeout: .seconds(30)) == 41)
    let next = try #require(holder.next)
    #expect(try next.get(timeout: .seconds(30)) == 42)
    // Parenthesised and trailing closures without callbacks are unchanged.
    #expect(try pool.applyAsync({ 7 }).get(timeout: .seconds(30)) == 7)
  }

  @Test("ProcessPool mapAsync: the callback has the values in order when get() returns, once",
    .timeLimit(.minutes(1)))
  func processPoolMapValues() throws {
    let pool = try processPool(3)
    defer { pool.join() }
    let calls = Calls<[Int]>()
    let squares = try pool.mapAsync(
      0..<200, chunksize: 7, callback: calls.callback, errorCallback: calls.errorCallback, sqr)
    #expect(try squares.get(timeout: .seconds(30)) == (0..<200).map(sqr))
    #expect(calls.onlyValue == (0..<200).map(sqr))
    let words = Calls<[String]>()
    let strings = try pool.starmapAsync(
      [(1, "a"), (2, "b")], callback: words.callback, errorCallback: words.errorCallback
    ) { n, s in String(repeating: s, count: n) }
    #expect(strings.wait(timeout: .seconds(30)))
    #expect(words.onlyValue == ["a", "bb"])
    #expect(try strings.get() == ["a", "bb"])
    // `ready` alone drives the pool to the end, and the callback runs.
    let polled = Calls<[Int]>()
    let cubes = try pool.mapAsync(0..<30, callback: polled.callback) { $0 * $0 * $0 }
    #expect(Deadline.wait { cubes.ready })
    #expect(polled.onlyValue == (0..<30).map { $0 * $0 * $0 })
    pool.join()
    #expect(calls.all.count == 1 && words.all.count == 1 && polled.all.count == 1)
  }

  @Test("ProcessPool mapAsync: the errorCallback gets the lowest-numbered task's error", .timeLimit(.minutes(1)))
  func processPoolMapError() throws {
    let pool = try processPool(2)
    defer { pool.join() }
    let calls = Calls<[Int]>()
    let failing = try pool.mapAsync(
      0..<20, chunksize: 1, callback: calls.callback, errorCallback: calls.errorCallback
    ) { i throws -> Int in
      if i == 5 || i == 12 { throw SayWhenError(message: "at \(i)") }
      return i
    }
    let thrown = #expect(throws: PoolError.self) { try failing.get(timeout: .seconds(30)) }
    #expect(calls.onlyError == thrown)
    #expect(thrown?.description.contains("at 5") == true)
  }

  @Test("ProcessPool mapAsync: join(), a wait on another handle or terminate() calls the callbacks",
    .timeLimit(.minutes(1)))
  func processPoolMapDriven() throws {
    let pool = try processPool(2)
    let joined = Calls<[Int]>()
    let first = try pool.mapAsync(0..<50, callback: joined.callback, errorCallback: joined.errorCallback, sqr)
    // A wait that gave up halfway leaves the callback to whoever drives the pool to the end.
    _ = try? first.get(timeout: .zero)
    let other = try pool.applyAsync { 1 }
    #expect(try other.get(timeout: .seconds(30)) == 1)
    pool.close()
    pool.join()
    #expect(joined.onlyValue == (0..<50).map(sqr))
    #expect(try first.get(timeout: .seconds(30)) == (0..<50).map(sqr))
    #expect(joined.all.count == 1)

    let stopped = try processPool(1)
    let gate = try PipeGate()
    let started = try StartCounter()
    let terminated = Calls<[Int]>()
    let held = try stopped.mapAsync(
      0..<4, chunksize: 1, callback: terminated.callback, errorCallback: terminated.errorCallback
    ) { i -> Int in
      started.started()
      gate.pass()
      return i
    }
    #expect(!held.ready)  // forks the worker
    try #require(started.wait(for: 1))
    stopped.terminate()
    gate.open()
    #expect(terminated.onlyError == .terminated(index: 0))
    #expect(throws: PoolError.terminated(index: 0)) { try held.get(timeout: .seconds(30)) }
  }

  @Test("ProcessPool mapAsync over an empty input calls the callback with [] at once", .timeLimit(.minutes(1)))
  func processPoolMapEmpty() throws {
    let pool = try processPool(2)
    defer { pool.join() }
    let calls = Calls<[Int]>()
    let empty = try pool.mapAsync([Int](), callback: calls.callback, errorCallback: calls.errorCallback, sqr)
    #expect(calls.onlyValue == [])
    #expect(try empty.get() == [])
    #expect(calls.all.count == 1)
    // No callbacks: unchanged.
    #expect(try pool.mapAsync([3], sqr).get(timeout: .seconds(30)) == [9])
  }

  @Test("ProcessPool: a batch that can fork no worker calls its errorCallback at submission",
    .timeLimit(.minutes(1)))
  func processPoolForkFails() throws {
    let pool = try processPool(1)
    defer { pool.join() }
    PoolTestHooks.forkError = EAGAIN
    defer { PoolTestHooks.forkError = 0 }
    let applied = Calls<Int>()
    let single = try pool.applyAsync(callback: applied.callback, errorCallback: applied.errorCallback) { 1 }
    let mapped = Calls<[Int]>()
    let many = try pool.mapAsync(0..<10, callback: mapped.callback, errorCallback: mapped.errorCallback, sqr)
    // Nothing waited yet: the failure is known at submission, and so are the callbacks' calls.
    #expect(applied.onlyError == .system(call: "fork", errno: EAGAIN))
    #expect(mapped.onlyError == .system(call: "fork", errno: EAGAIN))
    #expect(throws: PoolError.system(call: "fork", errno: EAGAIN)) { try single.get(timeout: .seconds(30)) }
    #expect(throws: PoolError.system(call: "fork", errno: EAGAIN)) { try many.get(timeout: .seconds(30)) }
    #expect(applied.all.count == 1 && mapped.all.count == 1)
    PoolTestHooks.forkError = 0
    #expect(try pool.applyAsync { 2 }.get(timeout: .seconds(30)) == 2)  // the pool goes on
  }
}
}
