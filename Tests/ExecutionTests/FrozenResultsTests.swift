import Execution
import Foundation
import Lessons
import Testing

extension ProcessSuites {
  /// Frozen results: reused while the key matches, re-executed when a cell changes, when asked, or when the file is
  /// unreadable.
  @Suite("Frozen results")
  struct FrozenResultsTests {
    /// A lesson whose one cell prints a random number, so that a re-execution shows in the output.
    static let randomCell = "```swift\nprint(Int.random(in: 0..<1_000_000_000_000))\n```\n"

    @Test("an unchanged lesson reuses its results; a changed cell executes again", .timeLimit(.minutes(2)))
    func reuseAndInvalidate() async throws {
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: Self.randomCell)
      let first = try #require(try await Executor.results(for: lesson, options: ExecutionOptions()).0)
      #expect(FileManager.default.fileExists(atPath: FrozenResultsStore.path(for: lesson.file)))

      let (second, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      #expect(diagnostics.isEmpty)
      #expect(second?.cells.first?.stdout == first.cells.first?.stdout)
      #expect(second?.stamp == first.stamp)

      lesson = try FixtureLessons.rewrite(lesson, text: Self.randomCell.replacingOccurrences(of: "print(", with: "print(1, "))
      let third = try #require(try await Executor.results(for: lesson, options: ExecutionOptions()).0)
      #expect(third.key != first.key)
      #expect(third.cells.first?.stdout.hasPrefix("1 ") == true)
    }

    @Test("refresh executes a named lesson again and leaves others alone", .timeLimit(.minutes(2)))
    func refresh() async throws {
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: Self.randomCell)
      let first = try #require(try await Executor.results(for: lesson, options: ExecutionOptions()).0)
      let untouched = try await Executor.results(for: lesson, options: ExecutionOptions(refresh: .lessons(["another-lesson"]))).0
      #expect(untouched?.stamp == first.stamp)
      let refreshed = try await Executor.results(for: lesson, options: ExecutionOptions(refresh: .lessons([lesson.slug]))).0
      #expect(refreshed?.cells.first?.stdout != first.cells.first?.stdout)
    }

    @Test("reused results report the same failures as the run that made them", .timeLimit(.minutes(2)))
    func failuresReported() async throws {
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: "```swift\nstruct E: Error {}\nthrow E()\n```\n")
      let fresh = try await Executor.results(for: lesson, options: ExecutionOptions()).1
      let reused = try await Executor.results(for: lesson, options: ExecutionOptions()).1
      #expect(fresh.map(\.description) == ["\(lesson.file):2: warning: cell 1 threw: E()"])
      #expect(reused == fresh)
    }

    @Test("a corrupt results file gives a warning and the lesson executes again", .timeLimit(.minutes(2)))
    func corrupt() async throws {
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: Self.randomCell)
      try "{ not json".write(toFile: FrozenResultsStore.path(for: lesson.file), atomically: true, encoding: .utf8)
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      #expect(results?.cells.first?.status == .succeeded)
      let warning = try #require(diagnostics.first)
      #expect(warning.severity == .warning)
      #expect(warning.message.contains("corrupt results"))
      #expect(warning.file == lesson.file)
      // The rewritten file is valid again.
      #expect(try FrozenResultsStore.load(for: lesson.file)?.key == results?.key)
    }

    @Test("results written by a builder with a compiler are accepted by one without")
    func keyWithoutCompiler() {
      let stored = ResultsKey(cells: "abc", toolchain: "Swift version 6.3.1", libraries: "def")
      #expect(ResultsKey(cells: "abc", toolchain: nil, libraries: nil).accepts(stored))
      #expect(!ResultsKey(cells: "abd", toolchain: nil, libraries: nil).accepts(stored))
      #expect(!ResultsKey(cells: "abc", toolchain: "Swift version 6.4", libraries: "def").accepts(stored))
      #expect(!ResultsKey(cells: "abc", toolchain: "Swift version 6.3.1", libraries: "xyz").accepts(stored))
      #expect(ResultsKey(cells: "abc", toolchain: nil, libraries: nil).mismatch(with: stored) == nil)
    }

    @Test("a lesson without Swift cells is neither compiled nor given results")
    func noCells() async throws {
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: "```python\nprint(1)\n```\n")
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      #expect(results == nil)
      #expect(diagnostics.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: FrozenResultsStore.path(for: lesson.file)))
    }

    @Test(
      "a lesson whose Swift cells are all run: false is neither compiled nor given results",
      arguments: ["```swift run=false\nprint(1)\n```\n", "```swift\n//| run: false\nprint(1)\n```\n"])
    func nothingToRun(text: String) async throws {
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: text)
      #expect(lesson.cells.count == 1)
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions(refresh: .all))
      #expect(results == nil)
      #expect(diagnostics.isEmpty)
      #expect(!FileManager.default.fileExists(atPath: FrozenResultsStore.path(for: lesson.file)))
    }
  }
}
