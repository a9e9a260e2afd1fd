internal import SystemCalls
import Glibc

/// One submission running on worker processes forked for it: forks them as the pool's budget allows, reads
/// their pipes, replaces the dead, enforces the task timeout, and fills an `OutcomeStore`.
///
/// Driven by whichever thread waits on the pool (through `PoolDriver`; no background thread, so the parent
/// stays single-threaded and later forks stay safe). A task running when its worker dies is charged with the
/// death. Tasks the worker had claimed but not reported (finished in its last millisecond, or not yet started)
/// are found in the shared ledger and run once more by a fresh worker; lost a second time, they fail with
/// `PoolError.workerDied`, so no task runs more than twice because of deaths.
final class ProcessBatch<Output: Codable>: TaskBatch, ActiveProcessBatch {
  final class Worker {
    let pid: pid_t
    let fd: Int32
    /// Readable once the process has ended (a pidfd; nil without kernel support). The end of file on `fd` does not
    /// tell: a process the worker's task forked inherits the pipe's write end and may hold it long after.
    let exitFD: Int32?
    let slot: Int
    let id: Int
    let retry: [Int]
    var buffer: [UInt8] = []
    var timedOutTask: Int?
    init(pid: pid_t, fd: Int32, exitFD: Int32?, slot: Int, id: Int, retry: [Int]) {
      self.pid = pid
      self.fd = fd
      self.exitFD = exitFD
      self.slot = slot
      self.id = id
      self.retry = retry
    }
  }

  let plan: BatchPlan
  let driver: PoolDriver
  /// The task input; dropped once the batch is done, so nothing the caller passed outlives its results.
  var feed: (any ProcessTaskFeed<Output>)?
  private let initializer: (() throws -> Void)?
  let targetWorkers: Int
  let control: SharedControl
  let store: OutcomeStore<Output>
  private let sharedValues: UnsafeMutablePointer<Output>?
  var workers: [Worker] = []
  var freeSlots: [Int]
  private var nextWorkerID = 0
  /// Tasks lost with a dead worker, waiting for a fresh one; and every task ever queued so (run at most twice).
  var retryQueue: [Int] = []
  var retried: Set<Int> = []
  var unattributedDeaths = 0
  /// The imap window last published to the workers (chunks); nil for a batch without a window.
  var publishedWindow: Int?
  /// How many chunks the imap window spans now (it grows while the consumer waits on parked workers).
  var windowChunks = 0
  /// The feed was last told to forget inputs below this task.
  var forgottenBelow = 0
  /// Items the next pull of a streamed input asks for: it doubles from `plan.segmentItems` up to 131,072, so a
  /// long input costs few forks while a short one is never read far ahead.
  private var segmentItems = 0
  var terminated = false
  /// Outcomes handed out through `nextInOrder`/`nextArrival`.
  var handed = 0
  /// Called once, with the store, when every task has an outcome (`applyAsync`'s callbacks); then nil.
  var onComplete: ((OutcomeStore<Output>) -> Void)?
  /// Uninitialized on purpose: untouched pages cost neither a page fault nor page-table copies at fork.
  let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)

  var count: Int? { store.count == Int.max ? nil : store.count }
  var handedOver: Int { handed }
  var liveWorkers: Int { workers.count }

  init(
    plan: BatchPlan, driver: PoolDriver, ordered: Bool, feed: any ProcessTaskFeed<Output>,
    initializer: (() throws -> Void)?
  ) throws(PoolError) {
    self.plan = plan
    self.driver = driver
    self.feed = feed
    self.initializer = initializer
    targetWorkers = max(1, min(driver.limit, plan.chunkCount))
    let capacity = min(
      plan.count, plan.maxWindowChunks.map { PoolSizing.saturatingProduct($0, plan.chunksize) } ?? plan.count)
    control = try SharedControl(slots: targetWorkers, ledgerSize: plan.maxWindowChunks ?? plan.chunkCount)
    if Output.self is any BitwiseResult.Type {
      // Workers write plain numbers straight into memory shared with the parent: no copy through the pipe.
      // A size past the address space saturates, and mmap fails with ENOMEM (`PoolError.system`) instead of a trap.
      let bytes = PoolSizing.saturatingProduct(max(1, capacity), MemoryLayout<Output>.stride)
      // MAP_POPULATE: one kernel call maps every page now, instead of a page fault per 4 KiB in the workers.
      let flags = MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE
      guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, flags, -1, 0),
        memory != MAP_FAILED
      else { throw .system(call: "mmap", errno: errno) }
      sharedValues = memory.bindMemory(to: Output.self, capacity: max(1, capacity))
      store = OutcomeStore(
        count: plan.count, capacity: capacity, recordsArrivals: !ordered, storage: sharedValues
      ) { pointer in munmap(UnsafeMutableRawPointer(pointer), bytes) }
    } else {
      sharedValues = nil
      store = OutcomeStore(count: plan.count, capacity: capacity, recordsArrivals: !ordered)
    }
    freeSlots = Array((0..<targetWorkers).reversed())
    if let window = plan.windowChunks {
      windowChunks = window
      publishedWindow = window
      control.publish(window: window)
    }
    refill()
  }

  deinit {
    if !workers.isEmpty { terminate() }
    readBuffer.deallocate()
  }

  /// Every task has an outcome and every worker was reaped.
  var isDone: Bool { store.isComplete && workers.isEmpty }

  // MARK: Staffing

  /// Chunks whose input a worker forked now would have.
  private var availableChunks: Int {
    guard let feed else { return 0 }
    return feed.ended
      ? PoolSizing.chunks(of: feed.available, chunksize: plan.chunksize) : feed.available / plan.chunksize
  }

  /// Whether a chunk can be claimed now (pulling the next segment of a streamed input when the pulled ones
  /// are all claimed).
  private func hasClaimableWork() -> Bool {
    guard let feed else { return false }
    let claimed = control.claimedChunks
    if claimed >= (publishedWindow ?? Int.max) { return false }
    if claimed < availableChunks { return true }
    guard !feed.ended else { return false }
    if segmentItems == 0 { segmentItems = plan.segmentItems }
    _ = feed.pull(segmentItems)
    segmentItems = max(segmentItems, min(2 * segmentItems, 131_072 / plan.chunksize * plan.chunksize))
    if feed.ended { store.setCount(feed.available) }
    return claimed < availableChunks
  }

  var isStarved: Bool {
    workers.isEmpty && !terminated && !store.isComplete && (!retryQueue.isEmpty || hasClaimableWork())
  }

  func yieldWhenBlocked(_ yield: Bool) {
    if control.yieldRequested != yield { control.yieldRequested = yield }
  }

  /// Keeps the batch staffed: lost tasks first, then the queue, while the pool has free slots.
  func refill() {
    guard !terminated, !store.isComplete, feed != nil else { return }
    do throws(PoolError) {
      while !retryQueue.isEmpty, !freeSlots.isEmpty, driver.acquire() {
        let retry = retryQueue.filter { store.isPending($0) }
        retryQueue.removeAll()
        if retry.isEmpty {
          driver.release()
          break
        }
        try spawn(retry: retry)
      }
      while workers.count < targetWorkers, !freeSlots.isEmpty, hasClaimableWork(), driver.acquire() {
        try spawn(retry: [])
      }
      if workers.isEmpty, retryQueue.isEmpty { recoverUnreported() }
    } catch {
      if workers.isEmpty { store.abandon(from: store.base) { _ in error } }
    }
  }

  /// With no worker left, claimed tasks that still have no outcome were lost (the ledger may have been
  /// overwritten once a join lifted the window): queue them to run again.
  private func recoverUnreported() {
    let claimedTasks = min(store.count, PoolSizing.saturatingProduct(control.claimedChunks, plan.chunksize))
    guard store.base < claimedTasks else { return }
    for index in store.base..<claimedTasks where store.isPending(index) { lose(index, cause: .exit(0)) }
    if !retryQueue.isEmpty { refill() }
  }

  private func spawn(retry: [Int]) throws(PoolError) {
    guard !freeSlots.isEmpty, let feed else {
      driver.release()
      return
    }
    let slot = freeSlots.removeLast()
    nextWorkerID += 1
    let id = nextWorkerID
    control.setTask(slot: slot, -1)
    let parent = getpid()
    let spawned: Worker
    do throws(PoolError) {
      // Everything the child needs is built here, before the fork: a child of a multi-threaded process must
      // not instantiate runtime metadata (another thread may have held the runtime's locks at the fork).
      let worker = WorkerProcess(
        slot: slot, workerID: id, parent: parent, control: control, plan: plan, task: { try feed.run($0) },
        initializer: initializer, retry: retry, chunkLimit: availableChunks, taskLimit: feed.available,
        sharedValues: sharedValues, ringCapacity: store.capacity)
      worker.prepare()
      spawned = try ForkGate.withLock { () throws(PoolError) -> Worker in
        let pipe: (read: Int32, write: Int32)
        do throws(SystemCallError) { pipe = try ProcessCalls.cloexecPipe() } catch {
          throw .system(call: error.call, errno: error.errno)
        }
        ProcessCalls.setPipeCapacity(pipe.read, bytes: 1 << 20)  // large results cross in fewer wake-ups
        fflush(nil)  // nothing buffered before the fork may be printed twice
        let pid = PoolTestHooks.forkError == 0 ? fork() : -1
        if pid < 0 {
          let code = PoolTestHooks.forkError == 0 ? errno : PoolTestHooks.forkError
          FileDescriptorIO.close(pipe.read)
          FileDescriptorIO.close(pipe.write)
          throw .system(call: "fork", errno: code)
        }
        if pid == 0 {
          FileDescriptorIO.close(pipe.read)
          ForkGate.resetInChild()
          worker.run(fd: pipe.write)
        }
        FileDescriptorIO.close(pipe.write)
        let exitFD = ProcessCalls.exitDescriptor(of: pid)
        ForkGate.register(pid: pid, readEnd: pipe.read)
        if let exitFD { ForkGate.closeInChildren(exitFD) }
        return Worker(pid: pid, fd: pipe.read, exitFD: exitFD, slot: slot, id: id, retry: retry)
      }
    } catch {
      freeSlots.append(slot)
      driver.release()
      throw error
    }
    workers.append(spawned)
  }

  // MARK: Ending

  /// Runs until every task has an outcome and every worker has been reaped. An imap's window is lifted (its
  /// consumer is not reading: `join`), except over an input that may be endless, which is stopped instead.
  func finishWorkers() {
    if publishedWindow != nil, publishedWindow != Int.max {
      if feed?.ended == false {
        terminate()
        return
      }
      control.spill = true
      publishedWindow = Int.max
      control.publish(window: Int.max)
    }
    while !isDone {
      if !driver.pump(deadline: nil) && !isDone { recoverUnreported() }
    }
    feed = nil
  }

  /// Kills every worker, reaps it, and fails unfinished tasks with `PoolError.terminated`.
  func terminate() {
    terminated = true
    control.stop()
    for worker in workers { kill(worker.pid, SIGKILL) }
    for worker in workers { reap(worker) }
    if let feed, !feed.ended { store.setCount(feed.available) }
    store.abandon(from: store.base) { .terminated(index: $0) }
    feed = nil
    reportCompletion()
  }

  func reportCompletion() {
    guard store.isComplete, let hook = onComplete else { return }
    onComplete = nil
    hook(store)
  }

  /// Drops the input once the batch is done, so that nothing the caller passed outlives its results.
  func releaseInputIfDone() {
    if isDone { feed = nil }
  }

  /// Lets the feed drop inputs of tasks whose outcomes were taken.
  func forgetTakenInputs() { feed?.forget(below: store.base) }
}
