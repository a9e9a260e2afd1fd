/// Where a `ThreadBatch`'s tasks come from: an input addressed by position (an array, a range), or a sequence
/// pulled one chunk at a time as workers claim chunks, so an endless or lazy input is never read ahead of the
/// window. Used with the pool's lock held.
enum ThreadTaskSource<Output>: Sendable {
  case indexed(count: Int, task: @Sendable (Int) throws -> Output)
  case streamed(TaskStream<Output>)

  /// The number of tasks, when known before they run.
  var knownCount: Int? {
    if case .indexed(let count, _) = self { return count }
    return nil
  }

  /// True while a streamed input may still hold items nobody pulled.
  var mayBeEndless: Bool {
    if case .streamed(let stream) = self { return !stream.ended }
    return false
  }

  /// Whether no task is left from position `start` on (a stream knows only once it was pulled dry).
  func isExhausted(at start: Int) -> Bool {
    switch self {
    case .indexed(let count, _): return start >= count
    case .streamed(let stream): return stream.ended
    }
  }

  /// Up to `limit` tasks from position `start` (pulled from a stream, which must be at `start`).
  func tasks(from start: Int, upTo limit: Int) -> ThreadTasks<Output> {
    switch self {
    case .indexed(let count, let task):
      return ThreadTasks(count: max(0, min(limit, count - start))) { try task(start + $0) }
    case .streamed(let stream):
      let pulled = stream.pull(upTo: limit)
      return ThreadTasks(count: pulled.count) { try pulled[$0]() }
    }
  }
}

/// The tasks of one claimed chunk, addressed by their offset in it.
struct ThreadTasks<Output>: Sendable {
  let count: Int
  let run: @Sendable (Int) throws -> Output
}

/// A sequence turned into tasks, pulled by whichever worker thread claims the next chunk.
final class TaskStream<Output>: @unchecked Sendable {
  // Invariant: `pullNext` and `ended` are used only with the pool's condition locked (by `ThreadBatch.claim`),
  // so the sequence's iterator, which need not be Sendable, is never used by two threads at once.
  private var pullNext: (() -> (@Sendable () throws -> Output)?)?
  private(set) var ended = false

  init<Input: Sendable>(_ items: some Sequence<Input>, _ body: @escaping @Sendable (Input) throws -> Output) {
    var iterator = items.makeIterator()
    pullNext = {
      guard let item = iterator.next() else { return nil }
      return { try body(item) }
    }
  }

  func pull(upTo limit: Int) -> [@Sendable () throws -> Output] {
    var tasks: [@Sendable () throws -> Output] = []
    while tasks.count < limit, !ended {
      if let task = pullNext?() {
        tasks.append(task)
      } else {
        ended = true
        pullNext = nil  // the sequence and what it holds go now, not when the batch does
      }
    }
    return tasks
  }
}
