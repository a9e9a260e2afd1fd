/// The shape of one batch: how many tasks, how they are chunked, and the limits its workers obey.
struct BatchPlan {
  /// The number of tasks; `Int.max` while a streamed input has not ended.
  let count: Int
  let chunksize: Int
  /// The number of chunks; `Int.max` while a streamed input has not ended.
  let chunkCount: Int
  let maxTasksPerChild: Int?
  let taskTimeout: Duration?
  /// An imap keeps workers at most this many chunks ahead of its oldest untaken result; nil: no limit.
  let windowChunks: Int?

  init(count: Int, chunksize: Int, maxTasksPerChild: Int?, taskTimeout: Duration?, windowChunks: Int?) {
    // A worker never runs more than maxTasksPerChild tasks, so a chunk may not be larger.
    let size = min(chunksize, maxTasksPerChild ?? chunksize)
    self.count = count
    self.chunksize = size
    self.chunkCount = count == Int.max ? Int.max : PoolSizing.chunks(of: count, chunksize: size)
    self.maxTasksPerChild = maxTasksPerChild
    self.taskTimeout = taskTimeout
    self.windowChunks = windowChunks
  }

  /// The widest an imap's window grows (it doubles while the consumer waits on parked workers): 4,096 tasks'
  /// worth, or the starting width if that is more. The result ring and the claim ledger are this wide.
  var maxWindowChunks: Int? { windowChunks.map { max($0, PoolSizing.chunks(of: 4096, chunksize: chunksize)) } }

  func chunk(of index: Int) -> Int { index / chunksize }

  /// Items pulled from a streamed input at a time: a window's worth and at least 32,768, so that workers forked
  /// for each segment amortize their fork over thousands of tasks.
  var segmentItems: Int { max(windowChunks ?? 1, PoolSizing.chunks(of: 32768, chunksize: chunksize)) * chunksize }

  var timeoutNanos: Int? {
    taskTimeout.map(\.saturatingNanoseconds)
  }
}
