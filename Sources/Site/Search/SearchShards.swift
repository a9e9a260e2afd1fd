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
    var table = TermTable(capacity: 1 << 14)
    var postings: [[UInt8]] = []
    var lastLesson: [Int] = []
    for (number, lessonTerms) in lessons.enumerated() {
      Self.forEachLine(of: lessonTerms) { term, rest in
        let index = table.number(of: term)
        if index == postings.count {
          postings.append([])
          lastLesson.append(0)
        }
        if !postings[index].isEmpty { postings[index].append(0x2C) }
        DecimalBytes.append(number - lastLesson[index], to: &postings[index])
        postings[index].append(0x2C)
        postings[index].append(contentsOf: rest)
        lastLesson[index] = number
      }
    }
    let terms = (0..<table.count).map { Term(bytes: table.term($0)) }
    let order = table.sortedNumbers()
    var shards: [(key: ArraySlice<UInt8>, members: [Int])] = []
    Self.group(order[...], keyLength: 2, terms: terms, postings: postings, into: &shards)
    scripts = shards.map { shard in
      var script = Array("lessonsSearch.terms(".utf8)
      shard.key.withUnsafeBufferPointer { JavaScriptString.append(literalOf: $0, to: &script) }
      script += ",{".utf8
      for (position, member) in shard.members.enumerated() {
        if position > 0 { script.append(0x2C) }
        terms[member].bytes.withUnsafeBufferPointer { JavaScriptString.append(literalOf: $0, to: &script) }
        script += ":[".utf8
        script += postings[member]
        script.append(0x5D)
      }
      script += "});\n".utf8
      return (String(decoding: shard.key, as: UTF8.self), String(decoding: script, as: UTF8.self))
    }
  }

  /// A term's bytes and the byte lengths of its first characters (Unicode scalars), for cutting keys.
  private struct Term {
    var bytes: ArraySlice<UInt8>
    /// How many characters the term has.
    var characters: Int

    init(bytes: ArraySlice<UInt8>) {
      self.bytes = bytes
      characters = bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// The term's first `length` characters (all of it when shorter).
    func key(length: Int) -> ArraySlice<UInt8> {
      var seen = 0
      var index = bytes.startIndex
      while index < bytes.endIndex {
        if bytes[index] & 0xC0 != 0x80 {
          if seen == length { break }
          seen += 1
        }
        index += 1
      }
      return bytes[..<index]
    }
  }

  /// Puts `members` (term numbers, in term order) into shards keyed by their first `keyLength` characters,
  /// splitting those over the limit.
  private static func group(
    _ members: ArraySlice<Int>, keyLength: Int, terms: [Term], postings: [[UInt8]],
    into shards: inout [(key: ArraySlice<UInt8>, members: [Int])]
  ) {
    var start = members.startIndex
    while start < members.endIndex {
      let key = terms[members[start]].key(length: keyLength)
      var end = start
      var size = 0
      while end < members.endIndex, terms[members[end]].key(length: keyLength).elementsEqual(key) {
        size += terms[members[end]].bytes.count + postings[members[end]].count + 6
        end += 1
      }
      let run = members[start..<end]
      let longer = run.filter { terms[$0].characters > keyLength }
      if size > byteLimit, run.count > 1, !longer.isEmpty {
        let exact = run.filter { terms[$0].characters <= keyLength }
        if !exact.isEmpty { shards.append((key, exact)) }
        group(longer[...], keyLength: keyLength + 1, terms: terms, postings: postings, into: &shards)
      } else {
        shards.append((key, Array(run)))
      }
      start = end
    }
  }

  /// Calls `body` with each line's term and the bytes after its tab.
  private static func forEachLine(
    of table: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var table = table
    table.withUTF8 { bytes in
      var lineStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        var tab = -1
        while lineEnd < bytes.count, bytes[lineEnd] != 0x0A {
          if tab < 0, bytes[lineEnd] == 0x09 { tab = lineEnd }
          lineEnd += 1
        }
        if tab > lineStart {
          body(
            UnsafeBufferPointer(rebasing: bytes[lineStart..<tab]), UnsafeBufferPointer(rebasing: bytes[(tab + 1)..<lineEnd]))
        }
        lineStart = lineEnd + 1
      }
    }
  }

  /// The file of the shard keyed `key`, relative to the site root: the key's UTF-8 bytes in hex (any script's
  /// letters make a portable, case-proof file name).
  static func path(key: String) -> String {
    "search/terms/" + key.utf8.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined() + ".js"
  }
}
