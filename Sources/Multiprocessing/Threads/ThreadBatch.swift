/// One submission to a `ThreadPool`: its chunks, how far workers may run ahead, and its outcomes.
///
/// Every field is guarded by the pool's `Condition`; a claimed chunk runs outside the lock. An `imap` keeps its
/// outcomes in a ring of `windowChunks` chunks and pulls a streamed input one chunk at a time, so neither its
/// memory nor `terminate()` grows with the input.
final class ThreadBatch<Output: Sendable>: TaskBatch, ThreadJob, @unchecked Sendable {
  // Invariant: all mutable state is read and written with `condition` locked, except the store slots of a
  // claimed chunk inside the ring, which only the claiming thread writes before it marks them under the lock.
  private let chunksize: Int
  private let windowChunks: Int?
  /// Nil once every task was claimed (or abandoned): the input and the caller's closure go then, so that when the
  /// last result is published the pool holds nothing of them (CPython's bpo-29861).
  private var source: ThreadTaskSource<Output>?
  private let condition: Condition
  private let store: OutcomeStore<Output>
  private let reportsErrors: (any Error, Int) -> PoolError
  private var nextChunk = 0
  private var window = Int.max
  /// Outcomes handed out through `nextInOrder`/`nextArrival`.
  private var handed = 0

  init(
    source: ThreadTaskSource<Output>, chunksize: Int, windowChunks: Int?, ordered: Bool, condition: Condition,
    storage: UnsafeMutablePointer<Output>? = nil
  ) {
    self.source = source
    self.chunksize = chunksize
    self.windowChunks = windowChunks
    self.condition = condition
    reportsErrors = { error, index in PoolError.taskThrew(index: index, error: error) }
    let count = source.knownCount ?? Int.max
    let capacity = windowChunks.map { PoolSizing.saturatingProduct($0, chunksize) }
    if let storage {
      store = OutcomeStore(count: count, recordsArrivals: !ordered, storage: storage, release: { _ in })
    } else {
      store = OutcomeStore(count: count, capacity: capacity, recordsArrivals: !ordered)
    }
    if let windowChunks { window = windowChunks }
  }

  var count: Int? { condition.withLock { store.count == Int.max ? nil : store.count } }
  var handedOver: Int { condition.withLock { handed } }

  // ThreadJob (the lock is held):

  var fullyClaimed: Bool { source == nil }
  var canClaim: Bool { !fullyClaimed && nextChunk < window }

  func claim() -> ClaimedChunk? {
    guard canClaim, let source else { return nil }
    let start = nextChunk * chunksize
    let tasks = source.tasks(from: start, upTo: chunksize)
    if tasks.count < chunksize {
      // The input ended: a consumer waiting for more must learn that there is no more.
      store.setCount(start + tasks.count)
      condition.broadcast()
    }
    if tasks.count > 0 { nextChunk += 1 }
    if source.isExhausted(at: PoolSizing.saturatingProduct(nextChunk, chunksize)) { self.source = nil }
    guard tasks.count > 0 else { return nil }
    let inRing = start + tasks.count <= store.base + store.capacity
    return { self.run(start: start, tasks, inRing: inRing) }
  }

  func liftWindow() {
    // An endless input cannot be run to its end: a join stops it instead (its consumer is not reading).
    if source?.mayBeEndless == true {
      abandon()
    } else {
      window = Int.max
    }
  }

  func abandon() {
    let firstUnclaimed = PoolSizing.saturatingProduct(nextChunk, chunksize)
    if source?.mayBeEndless == true { store.setCount(firstUnclaimed) }
    source = nil
    store.abandon(from: firstUnclaimed) { .terminated(index: $0) }
  }

  /// Runs the chunk's tasks and returns what publishes their outcomes: the worker lets go of the tasks (and the
  /// inputs they hold) before it publishes, so a consumer that sees the last outcome sees no task still held.
  private func run(start: Int, _ tasks: ThreadTasks<Output>, inRing: Bool) -> @Sendable () -> Void {
    var failures: [Int: any Error] = [:]
    var values: [Output] = []
    if !inRing { values.reserveCapacity(tasks.count) }
    // The claimed chunk's slots belong to this thread alone: values go straight into the store. A chunk never
    // wraps around the ring's end, so its slots are consecutive.
    let slots = store.slot(start)
    for offset in 0..<tasks.count {
      do {
        let value = try tasks.run(offset)
        if inRing { (slots + offset).initialize(to: value) } else { values.append(value) }
      } catch {
        failures[start + offset] = error
      }
    }
    let count = tasks.count
    let chunk = ChunkOutcomes(failures: failures, values: values)
    return { self.publish(start: start, count: count, chunk, inRing: inRing) }
  }

  private func publish(start: Int, count: Int, _ chunk: ChunkOutcomes<Output>, inRing: Bool) {
    condition.withLock {
      for (index, error) in chunk.failures { store.setError(reportsErrors(error, index), at: index) }
      if inRing {
        store.markWritten(start: start, count: count, except: Set(chunk.failures.keys))
      } else {
        var next = chunk.values.startIndex
        for index in start..<(start + count) where chunk.failures[index] == nil {
          store.setValue(chunk.values[next], at: index)
          next += 1
        }
      }
    }
    condition.broadcast()
  }

  // TaskBatch (called by consumers):

  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    condition.withLock {
      while !store.hasOutcome(index) {
        if index >= store.count { return nil }
        if !condition.wait(until: deadline), !store.hasOutcome(index) { return nil }
      }
      return store.take(index)
    }
  }

  func nextInOrder(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    condition.withLock {
      let index = handed
      while !store.hasOutcome(index) {
        if index >= store.count { return nil }
        if !condition.wait(until: deadline), !store.hasOutcome(index) { return nil }
      }
      handed += 1
      defer { moveWindow() }
      return store.take(index)
    }
  }

  func nextArrival(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    condition.withLock {
      var waited = true
      while true {
        if let step = store.nextArrival(handed: &handed) {
          moveWindow()
          return step
        }
        if !waited { return nil }
        waited = condition.wait(until: deadline)
      }
    }
  }

  /// Lets workers run `windowChunks` chunks past the oldest result not yet handed out.
  private func moveWindow() {
    guard let windowChunks, window != Int.max else { return }
    let wanted = store.base / chunksize + windowChunks
    if wanted > window {
      window = wanted
      condition.broadcast()
    }
  }

  func consumerGone() {
    condition.withLock { abandon() }
    condition.broadcast()
  }

  /// For a batch writing into caller-owned storage: waits for every task, then hands the values over (nil)
  /// or destroys them and returns the lowest-numbered task's error.
  func finishInPlace() -> PoolError? {
    condition.withLock {
      while !store.isComplete { condition.wait(until: nil) }
      do throws(PoolError) {
        try store.checkNoErrors()
        store.relinquishValues()
        return nil
      } catch {
        store.destroyValues()
        return error
      }
    }
  }

  func collectAll() throws(PoolError) -> [Output] {
    let result = condition.withLock { () -> Result<[Output], PoolError> in
      window = Int.max
      condition.broadcast()
      while !store.isComplete { condition.wait(until: nil) }
      return Result { () throws(PoolError) in try store.orderedValues() }
    }
    return try result.get()
  }
}

/// A claimed chunk: run outside the lock, it returns what publishes the chunk's outcomes (which takes the lock).
typealias ClaimedChunk = @Sendable () -> @Sendable () -> Void

/// The outcomes of one chunk between running it and publishing them: the values of a chunk outside the ring
/// (inside it they are already in place) and the errors by task index.
struct ChunkOutcomes<Output>: @unchecked Sendable {  // handed from the running thread to its own publish step
  let failures: [Int: any Error]
  let values: [Output]
}

/// What the worker threads see of a batch, whatever its result type (all members need the lock held).
protocol ThreadJob: AnyObject, Sendable {
  var fullyClaimed: Bool { get }
  var canClaim: Bool { get }
  /// Claims the next chunk and returns the work that runs it (outside the lock), or nil.
  func claim() -> ClaimedChunk?
  /// Lets workers run the whole batch (join must not wait on a consumer that went away).
  func liftWindow()
  /// Fails every unclaimed task with `PoolError.terminated`.
  func abandon()
}
