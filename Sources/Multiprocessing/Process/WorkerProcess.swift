internal import SystemCalls
import Glibc

/// The life of a forked worker: run the initializer, then claim chunks from the shared queue, run their
/// tasks, send results home over the pipe; flush stdio and `_exit` when the queue is empty.
///
/// Results are batched: the pipe is written when 64 KiB are pending or 1 ms has passed since the last write,
/// which keeps chunksize-1 maps cheap; a chunk that ran 1 ms or more is therefore always sent at once.
struct WorkerProcess<Output: Codable> {
  let slot: Int
  let parent: pid_t
  let control: SharedControl
  let plan: BatchPlan
  let task: (Int) throws -> Output
  let initializer: (() throws -> Void)?
  let retry: [Int]
  /// For bitwise outputs: the batch's result memory, shared with the parent; values are written in place.
  let sharedValues: UnsafeMutablePointer<Output>?

  private static var bitwise: Bool { Output.self is any BitwiseResult.Type }

  /// Touches, in the parent, the runtime metadata and conformance lookups the child's own code needs.
  func prepare() {
    _ = Self.bitwise
    var scratch: [UInt8] = []
    scratch.reserveCapacity(1)
    _ = ContiguousArray<Output>()
    _ = [Int: String]()
    _ = Set<Int>()
  }

  /// The child's whole life; `fd` is the write end of its result pipe.
  func run(fd: Int32) -> Never {
    Self.lineBufferStdout()
    if getppid() != parent { _exit(0) }
    var pending: [UInt8] = []
    if let initializer {
      do {
        try initializer()
      } catch {
        let at = WireFormat.appendHeader(kind: .initializerFailed, start: 0, count: 0, to: &pending)
        pending.append(contentsOf: String(describing: error).utf8)
        WireFormat.patchLength(at: at, in: &pending)
        finish(&pending, fd: fd)
      }
    }
    var done = 0
    for index in retry {
      runRange(start: index, count: 1, into: &pending)
      done += 1
    }
    let limit = plan.maxTasksPerChild ?? Int.max
    var lastWrite = SharedControl.nowNanos()
    while done == 0 || done + plan.chunksize <= limit {
      let chunk = control.claimChunk()
      if chunk >= plan.chunkCount { break }
      while chunk >= control.window {
        send(&pending, fd: fd)
        if control.stopped || getppid() != parent { _exit(0) }
        usleep(200)
      }
      let start = chunk * plan.chunksize
      let count = min(plan.chunksize, plan.count - start)
      runRange(start: start, count: count, into: &pending)
      done += count
      let now = SharedControl.nowNanos()
      if pending.count >= 1 << 16 || now - lastWrite >= 1_000_000 {
        send(&pending, fd: fd)
        lastWrite = now
      }
    }
    finish(&pending, fd: fd)
  }

  private func runRange(start: Int, count: Int, into pending: inout [UInt8]) {
    if let sharedValues {
      runInPlace(start: start, count: count, values: sharedValues, into: &pending)
      return
    }
    var values = ContiguousArray<Output>()
    values.reserveCapacity(count)
    var failures: [Int: String] = [:]
    let timed = plan.taskTimeout != nil
    for index in start..<(start + count) {
      control.setTask(slot: slot, index, startNanos: timed ? SharedControl.nowNanos() : 0)
      do {
        values.append(try task(index))
      } catch {
        failures[index] = String(describing: error)
      }
      control.setTask(slot: slot, -1)
    }
    if Self.bitwise && failures.isEmpty {
      let at = WireFormat.appendHeader(kind: .raw, start: start, count: count, to: &pending)
      values.withUnsafeBytes { pending.append(contentsOf: $0) }
      WireFormat.patchLength(at: at, in: &pending)
      return
    }
    let at = WireFormat.appendHeader(kind: .items, start: start, count: count, to: &pending)
    var next = values.startIndex
    for index in start..<(start + count) {
      if let failure = failures[index] {
        WireFormat.appendItem(.threw, failure.utf8, to: &pending)
        continue
      }
      let value = values[next]
      next += 1
      if Self.bitwise {
        withUnsafeBytes(of: value) { WireFormat.appendItem(.value, $0, to: &pending) }
      } else {
        WireFormat.appendEncodedItem(value, to: &pending)
      }
    }
    WireFormat.patchLength(at: at, in: &pending)
  }

  private func runInPlace(start: Int, count: Int, values: UnsafeMutablePointer<Output>, into pending: inout [UInt8]) {
    let at = WireFormat.appendHeader(kind: .shared, start: start, count: count, to: &pending)
    let timed = plan.taskTimeout != nil
    for index in start..<(start + count) {
      control.setTask(slot: slot, index, startNanos: timed ? SharedControl.nowNanos() : 0)
      do {
        (values + index).initialize(to: try task(index))
      } catch {
        WireFormat.append(Int64(index), to: &pending)
        let text = String(describing: error).utf8
        WireFormat.append(UInt32(text.count), to: &pending)
        pending.append(contentsOf: text)
      }
      control.setTask(slot: slot, -1)
    }
    WireFormat.patchLength(at: at, in: &pending)
  }

  /// Writes everything pending; a parent that went away ends this worker.
  private func send(_ pending: inout [UInt8], fd: Int32) {
    var offset = 0
    while offset < pending.count {
      let written = pending.withUnsafeBytes { bytes -> Int in
        guard let base = bytes.baseAddress else { return 0 }
        return write(fd, base + offset, bytes.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        _exit(1)
      }
      offset += written
    }
    pending.removeAll(keepingCapacity: true)
  }

  private func finish(_ pending: inout [UInt8], fd: Int32) -> Never {
    send(&pending, fd: fd)
    fflush(nil)
    _exit(0)
  }

  /// Prints from several workers to one pipe or file must not interleave mid-line: each line becomes one
  /// `write`.
  private static func lineBufferStdout() {
    StandardStreams.lineBufferStandardOutput()
  }
}
