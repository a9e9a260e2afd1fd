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
    let opened = openRegular(path, followingLinks: followingLinks)
    guard case .success(let (descriptor, status)) = opened else { return opened.map { _ in Data() } }
    defer { close(descriptor) }
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

  /// Hands the bytes of the regular file `path` to `body` a chunk of `chunkSize` at a time, so that a file of
  /// gigabytes (a lesson's data file) is never held whole; links are followed.
  public static func stream(
    _ path: String, chunkSize: Int = 1 << 20, _ body: (UnsafeRawBufferPointer) -> Void
  ) -> Result<Void, Failure> {
    let opened = openRegular(path, followingLinks: true)
    guard case .success(let (descriptor, _)) = opened else { return opened.map { _ in () } }
    defer { close(descriptor) }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
    defer { chunk.deallocate() }
    while true {
      let count = Glibc.read(descriptor, chunk.baseAddress, chunk.count)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return .failure(.unreadable) }
      if count == 0 { return .success(()) }
      body(UnsafeRawBufferPointer(rebasing: chunk[..<count]))
    }
  }

  /// A descriptor on `path` opened without blocking, and its status, when it is a regular file.
  private static func openRegular(_ path: String, followingLinks: Bool) -> Result<(Int32, stat), Failure> {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | (followingLinks ? 0 : O_NOFOLLOW))
    guard descriptor >= 0 else {
      switch errno {
      case ENOENT, ENOTDIR: return .failure(.missing)
      case ELOOP where !followingLinks: return .failure(.symbolicLink)
      default: return .failure(.unreadable)
      }
    }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else {
      close(descriptor)
      return .failure(.unreadable)
    }
    guard status.st_mode & S_IFMT == S_IFREG else {
      close(descriptor)
      return .failure(.notRegular)
    }
    return .success((descriptor, status))
  }
}
