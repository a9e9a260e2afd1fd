internal import CSystemShims
import Glibc

/// Futex wait and wake (`futex(2)`) on a 32-bit word, which may live in memory shared between processes: one
/// side sleeps until the word changes, the other changes it and wakes the sleepers. No polling, no sleep loop.
public enum Futex {
  /// Sleeps while the word at `address` still equals `expected`, at most `timeout` (nil: no limit). Returns on
  /// a wake, a change already made, a signal or the timeout: callers re-check their condition in a loop.
  public static func wait(_ address: UnsafeMutableRawPointer, expected: UInt32, timeout: Duration?) {
    let nanos = timeout.map { Int64($0.components.seconds) * 1_000_000_000 + $0.components.attoseconds / 1_000_000_000 }
    _ = csys_futex_wait(address.assumingMemoryBound(to: UInt32.self), expected, nanos ?? -1)
  }

  /// Wakes every process or thread sleeping on the word at `address`.
  public static func wakeAll(_ address: UnsafeMutableRawPointer) {
    _ = csys_futex_wake(address.assumingMemoryBound(to: UInt32.self), Int32.max)
  }
}
