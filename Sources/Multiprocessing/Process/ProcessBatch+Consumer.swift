/// The caller's side of a batch (`TaskBatch`): waiting for outcomes while driving the pool, and moving an
/// imap's window as results are taken.
extension ProcessBatch {
  func waitOutcome(of index: Int, deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    guard wait(for: index, deadline: deadline) else { return nil }
    let outcome = store.take(index)
    if store.isComplete, publishedWindow == nil {
      // An `applyAsync`: its worker is exiting; reap it now, so that its slot and the closure are freed.
      finishWorkers()
    }
    return outcome
  }

  func nextInOrder(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    // The window already holds `index`: it is moved after each take, and always spans the oldest untaken task.
    let index = handed
    guard wait(for: index, deadline: deadline), let outcome = store.take(index) else { return nil }
    handed += 1
    moveWindow()
    return outcome
  }

  func nextArrival(deadline: ContinuousClock.Instant?) -> Result<Output, PoolError>? {
    var idleRounds = 0
    var pumped = false
    while true {
      if let step = store.nextArrival(handed: &handed) {
        moveWindow()
        return step
      }
      // The pipes are read at least once, so that a zero timeout still takes what the workers sent.
      if pumped, let deadline, ContinuousClock.now >= deadline { return nil }
      moveWindow()
      widenWindowIfStarved()
      pumped = true
      if driver.pump(deadline: deadline) {
        idleRounds = 0
      } else {
        idleRounds += 1
        if idleRounds > 2 { giveUp(from: store.base) }
      }
    }
  }

  /// Drives the pool until task `index` has an outcome (true), the input ended before it, or `deadline`
  /// passed (false).
  private func wait(for index: Int, deadline: ContinuousClock.Instant?) -> Bool {
    var idleRounds = 0
    while !store.hasOutcome(index) {
      if index >= store.count { return false }
      widenWindowIfStarved()
      if driver.pump(deadline: deadline) {
        idleRounds = 0
      } else {
        // Nothing alive to wait for and nothing could be started: never spin, never hang.
        idleRounds += 1
        if idleRounds > 2 { giveUp(from: index) }
      }
      if store.hasOutcome(index) { break }
      if let deadline, ContinuousClock.now >= deadline { return false }
    }
    return true
  }

  /// Drives the pool until every task has an outcome (true) or `deadline` passes (false), taking none: a
  /// `mapAsync` with completion callbacks waits so, and its completion hook sees every value.
  func waitComplete(deadline: ContinuousClock.Instant?) -> Bool {
    var idleRounds = 0
    while !store.isComplete {
      // The pipes are read at least once, so that `ready` (a zero timeout) drives the pool too.
      idleRounds = driver.pump(deadline: deadline) ? 0 : idleRounds + 1
      if idleRounds > 2 { giveUp(from: store.base) }  // nothing alive and nothing startable: never hang
      if store.isComplete { break }
      if let deadline, ContinuousClock.now >= deadline { return false }
    }
    reportCompletion()  // in case no pump round saw the end (a batch given up)
    return true
  }

  /// The last resort of a wait that nothing can satisfy (it should not happen): fail instead of hanging.
  private func giveUp(from index: Int) {
    if !store.isComplete { store.abandon(from: index) { .terminated(index: $0) } }
  }

  func collectAll() throws(PoolError) -> [Output] {
    finishWorkers()
    return try store.orderedValues()
  }

  func consumerGone() {
    if !isDone { terminate() }
    releaseInputIfDone()
  }

  /// The consumer must wait while workers sit parked at the window: the window, not the work, holds it back
  /// (tasks are fast next to a wake-up round trip). Doubles the window, up to `plan.maxWindowChunks`.
  private func widenWindowIfStarved() {
    guard let widest = plan.maxWindowChunks, windowChunks < widest, let published = publishedWindow,
      published != Int.max, control.parkedWorkers > 0
    else { return }
    windowChunks = min(widest, windowChunks * 2)
    publishedWindow = store.base / plan.chunksize + windowChunks
    control.publish(window: store.base / plan.chunksize + windowChunks)
  }

  /// Lets workers run `windowChunks` chunks past the oldest result not yet taken. The window moves in steps
  /// of half its width, so parked workers wake for a run of tasks, not one task at a time.
  func moveWindow() {
    if store.base >= forgottenBelow + 1024 {
      forgottenBelow = store.base
      forgetTakenInputs()
    }
    guard publishedWindow != nil, let published = publishedWindow, published != Int.max else { return }
    let window = windowChunks
    let wanted = store.base / plan.chunksize + window
    if wanted >= published + max(1, window / 2) {
      publishedWindow = wanted
      control.publish(window: wanted)
    }
  }
}
