internal import CSystemShims
import Glibc

/// File-system calls that Swift's Glibc module does not expose.
public enum FileSystemCalls {
  /// Swaps two existing paths (files or folders) in one atomic step (`renameat2` with `RENAME_EXCHANGE`): at every
  /// instant each path names one of the two, never nothing. Throws `EINVAL`/`ENOSYS` where the file system or
  /// kernel cannot; callers then fall back to two renames and say so.
  public static func exchange(_ first: String, _ second: String) throws(SystemCallError) {
    guard csys_rename_exchange(first, second) == 0 else {
      throw SystemCallError(call: "renameat2(RENAME_EXCHANGE)", errno: errno)
    }
  }
}
