import Glibc

/// Bounded waiting for the pool tests: every loop that waits for something to happen gives up at a deadline of
/// its own, so a bug fails the test instead of hanging the run (`.timeLimit` cannot stop synchronous code).
enum Deadline {
  /// How long a test waits for something that normally takes milliseconds.
  static let defaultSeconds = 30.0

  /// Seconds on the monotonic clock.
  static var now: Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Spins, yielding the CPU, until `condition` holds (true) or `seconds` pass (false).
  static func wait(seconds: Double = defaultSeconds, until condition: () -> Bool) -> Bool {
    let end = now + seconds
    while !condition() {
      guard now < end else { return false }
      sched_yield()
    }
    return true
  }

  /// True once `descriptor` has data (or end of file) to read, false when `seconds` pass first.
  static func readable(_ descriptor: Int32, seconds: Double = defaultSeconds) -> Bool {
    let end = now + seconds
    var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let left = end - now
      guard left > 0 else { return false }
      let ready = poll(&request, 1, Int32(min(left, 1) * 1000))
      if ready > 0 { return true }
      if ready < 0 && errno != EINTR { return false }
    }
  }
}
