#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation
import Lessons
import SystemCalls

/// The few file-system operations the builder needs, on POSIX calls so that scanning a thousand lesson folders
/// and checking them against the manifest stays in the tens of milliseconds.
///
/// Errors carry the path and the system's reason, ready to be shown to an author.
enum FileSystem {
  /// How deep `tree(under:)` goes below the folder it starts from.
  static let maximumDepth = 24

  /// What `stat` says about a path, reduced to what decides whether it changed.
  struct Status: Sendable, Hashable, Codable {
    var size: Int64
    /// Modification time in nanoseconds since 1970.
    var modified: Int64
    var isDirectory: Bool
  }

  /// The status of `path`, following symbolic links, or nil when it does not exist.
  static func status(_ path: String) throws(SiteError) -> Status? {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { return nil }
      throw SiteError(.unreadable, file: path, reason: String(cString: strerror(errno)))
    }
    return status(info)
  }

  /// The status of `path` itself (`lstat`: a symbolic link is not followed), whether it is a symbolic link, and
  /// whether it is something else than a link, a regular file or a folder (a named pipe, a socket, a device), or
  /// nil when it does not exist: one `lstat`.
  static func ownStatus(_ path: String) throws(SiteError) -> (status: Status, isSymbolicLink: Bool, isSpecial: Bool)? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT || errno == ENOTDIR { return nil }
      throw SiteError(.unreadable, file: path, reason: String(cString: strerror(errno)))
    }
    let type = info.st_mode & S_IFMT
    return (status(info), type == S_IFLNK, type != S_IFLNK && type != S_IFREG && type != S_IFDIR)
  }

  /// Whether `path`, links followed, is something else than a regular file or a folder (a named pipe, a socket, a
  /// device); false when it does not exist.
  static func isSpecial(_ path: String) -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else { return false }
    return info.st_mode & S_IFMT != S_IFREG && info.st_mode & S_IFMT != S_IFDIR
  }

  private static func status(_ info: stat) -> Status {
    #if canImport(Darwin)
      let seconds = Int64(info.st_mtimespec.tv_sec)
      let nanoseconds = Int64(info.st_mtimespec.tv_nsec)
    #else
      let seconds = Int64(info.st_mtim.tv_sec)
      let nanoseconds = Int64(info.st_mtim.tv_nsec)
    #endif
    return Status(
      size: Int64(info.st_size), modified: seconds * 1_000_000_000 + nanoseconds,
      isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
  }

  /// The path with every symbolic link, `.` and `..` resolved (`realpath(3)`), or nil when it does not exist
  /// (a dangling link) or cannot be resolved.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// What the symbolic link `path` points at, as written in the link (for messages), or nil when it is not one.
  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Whether the real path `real` is `root` (a real path too) or lies under it.
  static func isInside(_ real: String, root: String) -> Bool {
    real == root || real.hasPrefix(root == "/" ? "/" : root + "/")
  }

  /// The names in the folder `path`, sorted, without `.` and `..`; hidden names are left out unless asked for.
  static func contents(of path: String, includingHidden: Bool = false) throws(SiteError) -> [String] {
    guard let directory = opendir(path) else {
      throw SiteError(.unreadable, file: path, reason: String(cString: strerror(errno)))
    }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
      }
      if name == "." || name == ".." { continue }
      if !includingHidden && name.hasPrefix(".") { continue }
      names.append(name)
    }
    return names.sorted()
  }

  /// Every file under `path` (recursively) with its status, keyed by its path relative to `path`; hidden names
  /// are skipped.
  /// Deeper than `maximumDepth` folders is refused, which also stops symbolic-link loops.
  static func tree(under path: String, depth: Int = 0) throws(SiteError) -> [String: Status] {
    guard depth < maximumDepth else {
      throw SiteError(
        .unreadable, file: path, reason: "folders nested more than \(maximumDepth) deep (a symbolic link loop?)")
    }
    var result: [String: Status] = [:]
    for name in try contents(of: path) {
      let full = path + "/" + name
      guard let status = try status(full) else { continue }
      if status.isDirectory {
        for (file, inner) in try tree(under: full, depth: depth + 1) { result[name + "/" + file] = inner }
      } else {
        result[name] = status
      }
    }
    return result
  }

  /// Creates `path` and its missing parents (one `mkdir` when the parent exists, as it mostly does).
  static func createDirectory(_ path: String) throws(SiteError) {
    if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
    guard errno == ENOENT else {
      throw SiteError(.writeFailed, file: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
    }
    let parent = (path as NSString).deletingLastPathComponent
    guard !parent.isEmpty, parent != path else {
      throw SiteError(.writeFailed, file: path, reason: "cannot create the folder: no parent")
    }
    try createDirectory(parent)
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else {
      throw SiteError(.writeFailed, file: path, reason: "cannot create the folder: \(String(cString: strerror(errno)))")
    }
  }

  /// Writes `text` to `path`, creating parents. Not atomic on its own: it writes into a staging folder (or a file
  /// nobody reads yet), and the staging folder is what is swapped in atomically.
  static func write(_ text: String, to path: String) throws(SiteError) {
    var text = text
    let result = text.withUTF8 { bytes in Result { () throws(SiteError) in try write(bytes: UnsafeRawBufferPointer(bytes), to: path) } }
    try result.get()
  }

  /// Writes `bytes` to `path` (replacing it), creating parents.
  static func write(_ bytes: [UInt8], to path: String) throws(SiteError) {
    let result = bytes.withUnsafeBytes { bytes in Result { () throws(SiteError) in try write(bytes: bytes, to: path) } }
    try result.get()
  }

  /// Writes `bytes` to `path` (replacing it), creating parents.
  static func write(bytes: UnsafeRawBufferPointer, to path: String) throws(SiteError) {
    let descriptor = try openForWriting(path)
    defer { close(descriptor) }
    try writeAll(descriptor, bytes, path: path)
  }

  /// Writes the texts of `pieces` one after another to `path` (replacing it), creating parents: the bytes of
  /// `pieces.joined()`, without making that text. A large site's manifest is megabytes in a thousand pieces; they
  /// go out through one buffer of `bufferSize` bytes, reused.
  static func write(pieces: [String], to path: String, bufferSize: Int = 256 * 1024) throws(SiteError) {
    let descriptor = try openForWriting(path)
    defer { close(descriptor) }
    var buffer: [UInt8] = []
    buffer.reserveCapacity(bufferSize)
    for var piece in pieces {
      if buffer.count + piece.utf8.count > bufferSize {
        try writeAll(descriptor, buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
      }
      if piece.utf8.count > bufferSize {
        try writeAll(descriptor, Array(piece.utf8), path: path)
      } else {
        piece.withUTF8 { buffer.append(contentsOf: $0) }
      }
    }
    try writeAll(descriptor, buffer, path: path)
  }

  /// A new descriptor for writing `path` from its start (the file created or emptied, its parents created).
  private static func openForWriting(_ path: String) throws(SiteError) -> Int32 {
    var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    if descriptor < 0 && errno == ENOENT {
      try createDirectory((path as NSString).deletingLastPathComponent)
      descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    }
    guard descriptor >= 0 else {
      throw SiteError(.writeFailed, file: path, reason: String(cString: strerror(errno)))
    }
    return descriptor
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws(SiteError) {
    do throws(SystemCallError) {
      try FileDescriptorIO.writeAll(descriptor, bytes)
    } catch {
      throw SiteError(.writeFailed, file: path, reason: String(cString: strerror(error.errno)))
    }
  }

  private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(SiteError) {
    do throws(SystemCallError) {
      try FileDescriptorIO.writeAll(descriptor, bytes)
    } catch {
      throw SiteError(.writeFailed, file: path, reason: String(cString: strerror(error.errno)))
    }
  }

  /// Reads the file at `path` as bytes: a regular file only, opened without blocking, so that a named pipe or a
  /// device put in the content folder (by a lesson program during a build) is an error that says so, never a
  /// build blocked on it.
  static func read(_ path: String) throws(SiteError) -> Data {
    switch RegularFile.read(path, limit: .max) {
    case .success(let data): return data
    case .failure(.notRegular):
      throw SiteError(.unreadable, file: path, reason: "not a regular file (a named pipe, a socket or a device)")
    case .failure:
      // The system's own words (permission denied, no such file), from a read that cannot block on this path.
      do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
      } catch {
        throw SiteError(.unreadable, file: path, reason: error.localizedDescription)
      }
    }
  }

  /// Puts a copy of `source` at `destination`: a hard link when both are on one file system (an output file the
  /// builder never writes in place), a byte copy otherwise.
  static func linkOrCopy(_ source: String, to destination: String) throws(SiteError) {
    try createDirectory((destination as NSString).deletingLastPathComponent)
    if systemLink(source, destination) == 0 { return }
    try copy(source, to: destination)
  }

  /// Copies the bytes of `source` to `destination`, creating parents and replacing what was there.
  static func copy(_ source: String, to destination: String) throws(SiteError) {
    let data = try read(source)
    unlink(destination)
    let result = data.withUnsafeBytes { bytes in Result { () throws(SiteError) in try write(bytes: bytes, to: destination) } }
    try result.get()
  }

  /// Copies `source` like `copy(_:to:)`, but only when its real path (links resolved at the moment of copying)
  /// still lies under `root`, a real path: a lesson program running during the build may have replaced a file by a
  /// link to one outside the content folder after the folder was scanned.
  static func copy(_ source: String, to destination: String, confinedTo root: String) throws(SiteError) {
    try copy(try confined(source, to: root), to: destination)
  }

  /// Reads `path` like `read(_:)`, but only when its real path lies under `root`, a real path.
  static func read(_ path: String, confinedTo root: String) throws(SiteError) -> Data {
    try read(try confined(path, to: root))
  }

  /// The bytes of `path` when its real path lies under `root` (a real path), it is a regular file and it holds at
  /// most `limit` bytes; nil otherwise. For files a lesson only points at (an image its notebook embeds): a link
  /// leaving the content folder must not publish what it points to, a named pipe must not block the build, a huge
  /// file must not fill its memory. The file is opened without following a link and checked on the open
  /// descriptor, so a swap after the check cannot change what is read.
  static func readRegular(_ path: String, confinedTo root: String, limit: Int) -> Data? {
    guard let real = realPath(path), isInside(real, root: root) else { return nil }
    return try? RegularFile.read(real, limit: limit, followingLinks: false).get()
  }

  /// The real path of `path`; throws when it is not under `root`.
  private static func confined(_ path: String, to root: String) throws(SiteError) -> String {
    guard let real = realPath(path), isInside(real, root: root) else {
      throw SiteError(
        .unreadable, file: path, reason: "not used: its real path is outside \(root) (a symbolic link leaving it?)")
    }
    return real
  }

  /// Renames `source` to `destination` (one system call, atomic on one file system).
  static func move(_ source: String, to destination: String) throws(SiteError) {
    guard systemRename(source, destination) == 0 else {
      throw SiteError(
        .writeFailed, file: destination, reason: "cannot move \(source) here: \(String(cString: strerror(errno)))")
    }
  }

  /// Removes `path` and everything under it; a missing path is not an error.
  static func remove(_ path: String) {
    try? FileManager.default.removeItem(atPath: path)
  }
}

/// `link(2)`, under a name that does not clash with `FileSystem.linkOrCopy`.
private func systemLink(_ source: String, _ destination: String) -> Int32 { link(source, destination) }

/// `rename(2)`, under a name that does not clash with `FileSystem.move`.
private func systemRename(_ source: String, _ destination: String) -> Int32 { rename(source, destination) }
