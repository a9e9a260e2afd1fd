import Foundation
import Lessons
import Synchronization

/// What a lesson's results depend on, hashed: the cells, the toolchain, the project's library sources and the data
/// files the lesson lists (`data:` in its front matter).
///
/// The front matter is not part of the key (but for `data:` and `optimize:`): a lesson's title, `exclusive:` or tags
/// can change without making its frozen results stale. `data` is nil for a lesson that lists no data files, and then leaves `combined` exactly as
/// it was before data files joined the key, so results frozen before stay fresh. Likewise `optimization` is nil for a
/// program compiled with `-O` (the only level before lessons chose theirs), so results of a lesson that asks for
/// `optimize: true` stay fresh, while a lesson compiled at `-Onone` has a key of its own: the level can change what
/// cells print (timings, the order deinitialisers run in), so results made at the other level are stale.
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
  /// SHA-256 of the lesson's `data:` files (paths and contents), or nil when the lesson lists none.
  public var data: String?
  /// The optimisation level the program was compiled at when it is not `-O` (`"-Onone"`), or nil for `-O`.
  public var optimization: String?

  /// Creates a key from its parts.
  public init(
    format: Int = ResultsKey.formatVersion, cells: String, toolchain: String?, libraries: String?, data: String? = nil,
    optimization: String? = nil
  ) {
    self.format = format
    self.cells = cells
    self.toolchain = toolchain
    self.libraries = libraries
    self.data = data
    self.optimization = optimization
  }

  /// The `optimization` of a program compiled at `-Onone` (a lesson without `optimize: true`).
  public static let unoptimized = "-Onone"

  /// True when the program is compiled with `-O`.
  public var optimizes: Bool { optimization == nil }

  /// The key for `lesson` on this machine now, compiled at the level the lesson asks for (`optimize:` in its front
  /// matter) unless `optimize` forces one (`ExecutionOptions.optimize`).
  public static func current(for lesson: Lesson, libraryFolder: String, optimize: Bool? = nil) -> ResultsKey {
    ResultsKey(
      cells: cellsHash(lesson.cells), toolchain: Toolchain.compilerVersion,
      libraries: LibrarySources.hash(near: libraryFolder) ?? LibrarySources.hash(near: lesson.file),
      data: DataFiles.hash(lesson), optimization: (optimize ?? lesson.frontMatter.optimize) ? nil : unoptimized)
  }

  /// One hex string over every part, stored as `LessonResults.key`.
  public var combined: String {
    var hash = SHA256()
    hash.update(field: String(format))
    hash.update(field: cells)
    hash.update(field: toolchain ?? "?")
    hash.update(field: libraries ?? "?")
    if let data { hash.update(field: data) }
    if let optimization { hash.update(field: "optimization \(optimization)") }
    return hash.hexDigest()
  }

  /// True when results made with `stored` are valid for this key.
  public func accepts(_ stored: ResultsKey) -> Bool {
    stored.format == format && stored.cells == cells
      && (toolchain == nil || stored.toolchain == toolchain)
      && (libraries == nil || stored.libraries == libraries) && stored.data == data
      && stored.optimization == optimization
  }

  /// Why results made with `stored` are not valid, in words (nil when they are).
  public func mismatch(with stored: ResultsKey) -> String? {
    mismatches(with: stored).first
  }

  /// Every reason results made with `stored` are not valid, in the words of `mismatch(with:)` (empty when they are):
  /// `lessons status` shows them all, so that a maintainer sees at once what to refresh for.
  public func mismatches(with stored: ResultsKey) -> [String] {
    var reasons: [String] = []
    if stored.format != format { reasons.append("the results format changed") }
    if stored.cells != cells { reasons.append("the lesson's Swift cells changed") }
    if let toolchain, stored.toolchain != toolchain { reasons.append("the Swift toolchain changed (\(toolchain))") }
    if libraries != nil, stored.libraries != libraries { reasons.append("the project's library sources changed") }
    if stored.data != data { reasons.append("the lesson's data files changed") }
    if stored.optimization != optimization {
      reasons.append("the lesson's optimisation level changed (now \(optimization ?? "-O"))")
    }
    return reasons
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
