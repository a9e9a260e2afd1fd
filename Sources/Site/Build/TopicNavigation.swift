import Synchronization

/// Each listed lesson's neighbours in its topic's order (`TopicOrder`), worked out topic by topic while the lessons
/// are prepared: a topic's order is known once its last changed lesson has its title, and is sorted then, by the
/// thread that prepared that lesson. Sorting every topic on the main thread after the last lesson kept the other
/// core idle between preparing and publishing (titles compared as people sort them, a few milliseconds for a
/// thousand lessons).
final class TopicNavigation: Sendable {
  /// A topic whose changed lessons are not all prepared yet.
  private struct Pending {
    /// The topic's lessons in the scan's order.
    var sources: [TutorialSource]
    /// Summaries of the lessons carried over and of those prepared so far (nil for a lesson that failed).
    var summaries: [String: BuildManifest.LessonSummary]
    /// Changed lessons not prepared yet.
    var waiting: Int
  }

  private struct State {
    var pending: [String: Pending] = [:]
    var neighbours: [String: LessonNeighbours] = [:]
  }

  private let state = Mutex(State())

  /// The topics of `inventory`; `records` are the lessons carried over (with their summaries), `changed` the
  /// lessons about to be prepared. Topics with nothing to prepare are ordered now.
  init(_ inventory: ContentInventory, records: [String: BuildManifest.Lesson], changed: [TutorialSource]) {
    var pending: [String: Pending] = [:]
    for source in inventory.tutorials {
      pending[source.topic, default: Pending(sources: [], summaries: [:], waiting: 0)].sources.append(source)
      if let summary = records[source.relativePath]?.summary {
        pending[source.topic]?.summaries[source.relativePath] = summary
      }
    }
    for source in changed { pending[source.topic]?.waiting += 1 }
    var complete: [String: LessonNeighbours] = [:]
    for (name, topic) in pending where topic.waiting == 0 {
      complete.merge(Self.neighbours(topic)) { first, _ in first }
      pending[name] = nil
    }
    state.withLock { [pending, complete] state in
      state.pending = pending
      state.neighbours = complete
    }
  }

  /// Records that `source` was prepared, with `summary` (nil when it failed); orders its topic when it was the
  /// topic's last changed lesson.
  func prepared(_ source: TutorialSource, summary: BuildManifest.LessonSummary?) {
    let finished = state.withLock { state -> Pending? in
      guard var topic = state.pending[source.topic] else { return nil }
      topic.summaries[source.relativePath] = summary
      topic.waiting -= 1
      if topic.waiting > 0 {
        state.pending[source.topic] = topic
        return nil
      }
      state.pending[source.topic] = nil
      return topic
    }
    guard let finished else { return }
    let neighbours = Self.neighbours(finished)
    state.withLock { state in state.neighbours.merge(neighbours) { first, _ in first } }
  }

  /// Every listed lesson's neighbours, once every changed lesson is prepared: `TopicOrder.neighbours` of
  /// `TopicOrder.lessons` with every summary; a topic still waiting for a lesson is ordered with what it has.
  var neighbours: [String: LessonNeighbours] {
    state.withLock { state in
      var result = state.neighbours
      for topic in state.pending.values { result.merge(Self.neighbours(topic)) { first, _ in first } }
      return result
    }
  }

  private static func neighbours(_ topic: Pending) -> [String: LessonNeighbours] {
    let listed = topic.sources.compactMap { source -> ListedLesson? in
      guard let summary = topic.summaries[source.relativePath], !summary.draft else { return nil }
      return ListedLesson(topic: source.topic, relativePath: source.relativePath, summary: summary)
    }
    guard let name = topic.sources.first?.topic, !listed.isEmpty else { return [:] }
    return TopicOrder.neighbours([name: TopicOrder.sorted(listed)])
  }
}
