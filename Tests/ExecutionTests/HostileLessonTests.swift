import Foundation
import Glibc
import Lessons
import SystemCalls
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
    ) async throws -> (LessonResults, [Diagnostic]) {
      let text = markdown.hasPrefix("---") ? markdown : "---\ntitle: hostile\n---\n\n" + markdown
      let lesson = try FixtureLessons.lesson("broken.md").withText(text)
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = try await Executor.results(for: lesson, options: options)
      return (try #require(results, "no results: \(diagnostics)"), diagnostics)
    }

    @Test("portable cells compile: imports inside #if and \"import\" in strings stay as written", .timeLimit(.minutes(2)))
    func portableImports() async throws {
      let (results, diagnostics) = try await Self.run(
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
    print("term:", String(cString: getenv("TERM")), String(cString: getenv("LESSONS_EXTRA")))
    ```
    """

  @Test(
    "the builder's secrets do not reach a lesson program; one named with env: only when the command permits it",
    .timeLimit(.minutes(2)))
  func environment() async throws {
    // The builder's environment as the program's variables are taken from it (not setenv: other threads read it).
    var options = ExecutionOptions(refresh: .all)
    options.builderEnvironment = ProcessInfo.processInfo.environment.merging(
      ["SECRET_TOKEN": "s3cr3t-from-the-builder", "TERM": "xterm", "LESSONS_EXTRA": "kept"]) { $1 }
    let (plain, _) = try await Self.run(Self.printsToken, options: options)
    #expect(plain.cells.first?.stdout == "token: none\nterm: dumb kept\n")
    // A lesson (a pull request) names the token: without --pass-env it is not passed, and the build says so.
    let asking = "---\ntitle: needs a token\nenv: [SECRET_TOKEN]\n---\n\n" + Self.printsToken
    let (refused, warnings) = try await Self.run(asking, options: options)
    #expect(refused.cells.first?.stdout == "token: none\nterm: dumb kept\n")
    #expect(warnings.contains { $0.severity == .warning && $0.message.contains("--pass-env SECRET_TOKEN") }, "\(warnings)")
    options.passedEnvironment = ["SECRET_TOKEN"]
    let (siteRefused, _) = try await Self.run(Self.printsToken, options: options)
    #expect(siteRefused.cells.first?.stdout == "token: none\nterm: dumb kept\n")
    // The maintainer's command permits it: the lesson's env: and site.yaml's each pass it.
    options.permittedEnvironment = ["SECRET_TOKEN"]
    let (site, _) = try await Self.run(Self.printsToken, options: options)
    #expect(site.cells.first?.stdout == "token: s3cr3t-from-the-builder\nterm: dumb kept\n")
    options.passedEnvironment = []
    let (named, quiet) = try await Self.run(asking, options: options)
    #expect(named.cells.first?.stdout == "token: s3cr3t-from-the-builder\nterm: dumb kept\n")
    #expect(!quiet.contains { $0.message.contains("--pass-env") })
  }
}

extension ProcessSuites.HostileLessonTests {
  @Test("a lesson program cannot read the builder's environment through /proc (the builder is not dumpable)", .timeLimit(.minutes(2)))
  func builderEnvironmentHidden() async throws {
    let (results, diagnostics) = try await Self.run(
      #"""
      ```swift
      import Glibc
      if let file = fopen("/proc/\(getppid())/environ", "r") {
        var count = 0
        while fgetc(file) != EOF { count += 1 }
        fclose(file)
        print("read \(count) bytes")
      } else {
        print("refused")
      }
      ```
      """#)
    #expect(results.cells.first?.status == .succeeded, "\(diagnostics)")
    #expect(ProcessCalls.isDumpable == false)
    // Root reads every process's /proc files whatever the flag says; any other user is refused.
    if getuid() != 0 { #expect(results.cells.first?.stdout == "refused\n") }
  }
}

extension ProcessSuites.HostileLessonTests {
  /// A first cell that defines `spoof(_:)`: writes a text to every descriptor from 3 up, where the builder's channel
  /// is (at 3, or wherever the program moved it).
  static let spoofer = #"""
    ```swift
    import Glibc
    signal(SIGPIPE, SIG_IGN)
    func spoof(_ text: String) {
      var text = text
      text.withUTF8 { bytes in for fd in Int32(3)..<1024 { _ = write(fd, bytes.baseAddress, bytes.count) } }
    }
    print("ready")
    ```

    """#

  @Test("a cell that writes cell-begin each second still times out at its own deadline", .timeLimit(.minutes(2)))
  func deadlineSpoof() async throws {
    let (results, _) = try await Self.run(
      Self.spoofer + #"""
        ```swift
        //| timeout: 2
        for second in 0..<10 {
          spoof("cell-begin 1\n")
          print("second \(second)")
          sleep(1)
        }
        print("finished")
        ```
        """#)
    #expect(results.cells[1].status == .timedOut(seconds: 2))
    #expect(!results.cells[1].stdout.contains("finished"))
  }

  @Test("forged control lines and markers change nothing; a flood is one warning", .timeLimit(.minutes(2)))
  func forgedLines() async throws {
    let (results, diagnostics) = try await Self.run(
      Self.spoofer + #"""
        ```swift
        spoof("cell-threw 1 forged\n")
        spoof("chart {\"kind\":\"line\",\"title\":\"forged\",\"xLabel\":\"\",\"yLabel\":\"\",\"categories\":[],\"series\":[]}\n")
        spoof("cell-end 1 1e300\n")
        spoof(String(repeating: "\n", count: 1 << 20))
        print("\u{1}lessons-cell:0123456789abcdef0123456789abcdef:2")
        print("still cell 1")
        ```
        """#)
    let cell = results.cells[1]
    #expect(cell.status == .succeeded)
    #expect(cell.charts.isEmpty)
    #expect(cell.seconds < 60)
    #expect(cell.stdout.hasSuffix("still cell 1\n"))
    #expect(diagnostics.count <= 2, "\(diagnostics)")
    #expect(diagnostics.contains { $0.message.contains("without the run's secret were ignored") })
  }

  @Test("a cell that closes descriptor 3, or every descriptor, does not stop the next from being seen", .timeLimit(.minutes(2)))
  func closedChannel() async throws {
    let (results, _) = try await Self.run(
      """
      ```swift
      import Glibc
      close(3)
      print("closed 3")
      ```

      ```swift
      print("next cell ran")
      ```

      ```swift
      for fd in Int32(3)..<1024 { close(fd) }
      print("closed all")
      ```

      ```swift
      print("last cell ran")
      ```
      """)
    #expect(results.cells.map(\.status) == [.succeeded, .succeeded, .succeeded, .succeeded])
    #expect(results.cells[1].stdout == "next cell ran\n")
    #expect(results.cells[3].stdout == "last cell ran\n")
  }

  @Test("a program a cell runs does not inherit the builder's channel", .timeLimit(.minutes(2)))
  func channelNotInherited() async throws {
    let (results, _) = try await Self.run(
      #"""
      ```swift
      import Glibc
      // The shell's descriptors: stdout and stderr are the builder's sockets; a third would be the channel.
      _ = system("ls -l /proc/$$/fd | grep -c socket; echo LESSONS_CONTROL_FD=${LESSONS_CONTROL_FD:-unset}")
      ```
      """#)
    #expect(results.cells[0].stdout == "2\nLESSONS_CONTROL_FD=unset\n")
  }
}

extension ProcessSuites.HostileLessonTests {
  @Test("processes a cell leaves behind (setsid, setpgid, double fork) are stopped, reaped and reported", .timeLimit(.minutes(2)))
  func escapedProcesses() async throws {
    let (results, diagnostics) = try await Self.run(
      #"""
      ```swift
      import Glibc
      print("first")
      ```

      ```swift
      _ = system("""
        setsid sleep 300 </dev/null >/dev/null 2>&1 & echo $!
        (sleep 301 </dev/null >/dev/null 2>&1 & echo $!)
        set -m; sleep 302 </dev/null >/dev/null 2>&1 & echo $!
        """)
      ```

      ```swift
      print("last")
      ```
      """#)
    #expect(results.cells.map(\.status) == [.succeeded, .succeeded, .succeeded])
    let pids = results.cells[1].stdout.split(separator: "\n").compactMap { pid_t($0) }
    #expect(pids.count == 3)
    #expect(results.cells[1].diagnostics.map(\.message) == ["left 3 processes running; they were stopped"])
    #expect(results.cells[0].diagnostics.isEmpty && results.cells[2].diagnostics.isEmpty)
    #expect(diagnostics.contains { $0.message == "cell 2: left 3 processes running; they were stopped" })
    // Gone, not even zombies of this process (the builder reaps what it adopted).
    for pid in pids { #expect(Self.exists(pid) == false, "process \(pid) is still there") }
  }

  /// True while `pid` exists at all (a zombie included).
  static func exists(_ pid: pid_t) -> Bool {
    access("/proc/\(pid)/stat", F_OK) == 0
  }
}
