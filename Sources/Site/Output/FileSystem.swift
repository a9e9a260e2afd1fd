#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// The few file-system operations the builder needs, on POSIX calls so that scanning a thousand lesson folders
/// and checking them against the manifest stays in the tens of milliseconds.
///
/// Errors carry the path and the system's reason, ready to be shown to an author.
enum FileSystem {
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
  static func tree(under path: String) throws(SiteError) -> [String: Status] {
    var result: [String: Status] = [:]
    for name in try contents(of: path) {
      let full = path + "/" + name
      guard let status = try status(full) else { continue }
      if status.isDirectory {
        for (file, inner) in try tree(under: full) { result[name + "/" + file] = inner }
      } else {
        result[name] = status
      }
    }
    return result
  }

  /// Creates `path` and its missing parents.
  static func createDirectory(_ path: String) throws(SiteError) {
    do {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    } catch {
      throw SiteError(.writeFailed, file: path, reason: "cannot create the folder: \(error.localizedDescription)")
    }
  }

  /// Writes `text` to `path` (a new file in a staging folder, so no temporary file is needed), creating parents.
  static func write(_ text: String, to path: String) throws(SiteError) {
    try createDirectory((path as NSString).deletingLastPathComponent)
    guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
      throw SiteError(.writeFailed, file: path, reason: String(cString: strerror(errno)))
    }
  }

  /// Reads the file at `path` as bytes.
  static func read(_ path: String) throws(SiteError) -> Data {
    do {
      return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw SiteError(.unreadable, file: path, reason: error.localizedDescription)
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
    try createDirectory((destination as NSString).deletingLastPathComponent)
    let data = try read(source)
    unlink(destination)
    guard FileManager.default.createFile(atPath: destination, contents: data) else {
      throw SiteError(.writeFailed, file: destination, reason: String(cString: strerror(errno)))
    }
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
