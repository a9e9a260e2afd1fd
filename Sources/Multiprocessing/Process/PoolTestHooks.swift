import Glibc

/// Delays that let a test force, every time, an interleaving a loaded machine produces only now and then. All zero
/// (no delay, one load of a global) outside the tests that set them; a worker reads the values it was forked with.
enum PoolTestHooks {
  /// Microseconds a worker that found the imap window shut waits after sending its results, before it looks at the
  /// parent's requests and parks: the instant at which a busy scheduler may leave it descheduled.
  nonisolated(unsafe) static var delayBeforeParking: UInt32 = 0

  static func beforeParking() {
    if delayBeforeParking > 0 { usleep(delayBeforeParking) }
  }
}
