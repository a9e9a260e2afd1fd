/// The outcomes of one batch of tasks, filled in as workers report and emptied as callers take them.
///
/// Values live in one uninitialized ring of `capacity` slots indexed by task modulo capacity: a `map` gets a
/// slot per task (a million results cost one allocation, and `orderedValues` moves them out in one block); an
/// `imap` gets a window's worth, reused as the consumer takes results, so its memory does not grow with the
/// input. Task `index` lives in the ring while `base <= index < base + capacity`, where `base` is the lowest
/// task not yet taken; an outcome for a task past the ring (only after `join` lifted an imap's window) waits in
/// `overflow`. Giving up on the tasks left (`abandon`) is one assignment, whatever their number. Not
/// thread-safe: each pool guards its stores.
final class OutcomeStore<Output> {
  /// How many tasks there are; `Int.max` until a streamed input has ended (see `setCount`).
  private(set) var count: Int
  let capacity: Int
  private static var isTrivial: Bool { _isPOD(Output.self) }
  private let values: UnsafeMutablePointer<Output>
  private var states: [OutcomeState]
  private var errors: [Int: PoolError] = [:]
  private var overflow: [Int: Result<Output, PoolError>] = [:]
  /// `overflow.count`, kept apart: touching the generic dictionary costs a metadata lookup per call, which an
  /// imap's hot path must not pay for a dictionary that is almost always empty.
  private var overflowCount = 0
  private var arrivals: [Int] = []
  private var arrivalHead = 0
  private let recordsArrivals: Bool
  /// The lowest task not yet taken; every task below it was taken.
  private(set) var base = 0
  /// How many tasks below `abandonedFrom` have an outcome (taken or not).
  private(set) var reported = 0
  /// Tasks from here on that have no outcome fail with `abandonError` (Int.max: none abandoned).
  private(set) var abandonedFrom = Int.max
  private var abandonError: (Int) -> PoolError = { .terminated(index: $0) }
  /// The next abandoned task `takeNextArrival` hands out once the arrivals ran dry.
  private var abandonCursor = 0

  private let release: (UnsafeMutablePointer<Output>) -> Void

  /// Creates a store for `count` tasks (`Int.max`: not known yet) with `capacity` ring slots (at most
  /// `count`); `storage` (with its `release`) replaces the store's own buffer, so that forked workers can write
  /// bitwise results straight into shared memory.
  init(
    count: Int, capacity: Int? = nil, recordsArrivals: Bool, storage: UnsafeMutablePointer<Output>? = nil,
    release: @escaping (UnsafeMutablePointer<Output>) -> Void = { $0.deallocate() }
  ) {
    self.count = count
    self.capacity = max(1, min(count, capacity ?? count))
    self.recordsArrivals = recordsArrivals
    values = storage ?? .allocate(capacity: self.capacity)
    self.release = release
    states = Array(repeating: .pending, count: self.capacity)
  }

  deinit {
    if !Self.isTrivial {
      for slot in 0..<capacity where states[slot] == .value { (values + slot).deinitialize(count: 1) }
    }
    release(values)
  }

  /// The end of a streamed input is known: there are `count` tasks.
  func setCount(_ count: Int) { self.count = min(self.count, count) }

  /// True when every task that is not abandoned has an outcome.
  var isComplete: Bool { reported >= min(count, abandonedFrom) }

  private func inRing(_ index: Int) -> Bool { index >= base && index - base < capacity }

  func isPending(_ index: Int) -> Bool {
    guard index >= base, index < count, overflowCount == 0 || !overflowHolds(index) else { return false }
    return !inRing(index) || states[index % capacity] == .pending
  }

  func hasOutcome(_ index: Int) -> Bool {
    guard index >= base, index < count else { return false }
    if inRing(index), states[index % capacity] != .pending { return true }
    return index >= abandonedFrom || (overflowCount > 0 && overflowHolds(index))
  }

  func setValue(_ value: Output, at index: Int) {
    guard isPending(index), index < abandonedFrom else { return }
    if !inRing(index) {
      overflow[index] = .success(value)
      overflowCount += 1
      settled(index)
      return
    }
    (values + index % capacity).initialize(to: value)
    settle(index, .value)
  }

  func setError(_ error: PoolError, at index: Int) {
    guard isPending(index), index < abandonedFrom else { return }
    if !inRing(index) {
      overflow[index] = .failure(error)
      overflowCount += 1
      settled(index)
      return
    }
    errors[index] = error
    settle(index, .error)
  }

  /// Every task from `index` on that has no outcome yet fails with `error(task)`, now and later: terminate,
  /// a failed initializer. O(capacity), however many tasks remain.
  func abandon(from index: Int, _ error: @escaping (Int) -> PoolError) {
    let from = max(index, base)
    guard from < abandonedFrom else { return }
    // Outcomes already in for tasks at or past `from` stay (they are real), but no longer count as reported.
    let end = min(base + capacity, count, abandonedFrom)
    if from < end {
      for task in from..<end where states[task % capacity] != .pending { reported -= 1 }
    }
    if overflowCount > 0 {
      for task in overflow.keys where task >= from && task < abandonedFrom { reported -= 1 }
    }
    abandonedFrom = from
    abandonError = error
    abandonCursor = from
  }

  // The overflow dictionary is touched only in functions of its own: metadata lookups are hoisted to the top of
  // the function that mentions a generic type, and the hot paths must not pay for an empty dictionary.

  @inline(never)
  private func overflowHolds(_ index: Int) -> Bool { overflow[index] != nil }

  @inline(never)
  private func peekOverflow(_ index: Int) -> Result<Output, PoolError>? { overflow[index] }

  @inline(never)
  private func takeOverflow(_ index: Int) -> Result<Output, PoolError>? {
    guard let outcome = overflow.removeValue(forKey: index) else { return nil }
    overflowCount -= 1
    if inRing(index) { states[index % capacity] = .taken }
    advanceBase(past: index)
    return outcome
  }

  /// Copies `count` results given as raw bytes (only for bitwise-copyable outputs) into place.
  func setRaw(_ bytes: UnsafeRawBufferPointer, start: Int, count: Int) {
    let stride = MemoryLayout<Output>.stride
    guard count > 0, bytes.count == stride * count, start >= 0 else { return }
    for offset in 0..<count {
      setValue(bytes.loadUnaligned(fromByteOffset: offset * stride, as: Output.self), at: start + offset)
    }
  }

  /// The slot of task `index`, inside the ring (chunks never wrap around its end: the ring holds whole chunks).
  /// A worker that claimed the task may initialize it without the
  /// lock (slots of different tasks in the ring never overlap), then must call `markWritten` with the lock held.
  func slot(_ index: Int) -> UnsafeMutablePointer<Output> { values + index % capacity }

  /// Marks tasks `start..<start + count` as holding values a worker wrote into their ring slots, skipping tasks
  /// that already have an outcome or failed (`failed`).
  func markWritten(start: Int, count: Int, except failed: Set<Int> = []) {
    let end = start + count
    let first = start % capacity
    if failed.isEmpty, start >= base, end <= min(abandonedFrom, base + capacity), first + count <= capacity {
      // The common case, one pass without a division or a set lookup per task: a chunk of a map has a
      // hundred thousand squares, and a per-task cost here is more than the task.
      var settledCount = 0
      states.withUnsafeMutableBufferPointer { states in
        for slot in first..<(first + count) where states[slot] == .pending {
          states[slot] = .value
          settledCount += 1
        }
      }
      reported += settledCount
    } else {
      states.withUnsafeMutableBufferPointer { states in
        for index in start..<end where index >= base && index < abandonedFrom && inRing(index) {
          let slot = index % capacity
          if states[slot] == .pending && !failed.contains(index) {
            states[slot] = .value
            reported += 1
          }
        }
      }
    }
    if recordsArrivals {
      arrivals.append(contentsOf: (start..<(start + count)).lazy.filter { !failed.contains($0) })
    }
  }

  /// Throws the error of the lowest-numbered failed task, if any.
  func checkNoErrors() throws(PoolError) {
    if let first = errors.keys.min(), let error = errors[first] { throw error }
    if abandonedFrom < count { throw abandonError(firstPending(from: abandonedFrom)) }
  }

  /// For a store whose storage belongs to someone else (an array being built in place): gives up the values
  /// (they now belong to that owner) so that nothing is deinitialized twice.
  func relinquishValues() {
    states = Array(repeating: .taken, count: capacity)
  }

  /// For a store whose storage belongs to someone else: destroys the values it holds, leaving the storage
  /// uninitialized (the owner then discards it).
  func destroyValues() {
    if !Self.isTrivial {
      for slot in 0..<capacity where states[slot] == .value { (values + slot).deinitialize(count: 1) }
    }
    states = Array(repeating: .taken, count: capacity)
  }

  /// A copy of the outcome of task `index`, left in the store (for completion callbacks); nil while it has none.
  func peek(_ index: Int) -> Result<Output, PoolError>? {
    guard hasOutcome(index) else { return nil }
    if overflowCount > 0, let outcome = peekOverflow(index) { return outcome }
    guard inRing(index) else { return .failure(abandonError(index)) }
    switch states[index % capacity] {
    case .value: return .success((values + index % capacity).pointee)
    case .error: return .failure(errors[index] ?? .terminated(index: index))
    case .pending: return .failure(abandonError(index))
    case .taken: return nil
    }
  }

  /// Every value in task order, copied (nothing is taken), or the error of the lowest-numbered failed task: for a
  /// completion callback, which runs before the consumer takes the values.
  func peekOrderedValues() throws(PoolError) -> [Output] {
    try checkNoErrors()
    var values: [Output] = []
    values.reserveCapacity(count)
    for index in 0..<count {
      guard case .success(let value) = peek(index) else { throw .terminated(index: index) }
      values.append(value)
    }
    return values
  }

  /// Moves the outcome of task `index` out of the store; nil while it has none.
  func take(_ index: Int) -> Result<Output, PoolError>? {
    guard index >= base, index < count else { return nil }
    if overflowCount > 0, let outcome = takeOverflow(index) { return outcome }
    guard inRing(index) else {
      return index >= abandonedFrom ? .failure(abandonError(index)) : nil
    }
    let slot = index % capacity
    let outcome: Result<Output, PoolError>
    switch states[slot] {
    case .value: outcome = .success((values + slot).move())
    case .error: outcome = .failure(errors.removeValue(forKey: index) ?? .terminated(index: index))
    case .pending:
      guard index >= abandonedFrom else { return nil }
      outcome = .failure(abandonError(index))
    case .taken: return nil
    }
    states[slot] = .taken
    advanceBase(past: index)
    return outcome
  }

  /// The next reported-but-untaken task in arrival order (needs `recordsArrivals`); once they ran out, the
  /// abandoned tasks, in order.
  func takeNextArrival() -> Result<Output, PoolError>? {
    while arrivalHead < arrivals.count {
      let index = arrivals[arrivalHead]
      arrivalHead += 1
      if arrivalHead > 4096 && arrivalHead * 2 > arrivals.count {
        arrivals.removeFirst(arrivalHead)
        arrivalHead = 0
      }
      if let outcome = take(index) { return outcome }
    }
    while abandonCursor < count && abandonedFrom < Int.max {
      let index = abandonCursor
      abandonCursor += 1
      if isPending(index) { return take(index) }
    }
    return nil
  }

  /// For an unordered consumer that has taken `handed` outcomes: the next one in arrival order (counted), the
  /// end of the results, or nil when the next one has not arrived yet.
  func nextArrival(handed: inout Int) -> Result<Output, PoolError>?? {
    guard handed < count else { return .some(nil) }
    if let outcome = takeNextArrival() {
      handed += 1
      return .some(outcome)
    }
    return isComplete && count != Int.max ? .some(nil) : nil
  }

  /// Every value in task order, or the error of the lowest-numbered failed task.
  ///
  /// When every task succeeded and nothing was taken, the values move out in one block: a million results
  /// cost one memcpy, not a million generic calls. Only for stores with a slot per task.
  func orderedValues() throws(PoolError) -> [Output] {
    try checkNoErrors()
    guard base == 0, capacity == count, overflowCount == 0, states.allSatisfy({ $0 == .value }) else {
      throw .terminated(index: firstPending(from: 0))
    }
    let result = [Output](unsafeUninitializedCapacity: count) { buffer, initialized in
      if let target = buffer.baseAddress { target.moveInitialize(from: values, count: count) }
      initialized = count
    }
    states = Array(repeating: .taken, count: capacity)
    return result
  }

  private func firstPending(from start: Int) -> Int {
    var index = max(start, base)
    while index < count, inRing(index), states[index % capacity] != .pending { index += 1 }
    return index
  }

  private func advanceBase(past index: Int) {
    guard index == base else { return }
    while base < count, inRing(base), states[base % capacity] == .taken {
      states[base % capacity] = .pending
      base += 1
    }
  }

  private func settle(_ index: Int, _ state: OutcomeState) {
    states[index % capacity] = state
    settled(index)
  }

  private func settled(_ index: Int) {
    reported += 1
    if recordsArrivals { arrivals.append(index) }
  }
}

/// Where a task's outcome is in an `OutcomeStore`. Declared outside the generic store on purpose: nested in
/// it, every access would look up generic metadata (measured: a third of a million-item map).
enum OutcomeState: UInt8 { case pending, value, error, taken }
