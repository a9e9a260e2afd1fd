import Glibc

/// The task timeout: when the parent must look next, and killing workers whose task overran.
extension ProcessBatch {
  func nextTimeoutCheckMs() -> Int32? {
    guard let limit = plan.timeoutNanos else { return nil }
    let now = SharedControl.nowNanos()
    var soonest = Int.max
    for worker in workers where worker.timedOutTask == nil {
      let running = control.task(slot: worker.slot)
      // limit - elapsed, not start + limit - now: a limit of Int.max (a huge taskTimeout, saturated) overflowed.
      guard running.index >= 0 else { continue }
      let (elapsed, early) = now.subtractingReportingOverflow(running.startNanos)
      let (left, overflow) = limit.subtractingReportingOverflow(elapsed)
      soonest = min(soonest, early || overflow ? Int.max : left)
    }
    if soonest == Int.max { return 50 }
    return Int32(clamping: max(1, soonest / 1_000_000 + 1))
  }

  func checkTimeouts() {
    guard let limit = plan.timeoutNanos else { return }
    let now = SharedControl.nowNanos()
    for worker in workers where worker.timedOutTask == nil {
      let running = control.task(slot: worker.slot)
      guard running.index >= 0 else { continue }
      let (elapsed, overflow) = now.subtractingReportingOverflow(running.startNanos)
      if !overflow, elapsed >= limit {
        worker.timedOutTask = running.index
        kill(worker.pid, SIGKILL)
      }
    }
  }
}
