/// The index of every listed lesson's terms, cut into shards by the first characters of the term, so that a query
/// loads only the shards of its words (as Pagefind's chunked index does) instead of the whole site's text.
///
/// A shard's key is the first two characters of its terms; a shard larger than `byteLimit` is split by one more
/// character, again and again while it is too large, holds several terms and some are longer than its key (a term
/// equal to a split key stays in a shard of its own; a single term too large for a shard is not split). A query term needs the shards whose key is a prefix of it (they may hold it)
/// and those whose key starts with it (they hold its extensions: prefix matching).
///
/// Each shard is a script `search/terms/<key's UTF-8 in hex>.js` calling `lessonsSearch.terms(key, {term: postings})`.
/// A term's postings are numbers, lesson after lesson: the lesson's number minus the previous one's (lessons are
/// numbered in the order of `SearchIndex`'s list), then the lesson's `count,section,value…` (see
/// `SearchLesson.terms`).
struct SearchShards {
  /// A shard's size above which it is split, in bytes.
  static let byteLimit = 40_000

  /// Key → script, in key order.
  var scripts: [(key: String, script: String)]

  /// The shards of `lessons`: each lesson's terms (`SearchLesson.terms`), in lesson-number order.
  init(lessons: [String]) {
    var indices: [String: Int] = [:]
    var terms: [String] = []
    var postings: [[UInt8]] = []
    var lastLesson: [Int] = []
    for (number, table) in lessons.enumerated() {
      Self.forEachLine(of: table) { term, rest in
        let index: Int
        if let known = indices[term] {
          index = known
        } else {
          index = terms.count
          indices[term] = index
          terms.append(term)
          postings.append([])
          lastLesson.append(0)
        }
        if !postings[index].isEmpty { postings[index].append(0x2C) }
        postings[index] += String(number - lastLesson[index]).utf8
        postings[index].append(0x2C)
        postings[index] += rest
        lastLesson[index] = number
      }
    }
    let order = terms.indices.sorted { terms[$0].utf8.lexicographicallyPrecedes(terms[$1].utf8) }
    var shards: [(key: String, members: [Int])] = []
    Self.group(order[...], keyLength: 2, terms: terms, postings: postings, into: &shards)
    scripts = shards.map { shard in
      var script = Array("lessonsSearch.terms(".utf8) + JavaScriptString.literal(shard.key).utf8 + Array(",{".utf8)
      for (position, member) in shard.members.enumerated() {
        if position > 0 { script.append(0x2C) }
        script += JavaScriptString.literal(terms[member]).utf8
        script += Array(":[".utf8)
        script += postings[member]
        script.append(0x5D)
      }
      script += Array("});\n".utf8)
      return (shard.key, String(decoding: script, as: UTF8.self))
    }
  }

  /// Puts `members` (term numbers, in term order) into shards keyed by their first `keyLength` characters,
  /// splitting those over the limit.
  private static func group(
    _ members: ArraySlice<Int>, keyLength: Int, terms: [String], postings: [[UInt8]],
    into shards: inout [(key: String, members: [Int])]
  ) {
    var start = members.startIndex
    while start < members.endIndex {
      let key = SearchTerms.key(of: terms[members[start]], length: keyLength)
      var end = start
      var size = 0
      while end < members.endIndex, SearchTerms.key(of: terms[members[end]], length: keyLength) == key {
        size += terms[members[end]].utf8.count + postings[members[end]].count + 6
        end += 1
      }
      let run = members[start..<end]
      let longer = run.filter { terms[$0].unicodeScalars.count > keyLength }
      if size > byteLimit, run.count > 1, !longer.isEmpty {
        let exact = run.filter { terms[$0].unicodeScalars.count <= keyLength }
        if !exact.isEmpty { shards.append((key, exact)) }
        group(longer[...], keyLength: keyLength + 1, terms: terms, postings: postings, into: &shards)
      } else {
        shards.append((key, Array(run)))
      }
      start = end
    }
  }

  /// Calls `body` with each line's term and the bytes after its tab.
  private static func forEachLine(of table: String, _ body: (String, ArraySlice<UInt8>) -> Void) {
    let bytes = Array(table.utf8)
    var lineStart = 0
    while lineStart < bytes.count {
      let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
      if let tab = bytes[lineStart..<lineEnd].firstIndex(of: 0x09), tab > lineStart {
        body(String(decoding: bytes[lineStart..<tab], as: UTF8.self), bytes[(tab + 1)..<lineEnd])
      }
      lineStart = lineEnd + 1
    }
  }

  /// The file of the shard keyed `key`, relative to the site root: the key's UTF-8 bytes in hex (any script's
  /// letters make a portable, case-proof file name).
  static func path(key: String) -> String {
    "search/terms/" + key.utf8.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined() + ".js"
  }
}
