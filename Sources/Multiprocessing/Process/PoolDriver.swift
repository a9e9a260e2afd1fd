import Glibc

/// The worker budget and the event loop shared by every batch of one `ProcessPool`.
///
/// At most `limit` worker processes run at once, whichever batch they serve. Whoever waits for a result drives
/// every outstanding batch (one `poll` over all their pipes), so a batch that finished frees its workers' slots
/// while another is awaited, and batches are staffed in the order they were submitted, as Python's pool queues
/// tasks. A batch left waiting while every slot is held by workers of an imap gets those slots as the workers reach
/// the imap's window: while it waits, they exit there instead of parking (they hold no claimed work then).
final class PoolDriver {
  let limit: Int
  private(set) var live = 0
  private var batches: [BatchReference] = []

  init(limit: Int) { self.limit = limit }

  func add(_ batch: any ActiveProcessBatch, strong: Bool) { batches.append(BatchReference(batch, strong: strong)) }

  /// Takes a worker slot if one is free.
  func acquire() -> Bool {
    guard live < limit else { return false }
    live += 1
    return true
  }

  /// Gives back the slot of a reaped worker.
  func release() { live -= 1 }

  /// The outstanding batches, oldest first (dropped imaps and finished batches leave).
  var active: [any ActiveProcessBatch] {
    batches.removeAll { reference in
      guard let batch = reference.batch else { return true }
      return batch.isDone
    }
    return batches.compactMap(\.batch)
  }

  /// One round of the event loop: staffs the batches, waits for pipe data or a worker's end (or the next
  /// task-timeout check, or `deadline`), handles what came, and staffs again. Returns false when no worker
  /// of any batch was alive to wait for.
  @discardableResult
  func pump(deadline: ContinuousClock.Instant?) -> Bool {
    let batches = active
    // Completion callbacks run last, once this round's outcomes are in (a callback may submit work: the
    // round is over by then).
    defer { for batch in batches { batch.reportCompletion() } }
    staff(batches)
    var fds: [pollfd] = []
    var owners: [any ActiveProcessBatch] = []
    var waitMs: Int32 = -1
    for batch in batches {
      for fd in batch.descriptors {
        fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
        owners.append(batch)
      }
      if let next = batch.nextTimeoutCheckMs() { waitMs = waitMs < 0 ? next : min(waitMs, next) }
    }
    if fds.isEmpty { return false }
    if let deadline {
      let left = ContinuousClock.now.duration(to: deadline)
      let ms = left <= .zero ? 0 : Int32(clamping: left.saturatingMilliseconds)
      waitMs = waitMs < 0 ? ms : min(waitMs, ms)
    }
    if poll(&fds, nfds_t(fds.count), waitMs) > 0 {
      for (position, entry) in fds.enumerated() where entry.revents != 0 {
        owners[position].handleReadable(entry.fd)
      }
    }
    for batch in batches { batch.checkTimeouts() }
    staff(batches)
    return true
  }

  /// Hands free slots to batches that want workers, oldest first; while one still waits with every slot taken,
  /// the other batches' workers exit at their imap window (parked or not yet there: the request stands until the
  /// waiting batch has a worker, and a worker's exit wakes this loop through its pipe).
  private func staff(_ batches: [any ActiveProcessBatch]) {
    for batch in batches { batch.refill() }
    let starved = live >= limit ? batches.filter(\.isStarved) : []
    for batch in batches { batch.yieldWhenBlocked(!starved.isEmpty && !starved.contains { $0 === batch }) }
  }

  /// Runs every outstanding batch (only those held strongly: `map`, `applyAsync`, when `strongOnly`) to its
  /// end and reaps its workers.
  func finishAll(strongOnly: Bool) {
    let chosen = batches.filter { !strongOnly || $0.isStrong }.compactMap(\.batch)
    for batch in chosen { batch.finishWorkers() }
    _ = active
  }

  /// Terminates every outstanding batch.
  func terminateAll() {
    for batch in active { batch.terminate() }
    batches.removeAll()
  }
}
