import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Reads files the builder pulls in beside a lesson (snippets, includes, `tutorial.bib`, frozen results) only when
/// they are regular files of at most `limit` bytes: a named pipe or a device in the content folder would otherwise
/// block the build forever, and a huge file would fill its memory.
///
/// The file is opened without blocking and checked on the open descriptor (`fstat`), so a file swapped for a pipe
/// or a link between a check and the read cannot change what is read.
public enum RegularFile {
  /// Why a file was not read.
  public enum Failure: Error, Equatable, Sendable {
    /// Nothing at the path.
    case missing
    /// A symbolic link, where `followingLinks` is false.
    case symbolicLink
    case notRegular
    case tooLarge
    case unreadable
  }

  /// The bytes of the regular file `path`; links are followed unless `followingLinks` is false (the callers that
  /// follow them check where they lead first).
  public static func read(_ path: String, limit: Int, followingLinks: Bool = true) -> Result<Data, Failure> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: return .failure(.missing)
      case ELOOP where !followingLinks: return .failure(.symbolicLink)
      default: return .failure(.unreadable)
      }
    }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable) }
    guard status.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular) }
    guard status.st_size <= limit else { return .failure(.tooLarge) }
    var bytes = Data(count: Int(status.st_size) + 1)
    var count = 0
    while count < bytes.count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
      }
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else { return .failure(.unreadable) }
      if got == 0 { break }
      count += got
      // The file grew since `fstat`: read on, within the limit.
      if count == bytes.count && count <= limit { bytes.count = min(limit == .max ? limit : limit + 1, bytes.count * 2) }
    }
    guard count <= limit else { return .failure(.tooLarge) }
    bytes.count = count
    return .success(bytes)
  }
}
