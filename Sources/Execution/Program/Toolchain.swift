import Foundation
import Glibc

/// The compiler and the builder's own build products that lesson programs are compiled against.
///
/// `swiftc` is taken from `SWIFTC` or `PATH`. The libraries are the folder of the running executable (the
/// `lessons` command or the test bundle: SwiftPM puts `Modules/`, `libMultiprocessing.so` and
/// `libLessonSupport.so` beside it), or `LESSONS_LIBRARY_PATH` when set.
struct Toolchain: Sendable {
  /// Path of `swiftc`.
  let compiler: String
  /// Folder holding `Modules/` and the dynamic libraries.
  let libraryFolder: String
  /// Extra `-Xcc -fmodule-map-file=` arguments for the C modules the libraries' interfaces mention.
  let moduleMaps: [String]

  /// The `swiftc` path, or nil when there is none (publishing from frozen results needs no compiler).
  static let compilerPath: String? = {
    let environment = ProcessInfo.processInfo.environment
    if let explicit = environment["SWIFTC"], access(explicit, X_OK) == 0 { return explicit }
    for folder in (environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/swiftc"
      if access(candidate, X_OK) == 0 { return candidate }
    }
    return nil
  }()

  /// First line of `swiftc --version`, or nil without a compiler.
  ///
  /// The driver (Swift 6.3) leaves an empty `TemporaryDirectory.XXXXXX` in `TMPDIR` for every `--version`: tests
  /// and builds had left 18,000 of them in /tmp, which slowed every file made there. It gets a folder of the
  /// builder's own as its `TMPDIR`, removed with what it left.
  static let compilerVersion: String? = {
    guard let compilerPath, let scratch = try? TemporaryFolder() else { return nil }
    let environment = CommandRunner.currentEnvironment().filter { !$0.hasPrefix("TMPDIR=") } + ["TMPDIR=\(scratch.path)"]
    guard let result = try? CommandRunner.run(compilerPath, ["--version"], timeout: 60, environment: environment) else {
      return nil
    }
    return result.stdout.split(separator: "\n").first.map { String($0).trimmingSpaces() }
  }()

  /// The folder of the running executable.
  static let executableFolder: String = {
    let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    return (path as NSString).deletingLastPathComponent
  }()

  /// The library folder: `LESSONS_LIBRARY_PATH`, else the executable's folder.
  static var defaultLibraryFolder: String {
    ProcessInfo.processInfo.environment["LESSONS_LIBRARY_PATH"] ?? executableFolder
  }

  /// The libraries a lesson program links.
  static let libraries = ["Multiprocessing", "LessonSupport"]
  /// The modules a lesson program imports: the libraries' and LessonProtocol (the scaffolding's runtime, linked
  /// into libLessonSupport.so).
  static let modules = libraries + ["LessonProtocol"]

  /// Finds the compiler and checks that `folder` holds what lesson programs link against.
  static func locate(libraryFolder folder: String) throws(ExecutionError) -> Toolchain {
    guard let compilerPath else {
      throw ExecutionError(.compilerNotFound, "no swiftc on PATH (set SWIFTC); cannot execute lessons")
    }
    let needed = libraries.map { (name: String) -> String in "\(folder)/lib\(name).so" }
      + modules.map { (name: String) -> String in "\(folder)/Modules/\(name).swiftmodule" }
    let missing = needed.filter { (path: String) -> Bool in access(path, R_OK) != 0 }
    guard missing.isEmpty else {
      throw ExecutionError(
        .librariesNotFound,
        "missing \(missing.joined(separator: ", ")); build them with `swift build --product Multiprocessing` "
          + "and `swift build --product LessonSupport` (or set LESSONS_LIBRARY_PATH)")
    }
    return Toolchain(compiler: compilerPath, libraryFolder: folder, moduleMaps: moduleMaps(near: folder))
  }

  /// Module maps of the package's C targets (`Sources/C*/module.modulemap` for system libraries,
  /// `Sources/C*/include/module.modulemap` for shim targets), which modules built in debug mode (with testing
  /// enabled) make their clients load.
  private static func moduleMaps(near folder: String) -> [String] {
    guard let root = PackageRoot.find(from: folder) else { return [] }
    let sources = "\(root)/Sources"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? []
    return names.sorted().filter { $0.hasPrefix("C") }
      .flatMap { name -> [String] in
        ["\(sources)/\(name)/module.modulemap", "\(sources)/\(name)/include/module.modulemap"]
      }
      .filter { access($0, R_OK) == 0 }
  }

  /// The `swiftc` arguments that compile `source` into `output`.
  func arguments(source: String, output: String, optimize: Bool) -> [String] {
    var arguments: [String] = [
      source, "-module-name", LessonProgram.moduleName, "-swift-version", "6",
    ]
    // -O keeps CPU-bound examples realistic; `-assert-config Debug` keeps the runtime's trap messages ("Fatal error:
    // Index out of range"), which -O alone drops, so that a crashing cell says why on the page.
    arguments += optimize ? ["-O", "-assert-config", "Debug"] : ["-Onone"]
    arguments += [
      "-I", "\(libraryFolder)/Modules", "-L", libraryFolder,
    ]
    arguments += Self.libraries.map { "-l\($0)" }
    arguments += moduleMaps.flatMap { ["-Xcc", "-fmodule-map-file=\($0)"] }
    arguments += ["-Xlinker", "-rpath", "-Xlinker", libraryFolder, "-o", output]
    return arguments
  }
}

/// Finds the package root (the folder with `Package.swift` and `Sources/Multiprocessing`) above a folder.
enum PackageRoot {
  /// The nearest folder at or above `folder` that is this package's root, or nil.
  static func find(from folder: String) -> String? {
    var current = URL(fileURLWithPath: folder).standardizedFileURL
    while current.path != "/" {
      if access(current.appendingPathComponent("Package.swift").path, R_OK) == 0,
        access(current.appendingPathComponent("Sources/Multiprocessing").path, R_OK) == 0
      {
        return current.path
      }
      current = current.deletingLastPathComponent()
    }
    return nil
  }
}
