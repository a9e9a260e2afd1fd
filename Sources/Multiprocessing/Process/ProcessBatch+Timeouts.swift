import Glibc

/// The task timeout: when the parent must look next, and killing workers whose task overran.
extension ProcessBatch {
  func nextTimeoutCheckMs() -> Int32? {
    guard let limit = plan.timeoutNanos else { return nil }
    let now = SharedControl.nowNanos()
    var soonest = Int.max
    for worker in workers where worker.timedOutTask == nil {
      let running = control.task(slot: worker.slot)
      if running.index >= 0 { soonest = min(soonest, running.startNanos + limit - now) }
    }
    if soonest == Int.max { return 50 }
    return Int32(clamping: max(1, soonest / 1_000_000 + 1))
  }

  func checkTimeouts() {
    guard let limit = plan.timeoutNanos else { return }
    let now = SharedControl.nowNanos()
    for worker in workers where worker.timedOutTask == nil {
      let running = control.task(slot: worker.slot)
      if running.index >= 0, now - running.startNanos >= limit {
        worker.timedOutTask = running.index
        kill(worker.pid, SIGKILL)
      }
    }
  }
}
