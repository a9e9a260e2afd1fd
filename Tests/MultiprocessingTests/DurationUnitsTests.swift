import Glibc
import Testing

@testable import Multiprocessing

extension AllPoolTests {
/// The conversions behind every timeout the pools take: a huge `Duration` saturates instead of trapping on
/// arithmetic overflow (CPythonPoolTests.test_async_timeout_huge goes through the pools).
@Suite("Durations as system-call units")
struct DurationUnitsTests {
  @Test("milliseconds and nanoseconds round up and saturate")
  func conversions() {
    #expect(Duration.milliseconds(1500).saturatingMilliseconds == 1500)
    #expect(Duration.nanoseconds(1).saturatingMilliseconds == 1)  // a wait never ends early
    #expect(Duration.seconds(2).saturatingNanoseconds == 2_000_000_000)
    #expect(Duration.zero.saturatingMilliseconds == 0)
    #expect(Duration.seconds(Int64.max).saturatingMilliseconds == Int.max)
    #expect(Duration.seconds(Int64.max).saturatingNanoseconds == Int.max)
    #expect(Duration.seconds(Int64.min).saturatingNanoseconds == Int.min)
    #expect(Duration.milliseconds(-5).saturatingMilliseconds == -5)
  }

  /// A ThreadPool's wait with a timeout is a condition wait to a deadline: one centuries away trapped in the
  /// `timespec` arithmetic before it slept. It must sleep until woken.
  @Test("a condition wait with a deadline centuries away sleeps until a broadcast", .timeLimit(.minutes(1)))
  func farDeadline() throws {
    let condition = Condition()
    let host = try ThreadPool(workers: 1)
    defer { host.join() }
    let waited = try host.applyAsync { () -> Bool in
      condition.withLock { condition.wait(until: .now + .seconds(Int64.max)) }
    }
    #expect(Deadline.wait {
      condition.broadcast()
      return waited.ready
    })
    #expect(try waited.get(timeout: .seconds(5)))
  }

  /// The pool looks at a running task's start time to know when to check its timeout next: with a taskTimeout of
  /// Int64.max seconds, start + limit - now overflowed and trapped, but only while a task was running at that
  /// instant (CPythonPoolTests.test_async_timeout_huge trapped now and then). Here a task is held running.
  @Test("a huge task timeout with a task running waits, it does not trap", .timeLimit(.minutes(1)),
    arguments: [Duration.seconds(Int64.max), .seconds(Int64.max / 2), .nanoseconds(Int64.max)])
  func hugeTaskTimeoutWhileRunning(timeout: Duration) throws {
    let gate = try PipeGate()
    let started = try StartCounter()
    let pool = try ProcessPool(workers: 1, taskTimeout: timeout, whenThreaded: .fork)
    defer { pool.join() }
    let result = try pool.applyAsync { () -> Int in
      started.started()
      gate.pass()
      return 7
    }
    #expect(!result.ready)  // forks the worker
    try #require(started.wait(for: 1))
    // The task is running: each wait below computes when its timeout is due.
    #expect(throws: PoolError.notReady(waited: .milliseconds(20))) { try result.get(timeout: .milliseconds(20)) }
    #expect(!result.ready)
    gate.open()
    #expect(try result.get(timeout: .seconds(30)) == 7)
  }
}
}
