import Glibc

/// Linux inotify over a set of folders: the preview server waits on it for a saved file instead of polling.
///
/// Watches are not recursive (inotify has no such mode): watch every folder of a tree with `watch(_:)`; watching a
/// folder twice is harmless. The descriptor is non-blocking and closed on exec, so lesson programs started by a
/// rebuild never inherit it.
public final class FileChangeNotifier: @unchecked Sendable {
  /// One change: the watched folder it happened in and the entry's name (empty for the folder itself).
  public struct Change: Sendable, Equatable {
    /// The watched folder.
    public var folder: String
    /// The file or folder changed inside it.
    public var name: String
    /// Whether the entry is a folder (a new folder needs a watch of its own).
    public var isFolder: Bool
  }

  private let descriptor: Int32
  /// Folders by watch descriptor (only touched by the one thread that watches and waits).
  private var folders: [Int32: String] = [:]

  /// Events that mean a file's content or a folder's entries changed.
  private static let mask: UInt32 = UInt32(IN_CLOSE_WRITE) | UInt32(IN_CREATE) | UInt32(IN_DELETE) | UInt32(IN_MOVED_FROM)
    | UInt32(IN_MOVED_TO) | UInt32(IN_MODIFY) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF)

  /// A notifier watching nothing yet.
  public init() throws(SystemCallError) {
    let descriptor = inotify_init1(Int32(IN_CLOEXEC) | Int32(IN_NONBLOCK))
    guard descriptor >= 0 else { throw SystemCallError(call: "inotify_init1", errno: errno) }
    self.descriptor = descriptor
  }

  deinit { FileDescriptorIO.close(descriptor) }

  /// Watches the entries of `folder` (not its subfolders).
  public func watch(_ folder: String) throws(SystemCallError) {
    let watch = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR))
    guard watch >= 0 else { throw SystemCallError(call: "inotify_add_watch", errno: errno) }
    folders[watch] = folder
  }

  /// Waits at most `milliseconds` (-1: forever) for changes and returns those that arrived (empty on timeout).
  public func wait(milliseconds: Int32) throws(SystemCallError) -> [Change] {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&entry, 1, milliseconds)
      if ready > 0 { break }
      if ready == 0 { return [] }
      if errno != EINTR { throw SystemCallError(call: "poll", errno: errno) }
    }
    return try readChanges()
  }

  /// Reads every event queued now.
  private func readChanges() throws(SystemCallError) -> [Change] {
    var changes: [Change] = []
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      let result = buffer.withUnsafeMutableBytes { bytes in
        Swift.Result { () throws(SystemCallError) -> Int? in try FileDescriptorIO.read(descriptor, into: bytes) }
      }
      let count = try result.get()
      guard let count, count > 0 else { return changes }
      var offset = 0
      let header = MemoryLayout<inotify_event>.size
      while offset + header <= count {
        let event = buffer.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: inotify_event.self) }
        let nameBytes = buffer[(offset + header)..<min(count, offset + header + Int(event.len))]
        let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
        let folder = folders[event.wd] ?? ""
        if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil }
        changes.append(Change(folder: folder, name: name, isFolder: event.mask & UInt32(IN_ISDIR) != 0))
        offset += header + Int(event.len)
      }
    }
  }
}
