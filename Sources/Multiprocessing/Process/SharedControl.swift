internal import SystemCalls
import Glibc
import Synchronization

/// A small block of memory shared by the parent and the workers of one batch (`MAP_SHARED | MAP_ANONYMOUS`,
/// mapped before the fork so every worker sees the same pages).
///
/// It holds the work queue (the next chunk to claim, the imap window, a stop flag), the futex word parked
/// workers sleep on, one slot per worker saying which task it runs since when (so the parent blames the right
/// task when a worker dies and kills a worker whose task overruns its timeout), and a ledger saying which
/// worker claimed each chunk (so the parent knows which finished-but-unsent tasks a dead worker took with it).
/// Every field is an `Atomic<Int>`.
final class SharedControl {
  private let base: UnsafeMutablePointer<Atomic<Int>>
  private let fields: Int
  /// Ledger entries: chunk `c` is recorded at `c % ledgerSize`.
  let ledgerSize: Int
  private let slots: Int
  private enum Field: Int { case nextChunk, window, stop, generation, waiters, yield, spill }
  private static let header = 7

  init(slots: Int, ledgerSize: Int) throws(PoolError) {
    self.slots = slots
    self.ledgerSize = max(1, ledgerSize)
    fields = Self.header + 2 * slots + self.ledgerSize
    let bytes = fields * MemoryLayout<Atomic<Int>>.stride
    guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
      memory != MAP_FAILED
    else { throw .system(call: "mmap", errno: errno) }
    base = memory.bindMemory(to: Atomic<Int>.self, capacity: fields)
    // Fresh anonymous pages are zero, which is what every field starts as (an empty ledger entry is 0).
    for slot in 0..<slots { setTask(slot: slot, -1) }
    field(.window).pointee.store(Int.max, ordering: .relaxed)
  }

  deinit { munmap(UnsafeMutableRawPointer(base), fields * MemoryLayout<Atomic<Int>>.stride) }

  private func field(_ name: Field) -> UnsafeMutablePointer<Atomic<Int>> { base + name.rawValue }

  // MARK: The queue

  /// What a worker's attempt to claim a chunk gave.
  enum Claim: Equatable {
    /// This chunk is the worker's to run.
    case chunk(Int)
    /// The next chunk lies past the window: park until the consumer moves it.
    case blocked
    /// No chunk below the worker's limit is left: its work is done.
    case exhausted
  }

  /// Claims the next chunk below `limit` and the window, recording `slot` as its owner in the ledger in the
  /// same atomic step (a worker killed at any instant leaves no chunk claimed by nobody).
  func claim(slot: Int, limit: Int) -> Claim {
    let next = field(.nextChunk)
    while true {
      let chunk = next.pointee.load(ordering: .sequentiallyConsistent)
      if chunk >= limit { return .exhausted }
      if chunk >= field(.window).pointee.load(ordering: .sequentiallyConsistent) { return .blocked }
      let entry = ledger(chunk)
      let seen = entry.pointee.load(ordering: .sequentiallyConsistent)
      let seenChunk = (seen >> 16) - 1
      if seenChunk >= chunk {
        // Someone claimed it already (or `chunk` was stale): help the counter along and look again.
        _ = next.pointee.compareExchange(expected: chunk, desired: chunk + 1, ordering: .sequentiallyConsistent)
        continue
      }
      let mine = ((chunk + 1) << 16) | (slot + 1)
      if entry.pointee.compareExchange(expected: seen, desired: mine, ordering: .sequentiallyConsistent).exchanged {
        _ = next.pointee.compareExchange(expected: chunk, desired: chunk + 1, ordering: .sequentiallyConsistent)
        return .chunk(chunk)
      }
    }
  }

  /// The worker slot that claimed `chunk`, or nil when the ledger no longer (or never) recorded it.
  func owner(of chunk: Int) -> Int? {
    let entry = ledger(chunk).pointee.load(ordering: .sequentiallyConsistent)
    guard (entry >> 16) - 1 == chunk else { return nil }
    return (entry & 0xffff) - 1
  }

  private func ledger(_ chunk: Int) -> UnsafeMutablePointer<Atomic<Int>> {
    base + Self.header + 2 * slots + chunk % ledgerSize
  }

  /// How many chunks have been claimed so far.
  var claimedChunks: Int { field(.nextChunk).pointee.load(ordering: .sequentiallyConsistent) }

  /// Chunks numbered at or above this wait (an imap keeps workers a bounded distance ahead).
  var window: Int { field(.window).pointee.load(ordering: .sequentiallyConsistent) }

  /// Moves the window and wakes the workers parked at it.
  func publish(window: Int) {
    field(.window).pointee.store(window, ordering: .sequentiallyConsistent)
    wakeParked()
  }

  /// Set by the parent when the batch is terminated: parked workers exit.
  var stopped: Bool { field(.stop).pointee.load(ordering: .sequentiallyConsistent) != 0 }

  func stop() {
    field(.stop).pointee.store(1, ordering: .sequentiallyConsistent)
    wakeParked()
  }

  /// Set once results may lie past the parent's result ring (the window was lifted): workers then send bitwise
  /// results through the pipe instead of writing them into shared memory.
  var spill: Bool {
    get { field(.spill).pointee.load(ordering: .sequentiallyConsistent) != 0 }
    set { field(.spill).pointee.store(newValue ? 1 : 0, ordering: .sequentiallyConsistent) }
  }

  /// While set, a worker that finds the window shut exits instead of parking (parked ones are woken to do so), so
  /// that its pool slot serves a batch waiting for one. A state, not a count of requests: a worker that gets to
  /// the window after the parent set it, however late, sees it (a count taken from the workers parked at one
  /// instant missed those still on their way, and nothing woke the parent again).
  var yieldRequested: Bool {
    get { field(.yield).pointee.load(ordering: .sequentiallyConsistent) != 0 }
    set {
      field(.yield).pointee.store(newValue ? 1 : 0, ordering: .sequentiallyConsistent)
      if newValue { wakeParked() }
    }
  }

  /// Workers parked at the window right now.
  var parkedWorkers: Int { field(.waiters).pointee.load(ordering: .sequentiallyConsistent) }

  // MARK: Parking (worker side)

  /// Sleeps until the parent changes the window, stops the batch or asks for a release, or `timeout` passes;
  /// `stillBlocked` is checked after the worker registered as parked, so no wake-up can be missed.
  func park(timeout: Duration, stillBlocked: () -> Bool) {
    let generation = field(.generation)
    let seen = generation.pointee.load(ordering: .sequentiallyConsistent)
    field(.waiters).pointee.add(1, ordering: .sequentiallyConsistent)
    if stillBlocked() {
      Futex.wait(UnsafeMutableRawPointer(generation), expected: UInt32(truncatingIfNeeded: seen), timeout: timeout)
    }
    field(.waiters).pointee.subtract(1, ordering: .sequentiallyConsistent)
  }

  private func wakeParked() {
    let generation = field(.generation)
    generation.pointee.add(1, ordering: .sequentiallyConsistent)
    if field(.waiters).pointee.load(ordering: .sequentiallyConsistent) > 0 { Futex.wakeAll(UnsafeMutableRawPointer(generation)) }
  }

  // MARK: Worker slots

  /// Records that the worker in `slot` runs task `index` (-1: between tasks) since `startNanos`.
  func setTask(slot: Int, _ index: Int, startNanos: Int = 0) {
    let field = Self.header + 2 * slot
    if index >= 0 { (base + field + 1).pointee.store(startNanos, ordering: .relaxed) }
    (base + field).pointee.store(index, ordering: .releasing)
  }

  /// The task the worker in `slot` runs (-1 if none) and since when (monotonic nanoseconds).
  func task(slot: Int) -> (index: Int, startNanos: Int) {
    let field = Self.header + 2 * slot
    while true {
      let index = (base + field).pointee.load(ordering: .acquiring)
      let start = (base + field + 1).pointee.load(ordering: .acquiring)
      if (base + field).pointee.load(ordering: .acquiring) == index { return (index, start) }
    }
  }

  /// Monotonic clock in nanoseconds, the time base of task start stamps.
  static func nowNanos() -> Int {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return time.tv_sec * 1_000_000_000 + time.tv_nsec
  }
}
