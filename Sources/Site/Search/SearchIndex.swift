/// The site's search index, written as scripts so that search.html can load it from file://, where fetching a JSON
/// file is refused:
///
/// - `search-index.js`, small, loaded by search.html itself: the number and paths of the listed lessons (their
///   position is their number in the postings) and the keys of the term shards;
/// - `search/terms/*.js`, the shards (`SearchShards`), inserted by `assets/search.js` for a query's words only;
/// - `search/lessons/*.js`, one document per lesson (`SearchLesson`), written with the lesson's page and inserted
///   only for the results shown.
///
/// Every file is a function of the lessons' records alone (no dates, no dictionary order), so that the same lessons
/// give the same bytes.
enum SearchIndex {
  /// The top-level script's path, relative to the site root.
  static let scriptPath = "search-index.js"

  /// One listed lesson: where its page folder is (its number in the index is its place in `lessons(of:)`) and
  /// its terms.
  struct Lesson: Sendable {
    var relativePath: String
    var terms: String
  }

  /// The lessons of `topics` that search knows, in index order: by path, so that a lesson keeps its number when
  /// titles change. Drafts are not listed, so not searched either.
  static func lessons(of topics: [ListedTopic]) -> [Lesson] {
    topics.flatMap(\.lessons).compactMap { listed in
      listed.summary.searchTerms.map { Lesson(relativePath: listed.relativePath, terms: $0) }
    }.sorted { $0.relativePath.utf8.lexicographicallyPrecedes($1.relativePath.utf8) }
  }

  /// Path → contents of the top-level script and of every shard.
  static func files(lessons: [Lesson]) -> [(path: String, contents: String)] {
    let shards = SearchShards(lessons: lessons.map(\.terms))
    return [(scriptPath, script(lessons: lessons, shardFiles: shards.scripts.map(\.keys)))]
      + shards.scripts.map { (SearchShards.path(key: $0.keys[0]), $0.script) }
  }

  /// `window.lessonsSearchIndex = {"lessons": [[folder, [name…]]…], "shards": [[key…]…]}`: lesson paths grouped by
  /// their folder (`topics/a/tutorials/` and the lesson folders' names), in index order, and the shard keys each
  /// term file holds (named by its first).
  static func script(lessons: [Lesson], shardFiles: [[String]]) -> String {
    var groups: [(folder: Substring, names: [Substring])] = []
    for lesson in lessons {
      let path = lesson.relativePath[...]
      let cut = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
      if groups.last?.folder == path[..<cut] {
        groups[groups.count - 1].names.append(path[cut...])
      } else {
        groups.append((path[..<cut], [path[cut...]]))
      }
    }
    let lessonList = groups.map { group in
      "[" + JavaScriptString.literal(String(group.folder)) + ",["
        + group.names.map { JavaScriptString.literal(String($0)) }.joined(separator: ",") + "]]"
    }.joined(separator: ",")
    let keys = shardFiles.map { "[" + $0.map(JavaScriptString.literal).joined(separator: ",") + "]" }.joined(separator: ",")
    return "window.lessonsSearchIndex = {\"lessons\":[\(lessonList)],\"shards\":[\(keys)]};\n"
  }
}
