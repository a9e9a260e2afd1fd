import Glibc

/// A pthread mutex with a condition variable (on the monotonic clock), for threads that must sleep until
/// state they share changes. `Synchronization.Mutex` has no condition variable, hence this small wrapper.
final class Condition: @unchecked Sendable {
  // Invariant: the pthread objects are allocated once, never moved, and destroyed only in deinit.
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  deinit {
    pthread_cond_destroy(condition)
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
    condition.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }

  func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }

  /// Wakes every waiting thread (call with the lock held or not).
  func broadcast() { pthread_cond_broadcast(condition) }

  /// Sleeps until a broadcast or `deadline` (lock held on entry and on return); false when the deadline passed.
  @discardableResult
  func wait(until deadline: ContinuousClock.Instant?) -> Bool {
    guard let deadline else {
      pthread_cond_wait(condition, mutex)
      return true
    }
    let left = ContinuousClock.now.duration(to: deadline)
    if left <= .zero { return false }
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let nanos = now.tv_nsec + Int(left.components.attoseconds / 1_000_000_000)
    // A deadline centuries away is "no deadline" to any caller, and its seconds cannot overflow `tv_sec`.
    let seconds = min(Int(clamping: left.components.seconds), Int(Int32.max))
    var until = timespec(tv_sec: now.tv_sec + seconds + nanos / 1_000_000_000, tv_nsec: nanos % 1_000_000_000)
    return pthread_cond_timedwait(condition, mutex, &until) == 0
  }
}
