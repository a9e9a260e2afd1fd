/// The outcomes of one batch of tasks, filled in as workers report and emptied as callers take them.
///
/// Values live in one uninitialized buffer indexed by task, so a million results cost one allocation; a
/// per-task state byte says which slots hold a value. Not thread-safe: each pool guards its stores.
final class OutcomeStore<Output> {
  private enum State: UInt8 { case pending, value, error, taken }

  let count: Int
  private let values: UnsafeMutablePointer<Output>
  private var states: [State]
  private var errors: [Int: PoolError] = [:]
  private var arrivals: [Int] = []
  private var arrivalHead = 0
  private let recordsArrivals: Bool
  /// How many tasks have an outcome (taken or not).
  private(set) var reported = 0

  init(count: Int, recordsArrivals: Bool) {
    self.count = count
    self.recordsArrivals = recordsArrivals
    values = .allocate(capacity: max(count, 1))
    states = Array(repeating: .pending, count: count)
  }

  deinit {
    for index in 0..<count where states[index] == .value { (values + index).deinitialize(count: 1) }
    values.deallocate()
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

  /// Moves `count` initialized values from `source` into tasks `start...`, which must all be pending.
  func moveValues(from source: UnsafeMutablePointer<Output>, start: Int, count: Int) {
    (values + start).moveInitialize(from: source, count: count)
    for index in start..<(start + count) { settle(index, .value) }
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
  func orderedValues() throws(PoolError) -> [Output] {
    if let first = errors.keys.min(), let error = errors[first] { throw error }
    var result: [Output] = []
    result.reserveCapacity(count)
    for index in 0..<count {
      guard let outcome = take(index) else { throw .terminated(index: index) }
      switch outcome {
      case .success(let value): result.append(value)
      case .failure(let error): throw error
      }
    }
    return result
  }

  private func settle(_ index: Int, _ state: State) {
    states[index] = state
    reported += 1
    if recordsArrivals { arrivals.append(index) }
  }
}
