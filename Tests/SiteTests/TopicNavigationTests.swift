import Foundation
import Lessons
import Testing

@testable import Site

/// Topics are ordered one by one as their last changed lesson is prepared, on whichever thread prepared it: the
/// neighbours must be those of ordering every topic at once after all the lessons.
@Suite("Topic navigation while lessons are prepared")
struct TopicNavigationTests {
  static func source(_ topic: String, _ slug: String) -> TutorialSource {
    TutorialSource(
      topic: topic, slug: slug, relativePath: "topics/\(topic)/tutorials/\(slug)", folder: "/c/\(topic)/\(slug)",
      inputs: [:])
  }

  static func summary(_ title: String, draft: Bool = false) -> BuildManifest.LessonSummary {
    BuildManifest.LessonSummary(
      title: title, level: nil, minutes: nil, draft: draft, contributors: [], tags: [], description: "")
  }

  /// The neighbours of ordering every topic at once (what the build did after the last lesson).
  static func allAtOnce(
    _ inventory: ContentInventory, _ summaries: [String: BuildManifest.LessonSummary]
  ) -> [String: LessonNeighbours] {
    TopicOrder.neighbours(TopicOrder.lessons(inventory, summaries: summaries))
  }

  @Test("in any order of preparing, carried-over lessons, drafts and failures included, the neighbours are the same")
  func sameAsAllAtOnce() throws {
    let root = try ContentRoot(FileManager.default.temporaryDirectory.path)
    var sources: [TutorialSource] = []
    var summaries: [String: BuildManifest.LessonSummary?] = [:]
    let titles = ["Lesson 10", "Lesson 2", "lesson 1", "Ärger", "Zebra", "Lesson 2", "Äpfel", "a"]
    for topic in ["one", "two", "three", "carried"] {
      for (index, title) in titles.enumerated() {
        let source = Self.source(topic, "s\(index)")
        sources.append(source)
        summaries[source.relativePath] = index == 4 && topic == "two" ? nil : Self.summary(title, draft: index == 6)
      }
    }
    let inventory = ContentInventory(root: root, topics: [], tutorials: sources, settings: nil, problems: [], refused: [])
    // Topic `carried` and one lesson of `one` were built before; the rest is prepared now.
    var records: [String: BuildManifest.Lesson] = [:]
    for source in sources where source.topic == "carried" || source.relativePath == "topics/one/tutorials/s3" {
      records[source.relativePath] = BuildManifest.Lesson(
        inputs: [:], outputs: [], summary: summaries[source.relativePath] ?? nil, warnings: [])
    }
    let changed = sources.filter { records[$0.relativePath] == nil }
    let expected = Self.allAtOnce(inventory, summaries.compactMapValues { $0 })
    #expect(expected.count == 4 * 7 - 1)
    let prepared = summaries
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
      let navigation = TopicNavigation(inventory, records: records, changed: changed)
      // Prepared in a random order, from several threads at once.
      let order = changed.shuffled(using: &generator)
      DispatchQueue.concurrentPerform(iterations: order.count) { index in
        navigation.prepared(order[index], summary: prepared[order[index].relativePath] ?? nil)
      }
      #expect(navigation.neighbours == expected)
    }
  }

  @Test("a topic whose lessons were all carried over is ordered at once; one still waiting is ordered with what it has")
  func carriedAndWaiting() throws {
    let root = try ContentRoot(FileManager.default.temporaryDirectory.path)
    let sources = ["a", "b", "c"].map { Self.source("t", $0) } + ["x", "y"].map { Self.source("u", $0) }
    let inventory = ContentInventory(root: root, topics: [], tutorials: sources, settings: nil, problems: [], refused: [])
    var records: [String: BuildManifest.Lesson] = [:]
    for source in sources {
      records[source.relativePath] = BuildManifest.Lesson(
        inputs: [:], outputs: [], summary: Self.summary(source.slug), warnings: [])
    }
    let waiting = TopicNavigation(inventory, records: records.filter { $0.key != "topics/u/tutorials/y" }, changed: [sources[4]])
    let carried = TopicNavigation(inventory, records: records, changed: [])
    #expect(carried.neighbours == Self.allAtOnce(inventory, records.compactMapValues(\.summary)))
    #expect(waiting.neighbours["topics/t/tutorials/b"]?.next?.title == "c")
    #expect(waiting.neighbours["topics/u/tutorials/x"] == LessonNeighbours(previous: nil, next: nil))
    waiting.prepared(sources[4], summary: Self.summary("y"))
    #expect(waiting.neighbours == carried.neighbours)
  }
}
