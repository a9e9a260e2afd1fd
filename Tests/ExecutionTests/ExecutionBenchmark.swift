import Foundation
import Glibc
import LessonProtocol
import Lessons
import Testing

@testable import Execution

extension ProcessSuites {
  /// Figures for scripts/bench-execution.sh: compile + launch cost of a lesson and the time to reuse frozen results.
  /// Runs only when `LESSONS_BENCH=1` (the script sets it); prints figures and asserts no timings.
  @Suite("Execution benchmark", .enabled(if: ProcessInfo.processInfo.environment["LESSONS_BENCH"] == "1"))
  struct ExecutionBenchmark {
    static func seconds(_ work: () -> Void) -> Double {
      let start = ContinuousClock.now
      work()
      let elapsed = ContinuousClock.now - start
      return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    @Test("compile + launch cost and all-frozen rebuild time", .timeLimit(.minutes(5)))
    func figures() throws {
      let lesson = try FixtureLessons.lesson("bench.md")
      defer { FixtureLessons.remove(lesson) }
      for optimize in [false, true] {
        var samples: [(total: Double, program: Double, cpuBound: Double)] = []
        for _ in 0..<3 {
          var results: LessonResults?
          let total = Self.seconds {
            results = Executor.results(for: lesson, options: ExecutionOptions(refresh: .all, optimize: optimize)).0
          }
          let stamp = try #require(results?.stamp)
          samples.append((total, stamp.totalSeconds, results?.cells[1].seconds ?? 0))
        }
        let best = try #require(samples.min { $0.total - $0.program < $1.total - $1.program })
        print(
          "BENCH \(optimize ? "-O    " : "-Onone") compile+launch \(String(format: "%.2f", best.total - best.program)) s"
            + " (lesson total \(String(format: "%.2f", best.total)) s, program \(String(format: "%.2f", best.program)) s,"
            + " CPU-bound cell \(String(format: "%.3f", best.cpuBound)) s)")
      }

      // Twenty lessons with current frozen results: nothing is compiled.
      var lessons: [Lesson] = []
      defer { lessons.forEach(FixtureLessons.remove) }
      for _ in 0..<20 {
        let copy = try FixtureLessons.lesson("bench.md")
        lessons.append(copy)
        try FileManager.default.copyItem(
          atPath: FrozenResultsStore.path(for: lesson.file), toPath: FrozenResultsStore.path(for: copy.file))
      }
      var reused = 0
      let frozen = Self.seconds {
        // At the level the copied results were made at (the last of the loop above): the level is part of the key.
      let frozenOptions = ExecutionOptions(optimize: true)
      for copy in lessons where Executor.results(for: copy, options: frozenOptions).0 != nil { reused += 1 }
      }
      print("BENCH all-frozen: \(reused) lessons reused in \(String(format: "%.3f", frozen)) s")

      // The look for a run's leftover processes, done when each cell ends (and twice a second).
      let run = LeftoverProcesses.Run(marker: "LESSONS_WORK_FOLDER=/nowhere", program: getpid(), startTime: 0)
      let look = Self.seconds { for _ in 0..<100 { _ = LeftoverProcesses.alive(of: run) } } / 100
      let processes = ProcessTable.entries().count
      print("BENCH leftover look: \(String(format: "%.2f", look * 1000)) ms with \(processes) processes on the machine")
    }
  }
}
