internal import SystemCalls
import Glibc

/// Reading a worker's pipe, and what its end means: the tasks it was running or had not reported are charged
/// with the death, or run once more by a fresh worker.
extension ProcessBatch {
  var descriptors: [Int32] {
    var result: [Int32] = []
    result.reserveCapacity(2 * workers.count)
    for worker in workers {
      result.append(worker.fd)
      if let exitFD = worker.exitFD { result.append(exitFD) }
    }
    return result
  }

  func handleReadable(_ fd: Int32) {
    if let ended = workers.first(where: { $0.exitFD == fd }) {
      reap(ended)  // the process is gone, whoever else holds its pipe
      return
    }
    guard let worker = workers.first(where: { $0.fd == fd }) else { return }
    let got: Int?
    do throws(SystemCallError) {
      got = try FileDescriptorIO.read(worker.fd, into: readBuffer)
    } catch {
      got = 0
    }
    guard let got else { return }
    if got == 0 {
      reap(worker)
      return
    }
    worker.buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[0..<got]))
    parseMessages(of: worker)
  }

  /// Waits for the worker's end, reads what it left in the pipe, and settles the tasks it took with it.
  func reap(_ worker: Worker) {
    let status = (try? ProcessCalls.wait(for: worker.pid)) ?? .exited(0)
    // Whatever the worker wrote before it ended is in the pipe now; EINTR never cuts this short. Non-blocking:
    // a process the worker's task forked may hold the write end open, so no end of file need come.
    _ = fcntl(worker.fd, F_SETFL, fcntl(worker.fd, F_GETFL) | O_NONBLOCK)
    while let got = try? FileDescriptorIO.read(worker.fd, into: readBuffer), got > 0 {
      worker.buffer.append(contentsOf: UnsafeRawBufferPointer(rebasing: readBuffer[0..<got]))
    }
    parseMessages(of: worker)
    FileDescriptorIO.close(worker.fd)
    ForkGate.unregister(pid: worker.pid, readEnd: worker.fd)
    if let exitFD = worker.exitFD {
      ForkGate.forgetInChildren(exitFD)
      FileDescriptorIO.close(exitFD)
    }
    workers.removeAll { $0 === worker }
    driver.release()
    let running = control.task(slot: worker.slot).index
    control.setTask(slot: worker.slot, -1)
    freeSlots.append(worker.slot)
    let cause: WorkerDeath
    switch status {
    case .signaled(let signal): cause = .signal(signal)
    case .exited(let code): cause = .exit(code)
    }
    guard !terminated, cause != .exit(0) || running >= 0 else { return }
    if running >= 0, store.isPending(running) {
      if worker.timedOutTask == running, let limit = plan.taskTimeout {
        store.setError(.timeout(index: running, limit: limit), at: running)
      } else {
        store.setError(.workerDied(index: running, cause: cause), at: running)
      }
    }
    let lost = unreported(by: worker)
    for index in lost { lose(index, cause: cause) }
    if running < 0, lost.isEmpty {
      // A death no task explains (an initializer that exits, say): replace the worker, but not forever.
      unattributedDeaths += 1
      if unattributedDeaths > 3 * targetWorkers {
        store.abandon(from: store.base) { .workerDied(index: $0, cause: cause) }
        if feed?.ended == false { store.setCount(feed?.available ?? 0) }
      }
    }
  }

  /// The tasks a dead worker had claimed (its retry list and the chunks the ledger says it claimed) that have
  /// no outcome.
  private func unreported(by worker: Worker) -> [Int] {
    var lost = worker.retry.filter { store.isPending($0) }
    let claimed = control.claimedChunks
    var chunk = store.base / plan.chunksize
    while chunk < claimed {
      if control.owner(of: chunk) == worker.id {
        let start = chunk * plan.chunksize
        for index in start..<(start + min(plan.chunksize, max(0, store.count - start))) where store.isPending(index) {
          lost.append(index)
        }
      }
      chunk += 1
    }
    return lost
  }

  /// Queues a lost task to run again, once; a task lost twice fails with the death that took it.
  func lose(_ index: Int, cause: WorkerDeath) {
    if retried.insert(index).inserted {
      retryQueue.append(index)
    } else {
      store.setError(.workerDied(index: index, cause: cause), at: index)
    }
  }
}
