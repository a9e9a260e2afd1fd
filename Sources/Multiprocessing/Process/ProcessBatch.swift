internal import SystemCalls
import Glibc

/// One submission running on worker processes forked for it: forks them, reads their pipes, replaces the
/// dead, enforces the task timeout, and fills an `OutcomeStore`.
///
/// Driven by whichever thread waits on it (no background thread, so the parent stays single-threaded and
/// later forks stay safe). A task running when its worker dies is reported as failed; tasks the worker had
/// finished but not yet sent are run again by a fresh worker once the queue is empty, so nothing hangs.
final class ProcessBatch<Output: Codable>: TaskBatch {
  final class Worker {
    let pid: pid_t
    let fd: Int32
    let slot: Int
    var buffer: [UInt8] = []
    var timedOutTask: Int?
    init(pid: pid_t, fd: Int32, slot: Int) {
      self.pid = pid
      self.fd = fd
      self.slot = slot
    }
  }

  let plan: BatchPlan
  private let targetWorkers: Int
  private let task: (Int) throws -> Output
  private let initializer: (() throws -> Void)?
  let control: SharedControl
  let store: OutcomeStore<Output>
  private let sharedValues: UnsafeMutablePointer<Output>?
  private(set) var workers: [Worker] = []
  private var freeSlots: [Int]
  private var unattributedDeaths = 0
  /// Set when a worker died: the window stays open from then on (see `reap`).
  private var windowLifted = false
  private var lastDeath = WorkerDeath.exit(0)
  var terminated = false
  /// Uninitialized on purpose: untouched pages cost neither a page fault nor page-table copies at fork.
  private let readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 18, alignment: 16)

  var count: Int { plan.count }
  /// Worker processes alive right now.
  var liveWorkers: Int { workers.count }
  var isComplete: Bool { store.isComplete }

  init(
    plan: BatchPlan, workers: Int, ordered: Bool, initializer: (() throws -> Void)?,
    task: @escaping (Int) throws -> Output
  ) throws(PoolError) {
    self.plan = plan
    targetWorkers = max(1, min(workers, plan.chunkCount))
    self.task = task
    self.initializer = initializer
    control = try SharedControl(slots: targetWorkers)
    if Output.self is any BitwiseResult.Type {
      // Workers write plain numbers straight into memory shared with the parent: no copy through the pipe.
      let bytes = max(1, plan.count) * MemoryLayout<Output>.stride
      // MAP_POPULATE: one kernel call maps every page now, instead of a page fault per 4 KiB in the workers.
      let flags = MAP_SHARED | MAP_ANONYMOUS | MAP_POPULATE
      guard let memory = mmap(nil, bytes, PROT_READ | PROT_WRITE, flags, -1, 0),
        memory != MAP_FAILED
      else { throw .system(call: "mmap", errno: errno) }
      sharedValues = memory.bindMemory(to: Output.self, capacity: max(1, plan.count))
      store = OutcomeStore(count: plan.count, recordsArrivals: !ordered, storage: sharedValues) { pointer in
        munmap(UnsafeMutableRawPointer(pointer), bytes)
      }
    } else {
      sharedValues = nil
      store = OutcomeStore(count: plan.count, recordsArrivals: !ordered)
    }
    freeSlots = Array((0..<targetWorkers).reversed())
    if let window = plan.windowChunks { control.window = window }
    do throws(PoolError) {
      for _ in 0..<targetWorkers { try spawn(retry: []) }
    } catch {
      terminate()
      throw error
    }
  }

  deinit {
    if !workers.isEmpty { terminate() }
    readBuffer.deallocate()
  }

  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    if let window = plan.windowChunks { moveWindow(to: plan.chunk(of: index) + window) }
    while !store.hasOutcome(index) {
      pump(deadline: deadline)  // at least one look at the pipes, even with a deadline already past
      if !store.hasOutcome(index), let deadline, ContinuousClock.now >= deadline { return nil }
    }
    return store.take(index)
  }

  func waitAnyOutcome() -> Result<Output, PoolError>? {
    var taken = 0
    while true {
      if let outcome = store.takeNextArrival() {
        taken += 1
        return outcome
      }
      if store.isComplete { return nil }
      if let window = plan.windowChunks { moveWindow(to: plan.chunk(of: store.reported) + window) }
      pump(deadline: nil)
    }
  }

  func collectAll() throws(PoolError) -> [Output] {
    control.window = Int.max
    while !store.isComplete { pump(deadline: nil) }
    finishWorkers()
    return try store.orderedValues()
  }

  private func moveWindow(to chunk: Int) {
    if !windowLifted { control.window = chunk }
  }

  func consumerGone() { if !workers.isEmpty { terminate() } }

  /// Runs until every task has an outcome and every worker has been reaped.
  func finishWorkers() {
    control.window = Int.max
    while !store.isComplete || !workers.isEmpty { pump(deadline: nil) }
  }

  /// Reaps workers that already exited, without blocking.
  func reapExited() {
    while !workers.isEmpty {
      var ready = false
      for worker in workers where hasEOF(worker) { ready = true }
      if !ready { return }
      pump(deadline: .now)
    }
  }

  /// Kills every worker, reaps it, and marks unfinished tasks as terminated.
  func terminate() {
    terminated = true
    control.stopped = true
    for worker in workers { kill(worker.pid, SIGKILL) }
    for worker in workers { reap(worker, replace: false) }
    workers.removeAll()
    for index in store.pendingIndices { store.setError(.terminated(index: index), at: index) }
  }

  private func spawn(retry: [Int]) throws(PoolError) {
    guard let slot = freeSlots.popLast() else { return }
    control.setTask(slot: slot, -1)
    let parent = getpid()
    let spawned: Worker
    do throws(PoolError) {
      // Everything the child needs is built here, before the fork: a child of a multi-threaded process must
      // not instantiate runtime metadata (another thread may have held the runtime's locks at the fork).
      let worker = WorkerProcess(
        slot: slot, parent: parent, control: control, plan: plan, task: task, initializer: initializer,
        retry: retry, sharedValues: sharedValues)
      worker.prepare()
      spawned = try ForkGate.withLock { () throws(PoolError) -> Worker in
        let pipe: (read: Int32, write: Int32)
        do throws(SystemCallError) { pipe = try ProcessCalls.cloexecPipe() } catch { throw .system(call: error.call, errno: error.errno) }
        ProcessCalls.setPipeCapacity(pipe.read, bytes: 1 << 20)  // large results cross in fewer wake-ups
        let ends = [pipe.read, pipe.write]
        fflush(nil)  // nothing buffered before the fork may be printed twice
        let pid = fork()
        if pid < 0 {
          let code = errno
          close(ends[0])
          close(ends[1])
          throw .system(call: "fork", errno: code)
        }
        if pid == 0 {
          close(ends[0])
          ForkGate.resetInChild()
          worker.run(fd: ends[1])
        }
        close(ends[1])
        ForkGate.register(pid: pid, readEnd: ends[0])
        return Worker(pid: pid, fd: ends[0], slot: slot)
      }
    } catch {
      freeSlots.append(slot)
      throw error
    }
    workers.append(spawned)
  }

  /// Waits for pipe data, a worker's end, the next task-timeout check, or `deadline`, and handles it.
  private func pump(deadline: ContinuousClock.Instant?) {
    if workers.isEmpty { refill() }
    if workers.isEmpty { return }
    var waitMs: Int32 = -1
    if let deadline {
      let left = ContinuousClock.now.duration(to: deadline)
      waitMs = left <= .zero ? 0 : Int32(clamping: Self.milliseconds(left) + 1)
    }
    if let next = nextTimeoutCheckMs() { waitMs = waitMs < 0 ? next : min(waitMs, next) }
    var fds = workers.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
    let ready = poll(&fds, nfds_t(fds.count), waitMs)
    if ready > 0 {
      for (position, entry) in fds.enumerated().reversed() where entry.revents != 0 {
        read(from: workers[position])
      }
    }
    checkTimeouts()
  }

  private func read(from worker: Worker) {
    let got = Glibc.read(worker.fd, readBuffer.baseAddress, readBuffer.count)
    if got < 0 && errno == EINTR { return }
    if got <= 0 {
      reap(worker, replace: true)
      return
    }
    worker.buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[0..<got]))
    parseMessages(of: worker)
  }

  private func hasEOF(_ worker: Worker) -> Bool {
    var entry = pollfd(fd: worker.fd, events: Int16(POLLIN), revents: 0)
    return poll(&entry, 1, 0) > 0
  }

  private func reap(_ worker: Worker, replace: Bool) {
    var status: Int32 = 0
    while waitpid(worker.pid, &status, 0) < 0 && errno == EINTR {}
    // Whatever the worker wrote before it ended is still in the pipe.
    while true {
      let got = Glibc.read(worker.fd, readBuffer.baseAddress, readBuffer.count)
      if got <= 0 { break }
      worker.buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[0..<got]))
    }
    parseMessages(of: worker)
    close(worker.fd)
    ForkGate.unregister(pid: worker.pid, readEnd: worker.fd)
    workers.removeAll { $0 === worker }
    let running = control.task(slot: worker.slot).index
    control.setTask(slot: worker.slot, -1)
    freeSlots.append(worker.slot)
    let signal = status & 0x7f
    let cause: WorkerDeath = signal != 0 ? .signal(signal) : .exit((status >> 8) & 0xff)
    if cause != .exit(0) || running >= 0 {
      // A dead worker may take unsent results of earlier tasks with it; they run again once the queue is
      // empty and every worker has exited. Workers parked at the imap window would never exit, while the
      // consumer waits for exactly those tasks: so from now on the window stays open.
      windowLifted = true
      control.window = Int.max
    }
    if running >= 0, store.isPending(running) {
      if worker.timedOutTask == running, let limit = plan.taskTimeout {
        store.setError(.timeout(index: running, limit: limit), at: running)
      } else if !terminated {
        store.setError(.workerDied(index: running, cause: cause), at: running)
      }
    } else if cause != .exit(0) {
      unattributedDeaths += 1
      lastDeath = cause
    }
    if replace { refill() }
  }

  /// Keeps the batch staffed: replaces ended workers while chunks remain, and once the queue is empty and all
  /// workers are gone, hands tasks that were lost with a dead worker to fresh workers.
  private func refill() {
    guard !terminated, !store.isComplete else { return }
    do throws(PoolError) {
      if control.claimedChunks < plan.chunkCount {
        while workers.count < targetWorkers, !freeSlots.isEmpty { try spawn(retry: []) }
        return
      }
      guard workers.isEmpty else { return }
      let lost = store.pendingIndices
      if unattributedDeaths > 3 * targetWorkers {
        for index in lost { store.setError(.workerDied(index: index, cause: lastDeath), at: index) }
        return
      }
      let spawnCount = min(targetWorkers, lost.count)
      for worker in 0..<spawnCount {
        try spawn(retry: Array(stride(from: worker, to: lost.count, by: spawnCount).map { lost[$0] }))
      }
    } catch {
      if workers.isEmpty {
        for index in store.pendingIndices { store.setError(error, at: index) }
      }
    }
  }

  private static func milliseconds(_ duration: Duration) -> Int {
    Int(duration.components.seconds) * 1000 + Int(duration.components.attoseconds / 1_000_000_000_000_000)
  }
}
