/// The site's search index, written as scripts so that search.html can load it from file://, where fetching a JSON
/// file is refused:
///
/// - `search-index.js`, small, loaded by search.html itself: the number, paths and titles of the listed lessons
///   (their position is their number in the postings), their topics' titles and the keys of the term shards, so
///   that the ranked list can be shown as soon as the query's term files have loaded;
/// - `search/terms/*.js`, the shards (`SearchShards`), inserted by `assets/search.js` for a query's words only,
///   which carry the windows of text the results show (`SearchWindows`).
///
/// Every file is a function of the lessons' records alone (no dates, no dictionary order), so that the same lessons
/// give the same bytes.
enum SearchIndex {
  /// The top-level script's path, relative to the site root.
  static let scriptPath = "search-index.js"

  /// One listed lesson: where its page folder is (its number in the index is its place in `lessons(of:)`), its
  /// title, its topic's title and its terms.
  struct Lesson: Sendable {
    var relativePath: String
    var title: String = ""
    var topicTitle: String = ""
    var terms: String
  }

  /// The lessons of `topics` that search knows, in index order: by path, so that a lesson keeps its number when
  /// titles change. Drafts are not listed, so not searched either.
  static func lessons(of topics: [ListedTopic]) -> [Lesson] {
    topics.flatMap { topic in topic.lessons.map { (topic.metadata.title, $0) } }.compactMap { topicTitle, listed in
      listed.summary.searchTerms.map {
        Lesson(relativePath: listed.relativePath, title: listed.summary.title, topicTitle: topicTitle, terms: $0)
      }
    }.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
  }

  /// Path → contents of the top-level script and of every shard.
  static func files(lessons: [Lesson]) -> [(path: String, contents: String)] {
    let shards = SearchShards(lessons: lessons.map(\.terms))
    return [(scriptPath, script(lessons: lessons, shardFiles: shards.scripts.map(\.keys)))]
      + shards.scripts.map { (SearchShards.path(key: $0.keys[0]), $0.script) }
  }

  /// `window.lessonsSearchIndex = {"lessons": [[folder, [name…], [title…], topic]…], "shards": [[key…]…]}`:
  /// lesson paths grouped by their folder (`topics/a/tutorials/` and the lesson folders' names), in index order,
  /// with the lessons' titles and the folder's topic title, and the shard keys each term file holds (named by its
  /// first).
  static func script(lessons: [Lesson], shardFiles: [[String]]) -> String {
    var groups: [(folder: Substring, topic: String, lessons: [Lesson])] = []
    for lesson in lessons {
      let path = lesson.relativePath[...]
      let cut = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
      if groups.last?.folder == path[..<cut] {
        groups[groups.count - 1].lessons.append(lesson)
      } else {
        groups.append((path[..<cut], lesson.topicTitle, [lesson]))
      }
    }
    let lessonList = groups.map { group in
      let names = group.lessons.map { lesson in
        JavaScriptString.literal(String(lesson.relativePath.dropFirst(group.folder.count)))
      }
      return "[" + JavaScriptString.literal(String(group.folder)) + ",[" + names.joined(separator: ",") + "],["
        + group.lessons.map { JavaScriptString.literal($0.title) }.joined(separator: ",") + "],"
        + JavaScriptString.literal(group.topic) + "]"
    }.joined(separator: ",")
    let keys = shardFiles.map { "[" + $0.map(JavaScriptString.literal).joined(separator: ",") + "]" }.joined(separator: ",")
    return "window.lessonsSearchIndex = {\"lessons\":[\(lessonList)],\"shards\":[\(keys)]};\n"
  }
}
