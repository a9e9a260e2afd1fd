import Execution
import Foundation
import Glibc
import Lessons
import Testing

extension ProcessSuites {
  /// Lessons nobody here wrote: what they do must not crash the builder, leak its secrets, fool its bookkeeping
  /// or outlive the build.
  @Suite("Hostile and unlucky lessons")
  struct HostileLessonTests {
    /// Runs `markdown` as a lesson (front matter added when it has none) and returns its results.
    static func run(
      _ markdown: String, options: ExecutionOptions = ExecutionOptions(refresh: .all)
    ) throws -> (LessonResults, [Diagnostic]) {
      let text = markdown.hasPrefix("---") ? markdown : "---\ntitle: hostile\n---\n\n" + markdown
      let lesson = try FixtureLessons.lesson("broken.md").withText(text)
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = Executor.results(for: lesson, options: options)
      return (try #require(results, "no results: \(diagnostics)"), diagnostics)
    }

    @Test("portable cells compile: imports inside #if and \"import\" in strings stay as written", .timeLimit(.minutes(2)))
    func portableImports() throws {
      let (results, diagnostics) = try Self.run(
        #"""
        ```swift
        #if canImport(Darwin)
        import Darwin
        #elseif canImport(Glibc)
        import Glibc
        #endif
        let text = """
          import NoSuchModule
          """
        print(text, getpid() > 0)
        ```

        ```swift
        //| error: expected
        #if canImport(Darwin)
        import Darwin
        #endif
        struct Oops: Error {}
        print("import NotAModule")
        throw Oops()
        ```
        """#)
      #expect(results.cells.map(\.status) == [.succeeded, .failed(message: "Oops()", expected: true)], "\(diagnostics)")
      #expect(results.cells.first?.stdout == "import NoSuchModule true\n")
      #expect(results.cells.last?.stdout == "import NotAModule\n")
    }
  }
}
