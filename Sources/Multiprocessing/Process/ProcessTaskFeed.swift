/// Where a `ProcessBatch`'s tasks come from, seen from the parent: the input a worker forked now can run.
///
/// Workers are forked from the parent, so a task's input must be in the parent's memory at the fork. An
/// array or a range is there whole (`IndexedFeed`); any other sequence is pulled a segment at a time into a
/// buffer (`StreamedFeed`), so that an endless input works, a lazy one is never read whole, and workers forked
/// after a pull can run the new tasks.
protocol ProcessTaskFeed<Output>: AnyObject {
  associatedtype Output
  /// Tasks whose input is in memory now (every task below this number).
  var available: Int { get }
  /// True once every input item has been pulled.
  var ended: Bool { get }
  /// Pulls up to `count` more items; returns how many came (fewer at the end of the input).
  func pull(_ count: Int) -> Int
  /// Runs task `index` (in a worker; its input must have been pulled before the fork).
  func run(_ index: Int) throws -> Output
  /// Inputs below `index` will not be needed again (their outcomes were taken).
  func forget(below index: Int)
}

/// An input addressed by position: everything is available from the start.
final class IndexedFeed<Output>: ProcessTaskFeed {
  let available: Int
  var ended: Bool { true }
  private let task: (Int) throws -> Output

  init(count: Int, task: @escaping (Int) throws -> Output) {
    available = count
    self.task = task
  }

  func pull(_ count: Int) -> Int { 0 }
  func run(_ index: Int) throws -> Output { try task(index) }
  func forget(below index: Int) {}
}

/// A sequence read a segment at a time into a buffer holding the inputs of tasks not yet taken.
final class StreamedFeed<Input, Output>: ProcessTaskFeed {
  private var iterator: (() -> Input?)?
  private let body: (Input) throws -> Output
  private var buffer: [Input] = []
  /// The task number of `buffer[head]`.
  private var first = 0
  private var head = 0
  private(set) var available = 0
  private(set) var ended = false

  init(_ items: some Sequence<Input>, _ body: @escaping (Input) throws -> Output) {
    var iterator = items.makeIterator()
    self.iterator = { iterator.next() }
    self.body = body
  }

  func pull(_ count: Int) -> Int {
    var got = 0
    while got < count, let next = iterator {
      guard let item = next() else {
        ended = true
        iterator = nil  // the sequence and what it holds go now
        break
      }
      buffer.append(item)
      got += 1
    }
    available += got
    return got
  }

  func run(_ index: Int) throws -> Output { try body(buffer[head + index - first]) }

  func forget(below index: Int) {
    let drop = min(index - first, buffer.count - head)
    guard drop > 0 else { return }
    head += drop
    first += drop
    if head > 1024, head * 2 > buffer.count {
      buffer.removeFirst(head)
      head = 0
    }
  }
}
