import Glibc

/// Runs `body` on a thread of its own and waits at most `limit` for it to end: a test of something that used to
/// hang fails instead of hanging the test run (Swift Testing's time limit cannot stop a thread blocked in
/// synchronous code). On a timeout the thread is left behind, detached.
func finishes(within limit: Duration, _ body: @escaping () -> Void) -> Bool {
  var ends: [Int32] = [-1, -1]
  guard pipe(&ends) == 0 else { return false }
  final class Job: @unchecked Sendable {  // handed to exactly one thread, which alone runs it
    let body: () -> Void
    let done: Int32
    init(body: @escaping () -> Void, done: Int32) {
      self.body = body
      self.done = done
    }
  }
  let job = Unmanaged.passRetained(Job(body: body, done: ends[1])).toOpaque()
  var thread = pthread_t()
  let status = pthread_create(&thread, nil, { context in
    guard let context else { return nil }
    let job = Unmanaged<Job>.fromOpaque(context).takeRetainedValue()
    job.body()
    var byte: UInt8 = 1
    _ = write(job.done, &byte, 1)
    close(job.done)
    return nil
  }, job)
  guard status == 0 else {
    Unmanaged<Job>.fromOpaque(job).release()
    close(ends[0])
    close(ends[1])
    return false
  }
  pthread_detach(thread)
  defer { close(ends[0]) }
  let deadline = ContinuousClock.now + limit
  while true {
    let left = ContinuousClock.now.duration(to: deadline)
    if left <= .zero { return false }
    var entry = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
    let milliseconds = Int32(clamping: Int(left.components.seconds) * 1000 + 1)
    if poll(&entry, 1, milliseconds) > 0 { return true }
  }
}
