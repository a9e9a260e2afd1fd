import Foundation
import Glibc
import Lessons
import Testing

@testable import Execution

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

extension ProcessSuites.HostileLessonTests {
  static let printsToken = """
    ```swift
    import Glibc
    print("token:", getenv("SECRET_TOKEN").map { String(cString: $0) } ?? "none")
    print("term:", String(cString: getenv("TERM")))
    ```
    """

  @Test("the builder's secrets do not reach a lesson program; a lesson that names one with env: gets it", .timeLimit(.minutes(2)))
  func environment() throws {
    // The builder's environment as the program's variables are taken from it (not setenv: other threads read it).
    var options = ExecutionOptions(refresh: .all)
    options.builderEnvironment = ProcessInfo.processInfo.environment.merging(
      ["SECRET_TOKEN": "s3cr3t-from-the-builder", "TERM": "xterm"]) { $1 }
    let (plain, _) = try Self.run(Self.printsToken, options: options)
    #expect(plain.cells.first?.stdout == "token: none\nterm: dumb\n")
    let (named, _) = try Self.run(
      "---\ntitle: needs a token\nenv: [SECRET_TOKEN]\n---\n\n" + Self.printsToken, options: options)
    #expect(named.cells.first?.stdout == "token: s3cr3t-from-the-builder\nterm: dumb\n")
    options.passedEnvironment = ["SECRET_TOKEN"]
    let (site, _) = try Self.run(Self.printsToken, options: options)
    #expect(site.cells.first?.stdout == "token: s3cr3t-from-the-builder\nterm: dumb\n")
  }
}
