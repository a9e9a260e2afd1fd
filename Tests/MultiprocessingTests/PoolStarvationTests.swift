import Glibc
@testable import Multiprocessing
import Testing

extension AllPoolTests {
/// A batch waiting for a worker slot held by an imap's workers at their window: the slot must come free however
/// late those workers get to park (the driver used to ask only workers already parked when it looked, once).
@Suite("Pool starvation")
struct PoolStarvationTests {
  /// Pools and results of a test whose pool wedged: kept alive (never terminated) so that the thread still
  /// blocked in the pool is not raced by a cleanup; the test has failed already.
  nonisolated(unsafe) static var wedged: [Any] = []

  @Test(
    "a map submitted behind an unread imap whose workers park late gets workers, and the imap goes on",
    .timeLimit(.minutes(1)))
  func mapBehindLateParkingImap() throws {
    // Each imap worker sends its results, then waits 300 ms before it parks: on a loaded machine a worker
    // descheduled at that instant let the driver look (no worker parked yet), poll for pipe data that never came,
    // and wait forever (PoolContractTests.mapBehindParkedImap hung in 1 of 12 and 1 of 67 runs beside two busy loops).
    PoolTestHooks.delayBeforeParking = 300_000
    defer { PoolTestHooks.delayBeforeParking = 0 }
    let pool = try ProcessPool(workers: 2, whenThreaded: .fork)
    // Tasks of 2 ms: the window (64 tasks) is not full before the second worker is forked, so the imap holds both
    // slots (with instant tasks the first worker may fill the window alone and leave the map a free slot).
    var results = try pool.imap(0..<200) { (index: Int) -> Int in
      usleep(2_000)
      return index
    }
    #expect(try results.next()?.get() == 0)
    PoolTestHooks.delayBeforeParking = 0  // only the imap's first workers park late
    final class Box: @unchecked Sendable { var squares: [Int]? }  // written by the helper thread before it ends
    let box = Box()
    let ended = finishes(within: .seconds(30)) { box.squares = try? pool.map(0..<6, chunksize: 1) { $0 * $0 } }
    #expect(ended, "the map got no worker in 30 s")
    guard ended else {
      Self.wedged.append(pool)
      Self.wedged.append(results)
      return
    }
    defer { pool.terminate() }
    #expect(box.squares == [0, 1, 4, 9, 16, 25])
    #expect(Array(results).compactMap { try? $0.get() } == Array(1..<200))
  }
}
}
