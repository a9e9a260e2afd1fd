#if canImport(Glibc)
  internal import Glibc
#elseif canImport(Darwin)
  internal import Darwin
#endif

/// Seconds since 1970-01-01 UTC, with sub-microsecond resolution: Python's `time.time()`.
/// `print(now())` prints like Python does, e.g. `1732675201.1234567`.
public func now() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_REALTIME, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Seconds on a clock that never jumps (not wall time): for measuring how long something took.
public func monotonicNow() -> Double {
  var spec = timespec()
  clock_gettime(CLOCK_MONOTONIC, &spec)
  return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Blocks the calling thread for `seconds` (fractions allowed), resuming after a signal interrupts the wait:
/// Python's `time.sleep`.
public func sleep(seconds: Double) {
  guard seconds > 0, seconds.isFinite else { return }
  var request = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - Double(Int(seconds))) * 1e9))
  var remaining = timespec()
  while nanosleep(&request, &remaining) != 0 && errno == EINTR {
    request = remaining
  }
}

/// Runs `body` and returns its result with the seconds it took (monotonic clock).
public func timed<T>(_ body: () throws -> T) rethrows -> (result: T, seconds: Double) {
  let start = monotonicNow()
  let result = try body()
  return (result, monotonicNow() - start)
}

/// `value` with exactly `decimals` digits after the point, like Python's `f"{value:.2f}"`, without Foundation.
public func formatted(_ value: Double, decimals: Int) -> String {
  guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
  let places = max(0, min(decimals, 15))
  var scale = 1.0
  for _ in 0..<places { scale *= 10 }
  let scaled = (abs(value) * scale).rounded()
  guard scaled < 9e15 else { return String(value) }
  let whole = Int(scaled) / Int(scale)
  var text = String(whole)
  if places > 0 {
    var fraction = String(Int(scaled) % Int(scale))
    while fraction.count < places { fraction = "0" + fraction }
    text += "." + fraction
  }
  return (value < 0 && scaled != 0 ? "-" : "") + text
}

/// The local wall-clock time of `seconds` since 1970 as `HH:MM:SS.mmm`, for printing timestamps readably.
public func clockTime(_ seconds: Double = now()) -> String {
  var whole = time_t(seconds.rounded(.down))
  var parts = tm()
  localtime_r(&whole, &parts)
  let millis = min(999, Int(((seconds - seconds.rounded(.down)) * 1000).rounded(.down)))
  func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
  let ms = millis < 10 ? "00\(millis)" : millis < 100 ? "0\(millis)" : "\(millis)"
  return "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)).\(ms)"
}
