import Execution
import Foundation
import Testing

/// Frozen results are read only from a regular file beside the lesson: a pull request's link
/// `tutorial.results.json → a file outside the content folder` put that file's outputs on the published page, in
/// its notebook and in the search index; a named pipe there must not block the build.
@Suite("Results file")
struct ResultsFileTests {
  /// This package's own frozen results for its first-steps lesson: a valid results file.
  static let valid = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent(
      "content/topics/data-science/tutorials/swift-first-steps/tutorial.results.json")

  private func folder() throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("results-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path + "/lesson", withIntermediateDirectories: true)
    return path
  }

  @Test("a results file that is a link, even to valid results, is refused with a reason")
  func linkRefused() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lessonFile = root + "/lesson/tutorial.md"
    try FileManager.default.copyItem(atPath: Self.valid.path, toPath: root + "/outside.json")
    try FileManager.default.createSymbolicLink(
      atPath: FrozenResultsStore.path(for: lessonFile), withDestinationPath: root + "/outside.json")
    let error = try #require(throws: ExecutionError.self) { try FrozenResultsStore.load(for: lessonFile) }
    #expect("\(error)".contains("symbolic link"), "\(error)")
    // The same bytes in a file of its own are read.
    try FileManager.default.removeItem(atPath: FrozenResultsStore.path(for: lessonFile))
    try FileManager.default.copyItem(atPath: Self.valid.path, toPath: FrozenResultsStore.path(for: lessonFile))
    #expect(try FrozenResultsStore.load(for: lessonFile)?.cells.isEmpty == false)
  }

  @Test("a named pipe as results file is refused at once, and a missing file is no results")
  func pipeRefused() throws {
    let root = try folder()
    defer { try? FileManager.default.removeItem(atPath: root) }
    let lessonFile = root + "/lesson/tutorial.md"
    #expect(try FrozenResultsStore.load(for: lessonFile) == nil)
    #expect(mkfifo(FrozenResultsStore.path(for: lessonFile), 0o644) == 0)
    // On a thread with a deadline: a blocking open would otherwise hang the test run.
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Thread {
      do {
        outcome.text = try FrozenResultsStore.load(for: lessonFile) == nil ? "no results" : "results"
      } catch {
        outcome.text = "\(error)"
      }
      done.signal()
    }.start()
    #expect(done.wait(timeout: .now() + 30) == .success, "reading a named pipe blocked")
    #expect(outcome.text?.contains("not a regular file") == true, "\(outcome.text ?? "")")
  }

  private final class Outcome: @unchecked Sendable {
    var text: String?
  }
}
