import Glibc

/// The threads of a `ThreadPool` and the queue of batches they take chunks from.
final class ThreadCore: @unchecked Sendable {
  // Invariant: `jobs`, `state`, `started`, `initializerError` are only touched with `condition` locked;
  // `threads` is written by `start` before any other thread can see the core, and read by `joinThreads`
  // on one thread at a time (guarded by `joining`).
  enum State { case open, closed, terminated }

  let condition = Condition()
  /// Queued batches; `imap` ones weakly, so dropping their results stops them (see `ThreadJobReference`).
  var jobs: [ThreadJobReference] = []
  var state = State.open
  private var started = 0
  private var initializerError: String?
  private var threads: [pthread_t] = []
  private var joined = false
  private let initializer: (@Sendable () throws -> Void)?

  init(initializer: (@Sendable () throws -> Void)?) { self.initializer = initializer }

  /// Starts `count` threads and waits until each has run the initializer.
  func start(count: Int) throws(PoolError) {
    for _ in 0..<count {
      var thread = pthread_t()
      let context = Unmanaged.passRetained(self).toOpaque()
      let status = pthread_create(&thread, nil, { context in
        guard let context else { return nil }
        Unmanaged<ThreadCore>.fromOpaque(context).takeRetainedValue().workerLoop()
        return nil
      }, context)
      guard status == 0 else {
        Unmanaged<ThreadCore>.fromOpaque(context).release()
        stop()
        throw .system(call: "pthread_create", errno: status)
      }
      threads.append(thread)
    }
    let failure = condition.withLock { () -> String? in
      while started < count && initializerError == nil { condition.wait(until: nil) }
      return initializerError
    }
    if let failure {
      stop()
      throw .initializerFailed(description: failure)
    }
  }

  /// Adds a batch and wakes the workers.
  func enqueue(_ job: any ThreadJob, strong: Bool) throws(PoolError) {
    let accepted = condition.withLock { () -> Bool in
      guard state == .open else { return false }
      jobs.append(ThreadJobReference(job, strong: strong))
      return true
    }
    guard accepted else { throw .closed }
    condition.broadcast()
  }

  /// Throws `PoolError.closed` unless the pool accepts work.
  func checkOpen() throws(PoolError) {
    let open = condition.withLock { state == .open }
    if !open { throw .closed }
  }

  func close() {
    condition.withLock { if state == .open { state = .closed } }
    condition.broadcast()
  }

  /// Closes, lets every queued batch run to its end, and joins the threads.
  func finish() {
    condition.withLock {
      if state == .open { state = .closed }
      for reference in jobs { reference.job?.liftWindow() }
    }
    condition.broadcast()
    joinThreads()
  }

  /// Fails unclaimed tasks, lets running chunks end (a thread cannot be killed), joins the threads.
  func stop() {
    condition.withLock {
      state = .terminated
      for reference in jobs { reference.job?.abandon() }
      jobs.removeAll()
    }
    condition.broadcast()
    joinThreads()
  }

  private func joinThreads() {
    let mine = condition.withLock { () -> [pthread_t] in
      if joined { return [] }
      joined = true
      return threads
    }
    for thread in mine where thread != pthread_self() { pthread_join(thread, nil) }
  }

  private func workerLoop() {
    if let initializer {
      do {
        try initializer()
      } catch {
        condition.withLock { initializerError = initializerError ?? String(describing: error) }
        condition.broadcast()
        return
      }
    }
    condition.lock()
    started += 1
    condition.broadcast()
    while true {
      if state == .terminated { break }
      jobs.removeAll { $0.job?.fullyClaimed ?? true }
      // Held in an optional this thread empties: the chunk's tasks, and the inputs they capture, are let go
      // before its outcomes are published, so a `map` that returns leaves nothing of its inputs in the pool.
      var chunk = jobs.lazy.compactMap(\.job).first { $0.canClaim }?.claim()
      if chunk != nil {
        condition.unlock()
        let publish = chunk?()
        chunk = nil
        publish?()
        condition.lock()
        continue
      }
      if state == .closed && jobs.isEmpty { break }
      condition.wait(until: nil)
    }
    condition.unlock()
  }
}

/// The core's reference to a queued batch, strong or weak.
struct ThreadJobReference {
  private let strongJob: (any ThreadJob)?
  private weak var weakJob: (any ThreadJob)?

  init(_ job: any ThreadJob, strong: Bool) {
    strongJob = strong ? job : nil
    weakJob = job
  }

  var job: (any ThreadJob)? { strongJob ?? weakJob }
}
