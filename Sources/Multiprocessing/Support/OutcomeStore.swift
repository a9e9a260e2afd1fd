/// The outcomes of one batch of tasks, filled in as workers report and emptied as callers take them.
///
/// Values live in one uninitialized buffer indexed by task, so a million results cost one allocation; a
/// per-task state byte says which slots hold a value. Not thread-safe: each pool guards its stores.
final class OutcomeStore<Output> {
  let count: Int
  private static var isTrivial: Bool { _isPOD(Output.self) }
  private let values: UnsafeMutablePointer<Output>
  private var states: [OutcomeState]
  private var errors: [Int: PoolError] = [:]
  private var arrivals: [Int] = []
  private var arrivalHead = 0
  private let recordsArrivals: Bool
  /// How many tasks have an outcome (taken or not).
  private(set) var reported = 0

  private let release: (UnsafeMutablePointer<Output>) -> Void

  /// Creates a store; `storage` (with its `release`) replaces the store's own buffer, so that forked workers
  /// can write bitwise results straight into shared memory.
  init(
    count: Int, recordsArrivals: Bool, storage: UnsafeMutablePointer<Output>? = nil,
    release: @escaping (UnsafeMutablePointer<Output>) -> Void = { $0.deallocate() }
  ) {
    self.count = count
    self.recordsArrivals = recordsArrivals
    values = storage ?? .allocate(capacity: max(count, 1))
    self.release = release
    states = Array(repeating: .pending, count: count)
  }

  deinit {
    if reported > 0 && !Self.isTrivial {
      for index in 0..<count where states[index] == .value { (values + index).deinitialize(count: 1) }
    }
    release(values)
  }

  /// True when every task has an outcome.
  var isComplete: Bool { reported == count }

  func isPending(_ index: Int) -> Bool { states[index] == .pending }

  func hasOutcome(_ index: Int) -> Bool { states[index] == .value || states[index] == .error }

  /// The tasks that have no outcome yet, in order.
  var pendingIndices: [Int] { (0..<count).filter { states[$0] == .pending } }

  func setValue(_ value: Output, at index: Int) {
    guard states[index] == .pending else { return }
    (values + index).initialize(to: value)
    settle(index, .value)
  }

  func setError(_ error: PoolError, at index: Int) {
    guard states[index] == .pending else { return }
    errors[index] = error
    settle(index, .error)
  }

  /// Copies `count` results given as raw bytes (only for bitwise-copyable outputs) into place.
  func setRaw(_ bytes: UnsafeRawBufferPointer, start: Int, count: Int) {
    let stride = MemoryLayout<Output>.stride
    guard count > 0, bytes.count == stride * count, start >= 0, start + count <= self.count else { return }
    if (start..<(start + count)).allSatisfy({ states[$0] == .pending }), let base = bytes.baseAddress {
      UnsafeMutableRawPointer(values + start).copyMemory(from: base, byteCount: bytes.count)
      for index in start..<(start + count) { settle(index, .value) }
      return
    }
    for offset in 0..<count where states[start + offset] == .pending {
      let value = bytes.loadUnaligned(fromByteOffset: offset * stride, as: Output.self)
      setValue(value, at: start + offset)
    }
  }

  /// The slot of task `index`. A worker thread that claimed the task may initialize it without the lock
  /// (slots of different tasks never overlap), then must call `markWritten` with the lock held.
  func slot(_ index: Int) -> UnsafeMutablePointer<Output> { values + index }

  /// Marks tasks `start..<start + count` as holding values written into the storage by a worker (bitwise
  /// outputs only), skipping tasks that already have an outcome.
  func markWritten(start: Int, count: Int, except failed: Set<Int>) {
    if failed.isEmpty {
      settleRange(start..<(start + count))
      return
    }
    for index in start..<(start + count) where states[index] == .pending && !failed.contains(index) {
      settle(index, .value)
    }
  }

  /// Throws the error of the lowest-numbered failed task, if any.
  func checkNoErrors() throws(PoolError) {
    if let first = errors.keys.min(), let error = errors[first] { throw error }
  }

  /// For a store whose storage belongs to someone else (an array being built in place): gives up the values
  /// (they now belong to that owner) so that nothing is deinitialized twice.
  func relinquishValues() {
    states = Array(repeating: .taken, count: count)
  }

  /// For a store whose storage belongs to someone else: destroys the values it holds, leaving the storage
  /// uninitialized (the owner then discards it).
  func destroyValues() {
    if !Self.isTrivial {
      for index in 0..<count where states[index] == .value { (values + index).deinitialize(count: 1) }
    }
    states = Array(repeating: .taken, count: count)
  }

  /// Moves `count` initialized values from `source` into tasks `start...`, which must all be pending.
  func moveValues(from source: UnsafeMutablePointer<Output>, start: Int, count: Int) {
    (values + start).moveInitialize(from: source, count: count)
    settleRange(start..<(start + count))
  }

  /// Moves the outcome of a reported task out of the store.
  func take(_ index: Int) -> Result<Output, PoolError>? {
    switch states[index] {
    case .value:
      states[index] = .taken
      return .success((values + index).move())
    case .error:
      states[index] = .taken
      return .failure(errors.removeValue(forKey: index) ?? .terminated(index: index))
    case .pending, .taken:
      return nil
    }
  }

  /// The next reported-but-untaken task in arrival order (needs `recordsArrivals`).
  func takeNextArrival() -> Result<Output, PoolError>? {
    while arrivalHead < arrivals.count {
      let index = arrivals[arrivalHead]
      arrivalHead += 1
      if let outcome = take(index) { return outcome }
    }
    return nil
  }

  /// Every value in task order, or the error of the lowest-numbered failed task.
  ///
  /// When every task succeeded and nothing was taken, the values move out in one block: a million results
  /// cost one memcpy, not a million generic calls.
  func orderedValues() throws(PoolError) -> [Output] {
    if let first = errors.keys.min(), let error = errors[first] { throw error }
    guard states.allSatisfy({ $0 == .value }) else {
      let missing = states.firstIndex { $0 != .value } ?? 0
      throw .terminated(index: missing)
    }
    let result = [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let base = buffer.baseAddress { base.moveInitialize(from: values, count: count) }
      initialized = count
    }
    states = Array(repeating: .taken, count: count)
    return result
  }

  /// Marks pending tasks in `range` as holding values, in one pass (a per-task call costs more than the task
  /// when a chunk holds a hundred thousand squares).
  private func settleRange(_ range: Range<Int>) {
    var settled = 0
    states.withUnsafeMutableBufferPointer { states in
      for index in range where states[index] == .pending {
        states[index] = .value
        settled += 1
      }
    }
    reported += settled
    if recordsArrivals { arrivals.append(contentsOf: range) }
  }

  private func settle(_ index: Int, _ state: OutcomeState) {
    states[index] = state
    reported += 1
    if recordsArrivals { arrivals.append(index) }
  }
}

/// Where a task's outcome is in an `OutcomeStore`. Declared outside the generic store on purpose: nested in
/// it, every access would look up generic metadata (measured: a third of a million-item map).
enum OutcomeState: UInt8 { case pending, value, error, taken }
