import Glibc

/// Bounded polling for the end-to-end tests: every loop that waits for the command to do something gives up
/// at a deadline of its own, so a bug fails the test instead of hanging CI (`.timeLimit` cannot stop a test
/// blocked in synchronous code).
enum Waiting {
  /// Seconds on the monotonic clock.
  private static var now: Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }

  /// Checks `condition` every `interval` microseconds until it holds (true) or `seconds` pass (false).
  static func until(seconds: Double, interval: useconds_t = 50_000, _ condition: () throws -> Bool) rethrows -> Bool {
    let end = now + seconds
    while try !condition() {
      guard now < end else { return false }
      usleep(interval)
    }
    return true
  }

  /// As `until`, for async tests: sleeps between checks with `Task.sleep`, so the wait holds none of Swift's few
  /// cooperative threads that other tests (local servers, time limits) need meanwhile.
  static func suspendingUntil(
    seconds: Double, interval: useconds_t = 50_000, _ condition: () async throws -> Bool
  ) async rethrows -> Bool {
    let end = now + seconds
    while try await !condition() {
      guard now < end else { return false }
      try? await Task.sleep(nanoseconds: UInt64(interval) * 1000)
    }
    return true
  }
}
