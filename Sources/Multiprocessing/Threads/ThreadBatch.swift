/// One submission to a `ThreadPool`: its chunks, how far workers may run ahead, and its outcomes.
///
/// Every field is guarded by the pool's `Condition`; a claimed chunk runs outside the lock.
final class ThreadBatch<Output: Sendable>: TaskBatch, ThreadJob, @unchecked Sendable {
  // Invariant: all mutable state is read and written with `condition` locked, except the store slots of a
  // claimed chunk, which only the claiming thread writes before it marks them under the lock.
  private let taskCount: Int
  var count: Int? { taskCount }
  /// Outcomes handed out through `nextInOrder`/`nextArrival`; only the consuming thread touches it.
  private(set) var handedOver = 0
  private let chunksize: Int
  private let chunkCount: Int
  private let windowChunks: Int?
  private let task: @Sendable (Int) throws -> Output
  private let condition: Condition
  private let store: OutcomeStore<Output>
  private var nextChunk = 0
  private var window = Int.max

  init(
    count: Int, chunksize: Int, windowChunks: Int?, ordered: Bool, condition: Condition,
    storage: UnsafeMutablePointer<Output>? = nil, task: @escaping @Sendable (Int) throws -> Output
  ) {
    taskCount = count
    self.chunksize = chunksize
    chunkCount = (count + chunksize - 1) / chunksize
    self.windowChunks = windowChunks
    self.task = task
    self.condition = condition
    if let storage {
      store = OutcomeStore(count: count, recordsArrivals: !ordered, storage: storage, release: { _ in })
    } else {
      store = OutcomeStore(count: count, recordsArrivals: !ordered)
    }
    if let windowChunks { window = windowChunks }
  }

  // ThreadJob (the lock is held):

  var fullyClaimed: Bool { nextChunk >= chunkCount }
  var canClaim: Bool { nextChunk < chunkCount && nextChunk < window }

  func claim() -> (@Sendable () -> Void)? {
    guard canClaim else { return nil }
    let start = nextChunk * chunksize
    nextChunk += 1
    let end = min(start + chunksize, taskCount)
    return { self.run(start..<end) }
  }

  func liftWindow() { window = Int.max }

  func abandon() {
    // Called again (terminate after the consumer left) or after the last chunk: nothing left to fail.
    let firstUnclaimed = min(nextChunk * chunksize, taskCount)
    nextChunk = chunkCount
    for index in firstUnclaimed..<taskCount { store.setError(.terminated(index: index), at: index) }
  }

  private func run(_ range: Range<Int>) {
    // The claimed chunk's slots belong to this thread alone: values go straight into the store.
    var failures: [Int: String] = [:]
    for index in range {
      do {
        store.slot(index).initialize(to: try task(index))
      } catch {
        failures[index] = String(describing: error)
      }
    }
    condition.withLock {
      for (index, description) in failures {
        store.setError(.taskFailed(index: index, description: description), at: index)
      }
      store.markWritten(start: range.lowerBound, count: range.count, except: Set(failures.keys))
    }
    condition.broadcast()
  }

  // TaskBatch (called by consumers):

  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    condition.withLock {
      if let windowChunks {
        window = max(window, index / chunksize + windowChunks)
        condition.broadcast()
      }
      while !store.hasOutcome(index) {
        if !condition.wait(until: deadline), !store.hasOutcome(index) { return nil }
      }
      return store.take(index)
    }
  }

  func nextInOrder() -> Result<Output, PoolError>? {
    guard handedOver < taskCount else { return nil }
    handedOver += 1
    return waitOutcome(of: handedOver - 1, deadline: nil)
  }

  func nextArrival() -> Result<Output, PoolError>? {
    guard handedOver < taskCount else { return nil }
    handedOver += 1
    return condition.withLock {
      while true {
        if let outcome = store.takeNextArrival() { return outcome }
        if store.isComplete { return nil }
        if let windowChunks {
          window = max(window, store.reported / chunksize + windowChunks)
          condition.broadcast()
        }
        condition.wait(until: nil)
      }
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
      while !store.isComplete { condition.wait(until: nil) }
      return Result { () throws(PoolError) in try store.orderedValues() }
    }
    return try result.get()
  }
}

/// What the worker threads see of a batch, whatever its result type (all members need the lock held).
protocol ThreadJob: AnyObject, Sendable {
  var fullyClaimed: Bool { get }
  var canClaim: Bool { get }
  /// Claims the next chunk and returns the work that runs it (outside the lock), or nil.
  func claim() -> (@Sendable () -> Void)?
  /// Lets workers run the whole batch (join must not wait on a consumer that went away).
  func liftWindow()
  /// Fails every unclaimed task with `PoolError.terminated`.
  func abandon()
}
