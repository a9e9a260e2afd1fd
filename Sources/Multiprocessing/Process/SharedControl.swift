import Glibc
import Synchronization

/// A small block of memory shared by the parent and the workers of one batch (`MAP_SHARED | MAP_ANONYMOUS`,
/// mapped before the fork so every worker sees the same pages).
///
/// It holds the work queue (the next chunk to claim, the ordered window, a stop flag) and one slot per
/// worker saying which task it runs since when, which lets the parent blame the right task when a worker
/// dies and kill a worker whose task overruns its timeout. Every field is an `Atomic<Int>`.
final class SharedControl {
  private let base: UnsafeMutablePointer<Atomic<Int>>
  private let fields: Int
  private static let header = 3  // nextChunk, window, stop

  init(slots: Int) throws(PoolError) {
    fields = Self.header + 2 * slots
    let bytes = fields * MemoryLayout<Atomic<Int>>.stride
    guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0),
      memory != MAP_FAILED
    else { throw .system(call: "mmap", errno: errno) }
    base = memory.bindMemory(to: Atomic<Int>.self, capacity: fields)
    for field in 0..<fields { (base + field).initialize(to: Atomic(0)) }
    for slot in 0..<slots { setTask(slot: slot, -1) }
    (base + 1).pointee.store(Int.max, ordering: .relaxed)
  }

  deinit { munmap(UnsafeMutableRawPointer(base), fields * MemoryLayout<Atomic<Int>>.stride) }

  /// Takes the next chunk number (workers call this; numbers past the last chunk mean "no more work").
  func claimChunk() -> Int { base.pointee.wrappingAdd(1, ordering: .relaxed).oldValue }

  /// How many chunk numbers have been handed out so far (may exceed the chunk count).
  var claimedChunks: Int { base.pointee.load(ordering: .relaxed) }

  /// Chunks numbered at or above this wait (ordered `imap` keeps workers a bounded distance ahead).
  var window: Int {
    get { (base + 1).pointee.load(ordering: .acquiring) }
    set { (base + 1).pointee.store(newValue, ordering: .releasing) }
  }

  /// Set by the parent when the batch is terminated: waiting workers exit.
  var stopped: Bool {
    get { (base + 2).pointee.load(ordering: .relaxed) != 0 }
    set { (base + 2).pointee.store(newValue ? 1 : 0, ordering: .relaxed) }
  }

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
