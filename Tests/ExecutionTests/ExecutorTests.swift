import Charts
import Dispatch
import Execution
import Foundation
import FoundationXML
import Glibc
import Lessons
import Synchronization
import TestSupport
import Testing

extension ProcessSuites {
  /// End-to-end tests of lesson execution: they compile and run real programs against the built libraries.
  @Suite("Executing lessons")
  struct ExecutorTests {
    static let chart = Chart(
      kind: .line, title: "Speed-up", xLabel: "Pool Size", yLabel: "time (s)",
      series: [Chart.Series(name: "map", points: [.init(x: 1, y: 2.6), .init(x: 5, y: 1.1)])])

    @Test("cells print, share state, fork workers, throw, chart; later cells do not run", .timeLimit(.minutes(2)))
    func notebook() async throws {
      let lesson = try FixtureLessons.lesson("notebook.md")
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      let cells = try #require(results, "no results: \(diagnostics)").cells
      #expect(cells.count == 9)
      #expect(diagnostics.count == 1)
      #expect(cells[0].stdout == "hello from the first cell\n")
      #expect(cells[0].stderr == "a line on stderr\n")
      #expect(cells[0].status == .succeeded)
      #expect(cells[1].stdout == "counter is 42\n")
      let workerLines = cells[2].stdout.split(separator: "\n").filter { $0.hasPrefix("worker") }.sorted()
      #expect(workerLines == ["worker 0 reporting", "worker 1 reporting", "worker 2 reporting"])
      #expect(cells[2].stdout.hasSuffix("all workers done: [0, 1, 4]"))
      #expect(cells[3].stdout == "about to throw\n")
      #expect(cells[3].status == .failed(message: "LessonError(reason: \"this one is expected\")", expected: true))
      #expect(cells[4].status == .notRun(reason: CellStatus.runFalseReason))
      #expect(cells[5].charts == [Self.chart])
      // The chart the program showed draws as well-formed SVG with a title and a description.
      let svg = SVGChart.render(try #require(cells[5].charts.first), id: "c1")
      let collector = SVGElements()
      let parser = XMLParser(data: Data(svg.utf8))
      parser.delegate = collector
      #expect(parser.parse())
      #expect(collector.names.first == "svg")
      #expect(collector.names.contains("title") && collector.names.contains("desc"))
      #expect(cells[5].stdout == "<script>alert('x')</script>\n")
      let threadLines = cells[6].stdout.split(separator: "\n").map(String.init)
      #expect(threadLines.filter { $0.hasPrefix("thread saw") }.sorted() == ["thread saw pool", "thread saw thread"])
      #expect(threadLines.last == "[4, 6]")
      #expect(cells[7].stdout == "before the unexpected error\n")
      #expect(cells[7].status == .failed(message: "Unexpected(reason: \"not in the lesson plan\")", expected: false))
      #expect(!cells[7].stderr.contains("stack trace"))
      #expect(cells[8].status == .notRun(reason: CellStatus.earlierFailureReason))
      #expect(cells.allSatisfy { $0.seconds >= 0 })
      let unexpected = try #require(diagnostics.first { $0.message.contains("threw") })
      #expect(unexpected.file == lesson.file)
      #expect(unexpected.line == lesson.cells[7].line)
      #expect(results?.stamp.logicalCPUs ?? 0 > 0)
      #expect(results?.stamp.swiftVersion.contains("Swift") == true)
    }

    @Test("a crash names the signal, kills forked workers and stops later cells", .timeLimit(.minutes(2)))
    func crash() async throws {
      let lesson = try FixtureLessons.lesson("crash.md")
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      let cells = try #require(results, "no results: \(diagnostics)").cells
      #expect(cells[0].stdout == "before the crash\n")
      #expect(cells[1].status == .crashed(signal: 11, description: "Segmentation fault"))
      #expect(cells[1].status.summary == "crashed: signal 11 (Segmentation fault)")
      #expect(cells[2].status == .notRun(reason: CellStatus.earlierFailureReason))
      let group = try #require(Self.group(in: cells[1].stdout))
      #expect(liveProcesses(inGroup: group).isEmpty)
      #expect(diagnostics.contains { $0.line == lesson.cells[1].line && $0.message.contains("crashed") })
    }

    @Test("a runtime trap is a crash; its message stays, its stack trace goes", .timeLimit(.minutes(2)))
    func trap() async throws {
      let lesson = try FixtureLessons.lesson("trap.md")
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      let cell = try #require(results?.cells.first, "no results: \(diagnostics)")
      #expect(cell.stdout == "before the trap\n")
      #expect(cell.status == .crashed(signal: SIGILL, description: "Illegal instruction"))
      #expect(cell.stderr.contains("Fatal error: Index out of range"))
      #expect(!cell.stderr.contains("stack trace"))
    }

    @Test("a timeout kills the whole process group and is reported in words", .timeLimit(.minutes(2)))
    func timeout() async throws {
      let lesson = try FixtureLessons.lesson("timeout.md")
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      let cells = try #require(results, "no results: \(diagnostics)").cells
      #expect(cells[0].status == .succeeded)
      #expect(cells[1].status == .timedOut(seconds: 1))
      // Both pool workers were running when the group was killed.
      #expect(cells[1].stdout.contains("worker 0 started") && cells[1].stdout.contains("worker 1 started"))
      #expect(cells[1].status.summary == "timed out after 1 s")
      #expect(cells[2].status == .notRun(reason: CellStatus.earlierFailureReason))
      let group = try #require(Self.group(in: cells[1].stdout.split(separator: "\n").first.map(String.init) ?? ""))
      #expect(liveProcesses(inGroup: group).isEmpty)
    }

    @Test("compiler errors point at the lesson file and line", .timeLimit(.minutes(2)))
    func compileError() async throws {
      let lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      let (results, diagnostics) = try await Executor.results(for: lesson, options: ExecutionOptions())
      let cells = try #require(results).cells
      let error = try #require(diagnostics.first)
      #expect(diagnostics.allSatisfy { $0.severity == .error }, "\(diagnostics)")
      #expect(error.file == lesson.file)
      #expect(error.line == lesson.cells[1].line)
      #expect(error.column != nil)
      #expect(error.message.contains("String"))
      #expect(error.message.hasPrefix("cell 2: "))
      #expect(cells[1].diagnostics.map { "cell 2: \($0.message)" } == [error.message])
      #expect(cells[1].diagnostics.first?.file == "\(lesson.relativePath)/tutorial.md")
      #expect(cells[0].diagnostics.isEmpty)
      #expect(cells.allSatisfy { if case .notRun = $0.status { true } else { false } })
    }

    @Test("output beyond the limit is dropped and counted", .timeLimit(.minutes(2)))
    func outputLimit() async throws {
      let code = "```swift\nfor _ in 0..<1000 { print(String(repeating: \"x\", count: 99)) }\n```\n"
      var lesson = try FixtureLessons.lesson("broken.md")
      defer { FixtureLessons.remove(lesson) }
      lesson = try FixtureLessons.rewrite(lesson, text: code)
      let (results, _) = try await Executor.results(for: lesson, options: ExecutionOptions(outputLimit: 1000))
      let cell = try #require(results?.cells.first)
      #expect(cell.stdout.utf8.count == 1000)
      #expect(cell.droppedBytes == 100_000 - 1000)
    }

    /// The process group a fixture cell printed (`worker <pid> group <pgid>`).
    static func group(in output: String) -> Int32? {
      output.split(separator: " ").last.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
  }
}

extension ProcessSuites {
  /// The site builder executes several lessons at once from pool threads.
  @Suite("Executing lessons in parallel")
  struct ParallelExecutionTests {
    @Test("lessons executed on several threads at once each get their own outputs", .timeLimit(.minutes(2)))
    func parallel() async throws {
      let lessons = try (0..<3).map { number in
        try FixtureLessons.lesson("broken.md").withText("```swift\nprint(\"lesson \(number)\")\n```\n")
      }
      defer { lessons.forEach(FixtureLessons.remove) }
      let outputs = try await OffPool.run { [lessons] in
        let outputs = Mutex<[Int: String]>([:])
        DispatchQueue.concurrentPerform(iterations: lessons.count) { number in
          let stdout = Executor.results(for: lessons[number], options: ExecutionOptions()).0?.cells.first?.stdout
          outputs.withLock { $0[number] = stdout }
        }
        return outputs.withLock { $0 }
      }
      #expect(outputs == [0: "lesson 0\n", 1: "lesson 1\n", 2: "lesson 2\n"])
    }

    @Test("the stamp says whether stand-in or live servers answered", .timeLimit(.minutes(2)))
    func servers() async throws {
      var lesson = try FixtureLessons.lesson("broken.md").withText("```swift\nprint(1)\n```\n")
      defer { FixtureLessons.remove(lesson) }
      lesson.frontMatter.standInServers = [StandInServer(url: "https://usegalaxy.org", version: "24.1", latency: 0)]
      #expect(try await Executor.results(for: lesson, options: ExecutionOptions(refresh: .all)).0?.stamp.servers == "stand-in")
      let live = ExecutionOptions(refresh: .all, live: true)
      #expect(try await Executor.results(for: lesson, options: live).0?.stamp.servers == "live")
    }
  }
}

extension Lesson {
  /// The lesson with its file replaced by `text`.
  func withText(_ text: String) throws -> Lesson {
    try FixtureLessons.rewrite(self, text: text)
  }
}

/// Records the element names an XML parser meets, in order.
final class SVGElements: NSObject, XMLParserDelegate {
  var names: [String] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
    attributes: [String: String] = [:]
  ) {
    names.append(elementName)
  }
}
