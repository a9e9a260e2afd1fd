import Foundation

/// The site's search index: one entry per listed lesson (title, topic, page, sections), written as a script
/// (`search-index.js`, assigning `window.lessonsSearchIndex`) so that search.html can load it from file://, where
/// fetching a JSON file is refused.
enum SearchIndex {
  struct Entry: Encodable {
    var title: String
    var topic: String
    var url: String
    var sections: [SearchSection]
  }

  /// The script for `lessons` of `topics` (drafts are not listed, so not searched either).
  static func script(topics: [ListedTopic]) -> String {
    let entries = topics.flatMap { topic in
      topic.lessons.map {
        Entry(title: $0.summary.title, topic: topic.metadata.title, url: $0.pageLink, sections: $0.summary.search ?? [])
      }
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    return "window.lessonsSearchIndex = \(json);\n"
  }
}
