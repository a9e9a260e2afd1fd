internal import SystemCalls
import Glibc

/// The life of a forked worker: run the initializer, run the tasks lost with a dead worker (`retry`), then
/// claim chunks from the shared queue, run their tasks, send results home over the pipe; park on a futex
/// while the imap window is shut; flush stdio and `_exit` when no chunk below its limit is left.
///
/// Results are batched: the pipe is written when 64 KiB are pending or a millisecond has passed since the last
/// write (checked between tasks, about every 20 µs of work), so that chunksize-1 maps stay cheap while a
/// worker that dies takes at most about a millisecond of finished work with it. A task's slot names it until
/// its result is encoded, so a worker that dies while encoding (out of memory, say) is charged to that task.
struct WorkerProcess<Output: Codable> {
  let slot: Int
  /// Unique within the batch: the ledger's record of which worker claimed a chunk.
  let workerID: Int
  let parent: pid_t
  let control: SharedControl
  let plan: BatchPlan
  let task: (Int) throws -> Output
  let initializer: (() throws -> Void)?
  let retry: [Int]
  /// Chunks below this number had their input in this process at the fork.
  let chunkLimit: Int
  /// Tasks below this number had their input in this process at the fork.
  let taskLimit: Int
  /// For bitwise outputs: the batch's result ring, shared with the parent; values are written in place.
  let sharedValues: UnsafeMutablePointer<Output>?
  let ringCapacity: Int

  private static var bitwise: Bool { Output.self is any BitwiseResult.Type }

  /// Touches, in the parent, the runtime metadata and conformance lookups the child's own code needs.
  func prepare() {
    _ = Self.bitwise
    var scratch: [UInt8] = []
    scratch.reserveCapacity(1)
    _ = ContiguousArray<Output>()
    _ = [Int: String]()
    _ = Set<Int>()
    _ = TaskErrorCoding.prepare()
  }

  /// The child's whole life; `fd` is the write end of its result pipe.
  func run(fd: Int32) -> Never {
    StandardStreams.lineBufferStandardOutput()
    if getppid() != parent { _exit(0) }
    var output = WorkerOutput(fd: fd)
    if let initializer {
      do {
        try initializer()
      } catch {
        let at = WireFormat.appendHeader(kind: .initializerFailed, start: 0, count: 0, to: &output.pending)
        output.pending.append(contentsOf: String(describing: error).utf8)
        WireFormat.patchLength(at: at, in: &output.pending)
        finish(&output)
      }
    }
    var done = 0
    for index in retry {
      runRange(start: index, count: 1, into: &output)
      done += 1
    }
    let limit = plan.maxTasksPerChild ?? Int.max
    while done == 0 || plan.chunksize <= limit - done {
      switch control.claim(slot: workerID, limit: chunkLimit) {
      case .chunk(let chunk):
        let start = chunk * plan.chunksize
        let count = min(plan.chunksize, taskLimit - start)
        runRange(start: start, count: count, into: &output)
        done += count
        output.sendIfDue()
      case .exhausted:
        finish(&output)
      case .blocked:
        output.send()
        PoolTestHooks.beforeParking()
        if control.stopped || getppid() != parent || control.yieldRequested { finish(&output) }
        // The timeout only bounds how long a worker of a vanished parent lingers; wake-ups come by futex.
        control.park(timeout: .milliseconds(250)) {
          control.claimedChunks >= control.window && !control.stopped && !control.yieldRequested
        }
      }
    }
    finish(&output)
  }

  private func runRange(start: Int, count: Int, into output: inout WorkerOutput) {
    if let sharedValues, !control.spill {
      runInPlace(start: start, count: count, values: sharedValues, into: &output)
      return
    }
    var message = output.open(.items, start: start, count: count)
    let timed = plan.taskTimeout != nil
    for index in start..<(start + count) {
      control.setTask(slot: slot, index, startNanos: timed ? SharedControl.nowNanos() : 0)
      do {
        let value = try task(index)
        if Self.bitwise {
          withUnsafeBytes(of: value) { WireFormat.appendItem(.value, $0, to: &output.pending) }
        } else {
          WireFormat.appendEncodedItem(value, to: &output.pending)
        }
      } catch {
        TaskErrorCoding.append(error, to: &output.pending)
      }
      control.setTask(slot: slot, -1)
      output.sendFinishedPart(of: &message, through: index)
    }
    output.close(message)
  }

  private func runInPlace(
    start: Int, count: Int, values: UnsafeMutablePointer<Output>, into output: inout WorkerOutput
  ) {
    var message = output.open(.shared, start: start, count: count)
    let timed = plan.taskTimeout != nil
    // A chunk never wraps around the ring's end (the ring holds whole chunks): its slots are consecutive.
    let slots = values + start % ringCapacity
    for index in start..<(start + count) {
      control.setTask(slot: slot, index, startNanos: timed ? SharedControl.nowNanos() : 0)
      do {
        (slots + (index - start)).initialize(to: try task(index))
      } catch {
        WireFormat.append(Int64(index), to: &output.pending)
        TaskErrorCoding.append(error, to: &output.pending)
      }
      control.setTask(slot: slot, -1)
      output.sendFinishedPart(of: &message, through: index)
    }
    output.close(message)
  }

  private func finish(_ output: inout WorkerOutput) -> Never {
    output.send()
    fflush(nil)
    _exit(0)
  }
}

/// A worker's pending result bytes and when it last sent them.
struct WorkerOutput {
  let fd: Int32
  var pending: [UInt8] = []
  private var lastSend = SharedControl.nowNanos()
  private var lastCheck = SharedControl.nowNanos()
  private var sinceCheck = 0
  /// Tasks between two looks at the clock, adapted so that a look comes about every 20 µs of work.
  private var checkEvery = 1

  init(fd: Int32) { self.fd = fd }

  /// Whether the pending results should go now: 64 KiB pending, or a millisecond since the last send.
  mutating func isDue() -> Bool {
    if pending.count >= 1 << 16 { return true }
    sinceCheck += 1
    if sinceCheck < checkEvery { return false }
    let now = SharedControl.nowNanos()
    let perTask = max(1, (now - lastCheck) / sinceCheck)
    checkEvery = min(4096, max(1, 20_000 / perTask))
    sinceCheck = 0
    lastCheck = now
    return now - lastSend >= 1_000_000
  }

  /// A message being written: its kind, where its header is, and the tasks it covers.
  struct OpenMessage {
    let kind: WireFormat.Kind
    var header: Int
    var first: Int
    let end: Int
  }

  /// Starts a message for tasks `start..<start + count`.
  mutating func open(_ kind: WireFormat.Kind, start: Int, count: Int) -> OpenMessage {
    let header = WireFormat.appendHeader(kind: kind, start: start, count: count, to: &pending)
    return OpenMessage(kind: kind, header: header, first: start, end: start + count)
  }

  /// Ends a message (its length is known now).
  mutating func close(_ message: OpenMessage) { WireFormat.patchLength(at: message.header, in: &pending) }

  /// In a long chunk: when sending is due, ends the message after task `index`, sends it, and opens a new one
  /// for the chunk's remaining tasks.
  mutating func sendFinishedPart(of message: inout OpenMessage, through index: Int) {
    guard index + 1 < message.end, isDue() else { return }
    WireFormat.patchCount(at: message.header, count: index + 1 - message.first, in: &pending)
    close(message)
    send()
    message = open(message.kind, start: index + 1, count: message.end - index - 1)
  }

  /// Sends the pending results if they are due (see `isDue`).
  mutating func sendIfDue() { if isDue() { send() } }

  /// Writes everything pending; a parent that went away ends this worker.
  mutating func send() {
    lastSend = SharedControl.nowNanos()
    guard !pending.isEmpty else { return }
    do throws(SystemCallError) {
      try FileDescriptorIO.writeAll(fd, pending)
    } catch {
      _exit(1)
    }
    pending.removeAll(keepingCapacity: true)
  }
}
