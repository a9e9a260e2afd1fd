import Execution
import Lessons

/// One executed lesson's frozen results as `lessons status` shows them.
public struct LessonStatus: Sendable, Hashable {
  /// `topics/<topic>/tutorials/<tutorial>`.
  public var relativePath: String
  /// The state of its frozen results, with the reasons when stale or failed.
  public var state: ResultsState
  /// Wall time of the lesson's program when its results were made (what shards are balanced by); nil when never run.
  public var recordedSeconds: Double?
  /// When the results were made (ISO 8601), nil when never run.
  public var date: String?
  /// `exclusive: true` in the front matter.
  public var exclusive: Bool
}

/// The status of every executed lesson under a content folder.
public enum SiteStatus {
  /// Every enabled lesson with cells to run, in path order. Nothing is executed or written; a lesson that cannot be
  /// read is listed as failed. Throws only when the content folder has no `topics/`.
  public static func scan(contentFolder: String) throws(SiteError) -> [LessonStatus] {
    let inventory = try ContentScanner.scan(contentFolder)
    var result: [LessonStatus] = []
    for source in inventory.tutorials.sorted(by: { $0.relativePath < $1.relativePath }) {
      let lesson: Lesson
      do {
        lesson = try LessonParser.parse(file: source.file, relativePath: source.relativePath)
      } catch {
        result.append(
          LessonStatus(
            relativePath: source.relativePath, state: .failed(reasons: ["cannot read the lesson: \(error)"]),
            recordedSeconds: nil, date: nil, exclusive: false))
        continue
      }
      guard lesson.frontMatter.enabled, let state = ResultsStatus.state(of: lesson) else { continue }
      let stored = try? FrozenResultsStore.load(for: lesson.file)
      result.append(
        LessonStatus(
          relativePath: source.relativePath, state: state, recordedSeconds: stored?.stamp.totalSeconds,
          date: stored?.stamp.date, exclusive: lesson.frontMatter.exclusive))
    }
    return result
  }
}
