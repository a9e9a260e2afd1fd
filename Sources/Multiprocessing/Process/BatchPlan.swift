/// The shape of one batch: how many tasks, how they are chunked, and the limits its workers obey.
struct BatchPlan {
  let count: Int
  let chunksize: Int
  let chunkCount: Int
  let maxTasksPerChild: Int?
  let taskTimeout: Duration?
  /// Ordered/unordered `imap` keeps workers at most this many chunks ahead of the consumer; nil: no limit.
  let windowChunks: Int?

  init(count: Int, chunksize: Int, maxTasksPerChild: Int?, taskTimeout: Duration?, windowChunks: Int?) {
    // A worker never runs more than maxTasksPerChild tasks, so a chunk may not be larger.
    let size = min(chunksize, maxTasksPerChild ?? chunksize)
    self.count = count
    self.chunksize = size
    self.chunkCount = (count + size - 1) / size
    self.maxTasksPerChild = maxTasksPerChild
    self.taskTimeout = taskTimeout
    self.windowChunks = windowChunks
  }

  func chunk(of index: Int) -> Int { index / chunksize }

  var timeoutNanos: Int? {
    taskTimeout.map { Int($0.components.seconds) * 1_000_000_000 + Int($0.components.attoseconds / 1_000_000_000) }
  }
}
