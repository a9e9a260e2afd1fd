import Glibc
import Multiprocessing
import Testing

// CPython's tests of pool workers (_TestPoolWorkerErrors, _TestPoolWorkerLifetime, TestInitializers,
// TestPoolNotLeakOnFailure), ported to our pools: the same suite as CPythonPoolTests.swift.

extension AllPoolTests.CPythonPoolTests {
  // _TestPoolWorkerErrors

  /// CPython's errback stores the exception in a scratchpad; once `get()` raised, the scratchpad holds it. Ours
  /// gets the `PoolError` that `get()` throws: the description for a `ProcessPool` (errors cross the process
  /// boundary as text), the thrown error itself for a `ThreadPool`.
  @Test("_TestPoolWorkerErrors.test_async_error_callback: the error reaches get() and the errback",
    .timeLimit(.minutes(1)))
  func test_async_error_callback() throws {
    struct KeyError: Error {}
    final class Scratchpad: @unchecked Sendable {  // written by the callback before get() returns, read after
      var error: PoolError?
    }
    let pool = try processPool(2)
    defer { pool.join() }
    let scratchpad = Scratchpad()
    let result = try pool.applyAsync(errorCallback: { scratchpad.error = $0 }) { () throws -> Int in
      throw NotCodable()
    }
    #expect(throws: PoolError.taskFailed(index: 0, description: "key error")) { try result.get() }
    #expect(scratchpad.error == .taskFailed(index: 0, description: "key error"))
    #expect(result.successful == false)
    let threads = try ThreadPool(workers: 2)
    defer { threads.join() }
    let threadScratchpad = Scratchpad()
    let threadResult = try threads.applyAsync(errorCallback: { threadScratchpad.error = $0 }) { () throws -> Int in
      throw KeyError()
    }
    #expect(throws: PoolError.self) { try threadResult.get() }
    #expect(threadScratchpad.error?.taskError is KeyError)
  }

  @Test("_TestPoolWorkerErrors.test_unpickleable_result: reported, and the pool goes on",
    .timeLimit(.minutes(1)))
  func test_unpickleable_result() throws {
    struct Unpickleable: Codable {
      init() {}
      init(from decoder: any Decoder) throws { self.init() }
      func encode(to encoder: any Encoder) throws {
        throw EncodingError.invalidValue(0, .init(codingPath: [], debugDescription: "cannot pickle"))
      }
    }
    let pool = try processPool(2)
    defer { pool.join() }
    for _ in 0..<20 {
      var scratchpad: PoolError?
      let result = try pool.applyAsync(errorCallback: { scratchpad = $0 }) { Unpickleable() }
      do {
        _ = try result.get(timeout: .seconds(30))
        Issue.record("get should have thrown")
      } catch {
        guard case .encoding(let index, let description) = error else {
          Issue.record("unexpected \(error)")
          continue
        }
        #expect(index == 0)
        #expect(description.contains("cannot pickle"))
        #expect(scratchpad == error)  // the errback got the wrapped encoding error first
      }
    }
  }

  // _TestPoolWorkerLifetime

  @Test("_TestPoolWorkerLifetime.test_pool_worker_lifetime", .timeLimit(.minutes(1)))
  func test_pool_worker_lifetime() throws {
    let pool = try processPool(3, maxTasksPerChild: 10)
    defer { pool.join() }
    let results = try (0..<100).map { i in try pool.applyAsync { [sqr(i), Int(getpid())] } }
    var perWorker: [Int: Int] = [:]
    for (j, result) in results.enumerated() {
      let got = try result.get(timeout: .seconds(30))
      #expect(got[0] == sqr(j))
      perWorker[got[1], default: 0] += 1
    }
    // Workers were replaced: more than the 3 original ones ran, none more than 10 tasks.
    #expect(perWorker.count > 3)
    #expect(perWorker.values.allSatisfy { $0 <= 10 })
  }

  @Test("_TestPoolWorkerLifetime.test_pool_worker_lifetime_early_close", .timeLimit(.minutes(1)))
  func test_pool_worker_lifetime_early_close() throws {
    let pool = try processPool(3, maxTasksPerChild: 1)
    let results = try (0..<6).map { i in
      try pool.applyAsync { () -> Int in
        usleep(300_000)
        return sqr(i)
      }
    }
    pool.close()
    pool.join()
    for (j, result) in results.enumerated() { #expect(try result.get(timeout: .seconds(30)) == sqr(j)) }
  }

  @Test("_TestPoolWorkerLifetime.test_pool_maxtasksperchild_invalid", .timeLimit(.minutes(1)))
  func test_pool_maxtasksperchild_invalid() throws {
    for invalid in [0, -1] {
      #expect(
        throws: PoolError.invalidArgument(name: "maxTasksPerChild", value: invalid, requirement: "must be at least 1")
      ) { try ProcessPool(workers: 3, maxTasksPerChild: invalid) }
    }
  }

  // TestInitializers

  @Test("TestInitializers.test_pool_initializer", .timeLimit(.minutes(1)))
  func test_pool_initializer() throws {
    // CPython starts workers with the pool; ours start at the first submission, so one task is submitted.
    var ends: [Int32] = [-1, -1]
    try #require(pipe(&ends) == 0)
    defer { close(ends[0]) }
    let pool = try processPool(1) {
      var byte: UInt8 = 1
      _ = write(ends[1], &byte, 1)
    }
    _ = try pool.apply { 0 }
    pool.close()
    pool.join()
    close(ends[1])
    var byte: UInt8 = 0
    #expect(read(ends[0], &byte, 1) == 1)
    #expect(byte == 1)
    #expect(read(ends[0], &byte, 1) == 0)  // exactly once: one worker ran one initializer
  }

  // TestPoolNotLeakOnFailure

  @Test("TestPoolNotLeakOnFailure.test_release_unused_processes: a failed start leaves no process",
    .timeLimit(.minutes(1)))
  func test_release_unused_processes() throws {
    // CPython makes the third Process.start() fail; here every worker's initializer fails instead.
    let pool = try processPool(5) { throw SayWhenError(message: "manually induced") }
    #expect(throws: PoolError.initializerFailed(description: "SayWhenError(message: \"manually induced\")")) {
      try pool.map(0..<10, sqr)
    }
    pool.close()
    pool.join()
    #expect(ProcFS.forkedChildren().isEmpty)
  }
}
