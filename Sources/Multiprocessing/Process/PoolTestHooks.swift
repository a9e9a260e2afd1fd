import Glibc

/// Settings that let a test force, every time, an interleaving a loaded machine produces only now and then, or a
/// path that only gigabytes of results reach. Inert (no delay, one load of a global) outside the tests that set
/// them; a worker reads the values it was forked with.
enum PoolTestHooks {
  /// Microseconds a worker that found the imap window shut waits after sending its results, before it looks at the
  /// parent's requests and parks: the instant at which a busy scheduler may leave it descheduled.
  nonisolated(unsafe) static var delayBeforeParking: UInt32 = 0

  /// Lengths from this one up are written in the wide form (`WireFormat+Lengths`): `UInt32.max` outside the tests,
  /// which lower it so that a small result crosses the way one of 4 GiB does.
  nonisolated(unsafe) static var wideLengthsFrom = 0xFFFF_FFFF

  /// Nonzero: every fork fails with this errno, as it does when the process limit is reached (the failure path of a
  /// batch that can start no worker).
  nonisolated(unsafe) static var forkError: Int32 = 0

  static func beforeParking() {
    if delayBeforeParking > 0 { usleep(delayBeforeParking) }
  }
}
