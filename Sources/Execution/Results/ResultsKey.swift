import Foundation
import Lessons
import Synchronization

/// What a lesson's results depend on, hashed: the cells, the toolchain and the project's library sources.
///
/// Frozen results are reused while `cells` matches and `toolchain`/`libraries` match *where the builder can
/// tell*: a builder without a compiler (publishing) or without the package's sources (an installed `lessons`)
/// has nil there and compares the cells alone, so publishing never needs a compiler.
public struct ResultsKey: Sendable, Codable, Hashable {
  /// Bumped when the results format or the program scaffolding changes meaning.
  public static let formatVersion = 1

  public var format: Int
  /// SHA-256 of every Swift cell's code and options, in order.
  public var cells: String
  /// First line of `swiftc --version`, or nil when unknown.
  public var toolchain: String?
  /// SHA-256 of the sources lesson programs link (`LibrarySources.folders`) of the package, or nil when unknown.
  public var libraries: String?

  /// Creates a key from its parts.
  public init(format: Int = ResultsKey.formatVersion, cells: String, toolchain: String?, libraries: String?) {
    self.format = format
    self.cells = cells
    self.toolchain = toolchain
    self.libraries = libraries
  }

  /// The key for `lesson` on this machine now.
  public static func current(for lesson: Lesson, libraryFolder: String) -> ResultsKey {
    ResultsKey(
      cells: cellsHash(lesson.cells), toolchain: Toolchain.compilerVersion,
      libraries: LibrarySources.hash(near: libraryFolder) ?? LibrarySources.hash(near: lesson.file))
  }

  /// One hex string over every part, stored as `LessonResults.key`.
  public var combined: String {
    var hash = SHA256()
    hash.update(field: String(format))
    hash.update(field: cells)
    hash.update(field: toolchain ?? "?")
    hash.update(field: libraries ?? "?")
    return hash.hexDigest()
  }

  /// True when results made with `stored` are valid for this key.
  public func accepts(_ stored: ResultsKey) -> Bool {
    stored.format == format && stored.cells == cells
      && (toolchain == nil || stored.toolchain == toolchain)
      && (libraries == nil || stored.libraries == libraries)
  }

  /// Why results made with `stored` are not valid, in words (nil when they are).
  public func mismatch(with stored: ResultsKey) -> String? {
    if stored.format != format { return "the results format changed" }
    if stored.cells != cells { return "the lesson's Swift cells changed" }
    if let toolchain, stored.toolchain != toolchain { return "the Swift toolchain changed (\(toolchain))" }
    if libraries != nil, stored.libraries != libraries { return "the project's library sources changed" }
    return nil
  }

  static func cellsHash(_ cells: [Cell]) -> String {
    var hash = SHA256()
    for cell in cells {
      hash.update(field: String(cell.index))
      hash.update(field: cell.code)
      let options = cell.options
      hash.update(field: "\(options.run) \(options.echo) \(options.output) \(options.timeout ?? -1) \(options.errorExpected)")
    }
    return hash.hexDigest()
  }
}

/// The hash of the project's library sources that lesson programs are built with.
enum LibrarySources {
  /// The source folders whose code a lesson program runs.
  static let folders = [
    "Multiprocessing", "LessonSupport", "HTTP", "Charts", "LessonProtocol", "SystemCalls", "CSystemShims",
  ]

  private static let cache = CacheBox()

  /// SHA-256 over the relative paths and contents of the `.swift`, `.h`, `.c` and `.modulemap` files of `folders`
  /// in the package found at or above `path`; nil when no package is found.
  static func hash(near path: String) -> String? {
    guard let root = PackageRoot.find(from: path) else { return nil }
    return cache.value(for: root) {
      var hash = SHA256()
      let manager = FileManager.default
      for folder in folders {
        let base = "\(root)/Sources/\(folder)"
        let files = (manager.enumerator(atPath: base)?.allObjects as? [String] ?? []).sorted()
        for file in files where [".swift", ".h", ".c", ".modulemap"].contains(where: file.hasSuffix) {
          hash.update(field: "\(folder)/\(file)")
          hash.update(manager.contents(atPath: "\(base)/\(file)") ?? Data())
          hash.update(CollectionOfOne(0))
        }
      }
      return hash.hexDigest()
    }
  }

  /// Computes each root's hash once per builder run.
  final class CacheBox: Sendable {
    private let values = Mutex<[String: String]>([:])
    func value(for key: String, compute: () -> String) -> String {
      if let known = values.withLock({ $0[key] }) { return known }
      let value = compute()
      values.withLock { $0[key] = value }
      return value
    }
  }
}
