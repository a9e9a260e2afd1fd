import Foundation

/// The order a topic's page lists its lessons in (by title, then by folder), shared by the topic page, the index
/// and each lesson's previous/next links so that they always agree. Drafts, disabled lessons and lessons that
/// failed are not listed.
enum TopicOrder {
  /// Each topic's listed lessons in order, keyed by topic folder name; `summaries` holds the lessons that built.
  static func lessons(
    _ inventory: ContentInventory, summaries: [String: BuildManifest.LessonSummary]
  ) -> [String: [ListedLesson]] {
    var topics: [String: [ListedLesson]] = [:]
    for source in inventory.tutorials {
      guard let summary = summaries[source.relativePath], !summary.draft else { continue }
      topics[source.topic, default: []].append(
        ListedLesson(topic: source.topic, relativePath: source.relativePath, summary: summary))
    }
    return topics.mapValues(sorted)
  }

  /// `lessons` by title (as people sort: `Lesson 2` before `Lesson 10`), ties by folder.
  static func sorted(_ lessons: [ListedLesson]) -> [ListedLesson] {
    lessons.sorted { left, right in
      switch left.summary.title.localizedStandardCompare(right.summary.title) {
      case .orderedAscending: return true
      case .orderedDescending: return false
      case .orderedSame: return left.relativePath < right.relativePath
      }
    }
  }

  /// Every listed lesson's neighbours in its topic, keyed by the lesson's relative path.
  static func neighbours(_ topics: [String: [ListedLesson]]) -> [String: LessonNeighbours] {
    var result: [String: LessonNeighbours] = [:]
    for lessons in topics.values {
      for (index, lesson) in lessons.enumerated() {
        func link(_ other: Int) -> LessonNeighbours.Link? {
          guard lessons.indices.contains(other) else { return nil }
          return LessonNeighbours.Link(pagePath: lessons[other].pagePath, title: lessons[other].summary.title)
        }
        result[lesson.relativePath] = LessonNeighbours(previous: link(index - 1), next: link(index + 1))
      }
    }
    return result
  }
}

/// The lessons before and after one in its topic's order, for its `rel="prev"`/`rel="next"` links.
struct LessonNeighbours: Codable, Sendable, Hashable {
  struct Link: Codable, Sendable, Hashable {
    /// The page's path relative to the site root.
    var pagePath: String
    var title: String
  }

  var previous: Link?
  var next: Link?
}
