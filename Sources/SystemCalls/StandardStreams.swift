internal import CSystemShims
import Glibc

/// The C standard streams, which Swift 6 rejects as shared mutable globals.
public enum StandardStreams {
  /// Makes C's `stdout` line-buffered, so that lines printed by several processes sharing one pipe or file
  /// do not interleave mid-line.
  public static func lineBufferStandardOutput() {
    setvbuf(csys_stdout(), nil, _IOLBF, 0)
  }

  /// Flushes C's `stdout` (what `print` wrote but has not yet reached the descriptor).
  public static func flushStandardOutput() {
    fflush(csys_stdout())
  }

  /// Flushes C's `stderr`.
  public static func flushStandardError() {
    fflush(csys_stderr())
  }
}
