import Foundation
import Lessons
import Testing

@testable import Execution

/// The results key with `data:` files, and the states `lessons status` shows, decided without running anything.
@Suite("Results key and status")
struct ResultsStatusTests {
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  static func contentLesson(_ slug: String) throws -> Lesson {
    let relative = "topics/data-science/tutorials/\(slug)"
    return try LessonParser.parse(file: "\(packageRoot)/content/\(relative)/tutorial.md", relativePath: relative)
  }

  /// A lesson in a temporary folder; `files` are written beside it.
  static func lesson(_ text: String, files: [String: String] = [:]) throws -> Lesson {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("status-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for (name, contents) in files { try contents.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8) }
    try text.write(toFile: folder + "/tutorial.md", atomically: true, encoding: .utf8)
    return try LessonParser.parse(file: folder + "/tutorial.md", relativePath: "topics/t/tutorials/x")
  }

  static func save(_ lesson: Lesson, status: CellStatus = .succeeded) throws {
    let key = ResultsKey.current(for: lesson, libraryFolder: packageRoot)
    let stamp = EnvironmentStamp(
      date: "2026-01-01T00:00:00Z", operatingSystem: "Linux", cpuModel: "test", logicalCPUs: 2, memoryBytes: 1,
      swiftVersion: "6.3", totalSeconds: 1.5)
    let cells = [CellResult(index: 0, stdout: "", stderr: "", seconds: 0.1, status: status, charts: [])]
    try FrozenResultsStore.save(
      LessonResults(key: key.combined, cells: cells, stamp: stamp, inputs: key), for: lesson.file)
  }

  static let cellText = "---\ntitle: T\n%@---\n\n```swift\nprint(1)\n```\n"

  @Test("results frozen before data files joined the key keep their key")
  func frozenKeysUnchanged() throws {
    for slug in ["swift-first-steps", "swift-multiprocessing"] {
      let lesson = try Self.contentLesson(slug)
      let stored = try #require(try FrozenResultsStore.load(for: lesson.file))
      #expect(stored.inputs.data == nil)
      #expect(stored.inputs.combined == stored.key, "\(slug): the combined hash changed")
      let current = ResultsKey.current(for: lesson, libraryFolder: Self.packageRoot)
      #expect(current.cells == stored.inputs.cells, "\(slug): front matter or parsing changed the cells' hash")
      #expect(current.data == nil)
    }
  }

  @Test("front matter is not part of the key: exclusive, title and tags leave it as it was")
  func frontMatterOutsideKey() throws {
    let plain = try Self.lesson(String(format: Self.cellText, ""))
    let marked = try Self.lesson(String(format: Self.cellText, "exclusive: true\ntags: [timing]\n"))
    #expect(marked.frontMatter.exclusive)
    #expect(!plain.frontMatter.exclusive)
    let libraries = Self.packageRoot
    #expect(
      ResultsKey.current(for: plain, libraryFolder: libraries).combined
        == ResultsKey.current(for: marked, libraryFolder: libraries).combined)
  }

  @Test("data files join the key; changing one makes the results stale, and says so")
  func dataFiles() throws {
    let lesson = try Self.lesson(String(format: Self.cellText, "data: [input.csv]\n"), files: ["input.csv": "1,2\n"])
    #expect(lesson.frontMatter.dataFiles == ["input.csv"])
    try Self.save(lesson)
    #expect(ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot) == .fresh)
    try "1,3\n".write(
      toFile: (lesson.file as NSString).deletingLastPathComponent + "/input.csv", atomically: true, encoding: .utf8)
    #expect(
      ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot)
        == .stale(reasons: ["the lesson's data files changed"]))
  }

  @Test("a data file is hashed as before, read a megabyte at a time: the same key byte for byte")
  func dataFileKey() throws {
    let text = String(repeating: "a,b,c\n", count: 400_000)
    let lesson = try Self.lesson(String(format: Self.cellText, "data: [big.csv, gone.csv]\n"), files: ["big.csv": text])
    // The key as the whole-file version computed it: path, "present", the bytes and a 0; path, "missing".
    var expected = SHA256()
    expected.update(field: "big.csv")
    expected.update(field: "present")
    expected.update(Array(text.utf8))
    expected.update(CollectionOfOne(0))
    expected.update(field: "gone.csv")
    expected.update(field: "missing")
    #expect(DataFiles.hash(lesson) == expected.hexDigest())
  }

  @Test("a listed data file that is missing, or a folder, is warned about at the lesson")
  func missingData() throws {
    let lesson = try Self.lesson(
      String(format: Self.cellText, "data: [here.txt, gone.txt, sub]\n"), files: ["here.txt": "1"])
    try FileManager.default.createDirectory(
      atPath: (lesson.file as NSString).deletingLastPathComponent + "/sub", withIntermediateDirectories: true)
    let problems = DataFiles.problems(lesson)
    #expect(
      problems.map(\.message) == [
        "data: 'gone.txt' is not a readable file beside the lesson",
        "data: 'sub' is not a readable file beside the lesson",
      ])
    #expect(problems.allSatisfy { $0.severity == .warning && $0.file == lesson.file })
  }

  @Test("a data path outside the lesson's folder is warned about and left out")
  func dataOutsideFolder() throws {
    let lesson = try Self.lesson(String(format: Self.cellText, "data: [../secret.txt, /etc/passwd, ok.txt]\n"))
    #expect(lesson.frontMatter.dataFiles == ["ok.txt"])
    #expect(lesson.diagnostics.filter { $0.message.contains("not a path inside the lesson's folder") }.count == 2)
  }

  @Test("states: never run, fresh, stale with every reason, failed with the cell")
  func states() throws {
    let lesson = try Self.lesson(String(format: Self.cellText, ""))
    #expect(ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot) == .neverRun)
    try Self.save(lesson)
    #expect(ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot) == .fresh)
    try Self.save(lesson, status: .failed(message: "E()\nmore", expected: false))
    #expect(
      ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot) == .failed(reasons: ["cell 1 failed: E()"]))
    try Self.save(lesson, status: .failed(message: "E()", expected: true))
    #expect(ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot) == .fresh)

    var stored = try #require(try FrozenResultsStore.load(for: lesson.file))
    stored.inputs.toolchain = "Swift version 1.0"
    stored.inputs.cells = "0"
    try FrozenResultsStore.save(stored, for: lesson.file)
    let state = try #require(ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot))
    #expect(state.name == "stale")
    #expect(state.reasons.first == "the lesson's Swift cells changed")
    #expect(state.reasons.contains { $0.hasPrefix("the Swift toolchain changed") })
    #expect(state.refusedWhenStrict)

    try "{ not json".write(toFile: FrozenResultsStore.path(for: lesson.file), atomically: true, encoding: .utf8)
    #expect(ResultsStatus.state(of: lesson, libraryFolder: Self.packageRoot)?.name == "failed")
  }

  @Test("a lesson without cells to run has no status")
  func notExecuted() throws {
    #expect(ResultsStatus.state(of: try Self.lesson("---\ntitle: T\n---\nText.\n")) == nil)
  }
}

/// The optimisation level: `-Onone` unless the lesson asks for `optimize: true`, and part of the results key.
extension ResultsStatusTests {
  @Test("a lesson compiles at -Onone unless it asks for optimize: true, and the level joins the key")
  func optimizationLevel() throws {
    let plain = try Self.lesson(String(format: Self.cellText, ""))
    let fast = try Self.lesson(String(format: Self.cellText, "optimize: true\n"))
    #expect(fast.frontMatter.optimize && !plain.frontMatter.optimize)
    let plainKey = ResultsKey.current(for: plain, libraryFolder: Self.packageRoot)
    let fastKey = ResultsKey.current(for: fast, libraryFolder: Self.packageRoot)
    #expect(!plainKey.optimizes && fastKey.optimizes)
    #expect(plainKey.combined != fastKey.combined)
    let toolchain = Toolchain(compiler: "swiftc", libraryFolder: "/lib", moduleMaps: [])
    let plainArguments = toolchain.arguments(source: "m.swift", output: "p", optimize: plainKey.optimizes)
    let fastArguments = toolchain.arguments(source: "m.swift", output: "p", optimize: fastKey.optimizes)
    #expect(plainArguments.contains("-Onone") && !plainArguments.contains("-O"))
    #expect(fastArguments.contains("-O") && !fastArguments.contains("-Onone"))
    // Forced by the options (benchmarks), whatever the front matter says.
    #expect(ResultsKey.current(for: plain, libraryFolder: Self.packageRoot, optimize: true).combined == fastKey.combined)
    // Results made at the other level are stale, and say why.
    try Self.save(fast)
    #expect(ResultsStatus.state(of: fast, libraryFolder: Self.packageRoot) == .fresh)
    #expect(
      plainKey.mismatches(with: fastKey) == ["the lesson's optimisation level changed (now -Onone)"])
  }

  @Test("the committed frozen results match their lessons' cells and optimisation level (-O only where asked)")
  func contentLessonsOptimization() throws {
    for (slug, optimized) in [("swift-multiprocessing", true), ("swift-first-steps", false)] {
      let lesson = try Self.contentLesson(slug)
      let stored = try #require(try FrozenResultsStore.load(for: lesson.file))
      // -O results carry no level in their key (so results frozen before levels existed keep theirs).
      #expect(stored.inputs.optimization == (optimized ? nil : "-Onone"), "\(slug)")
      let current = ResultsKey.current(for: lesson, libraryFolder: Self.packageRoot)
      #expect(current.optimizes == optimized)
      // The key as this builder computes it, with the toolchain and library sources it was frozen with.
      var same = current
      same.toolchain = stored.inputs.toolchain
      same.libraries = stored.inputs.libraries
      #expect(same.combined == stored.key, "\(slug)")
      #expect(same.accepts(stored.inputs), "\(slug)")
    }
  }

}
