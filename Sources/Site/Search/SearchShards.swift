import Lessons

/// The index of every listed lesson's terms, cut into shards by the first characters of the term, so that a query
/// loads only the shards of its words (as Pagefind's chunked index does) instead of the whole site's text.
///
/// A shard's key is the first two characters of its terms; a shard larger than `byteLimit` is split by one more
/// character, again and again while it is too large, holds several terms and some are longer than its key (a term
/// equal to a split key stays in a shard of its own; a single term too large for a shard is not split). A query term
/// needs the shards whose key is a prefix of it (they may hold it) and those whose key starts with it (they hold its
/// extensions: prefix matching).
///
/// Shards are written as files, and consecutive shards of the same two-character key share a file while it stays
/// under `byteLimit` (`packLimit` for the shards that extend the file's first key): splitting `pool` by one more
/// character made `pool1`, `pool2`, … `pool_`, eleven small files a query for `pool` had to load one by one (in
/// Chromium each script file costs a few milliseconds, whatever its size); they now go in `pool`'s file.
/// Shards of different two-character keys never share a file, so that a lesson's new word rewrites only its key's
/// files.
///
/// Each file is a script `search/terms/<first key's UTF-8 in hex>.js` calling
/// `lessonsSearch.terms(first key, json, windows)` where `json` is a string of JSON, `{term: postings}` for every term
/// of its shards (the page parses it with `JSON.parse`, several times quicker than JavaScript's parser reads the same
/// object written out). A term's postings are numbers, lesson after lesson: the lesson's number minus the previous
/// one's (lessons are numbered in the order of `SearchIndex`'s list), then the lesson's `count,summary,section,value…`
/// (see `SearchLesson.terms` and `appendWithSummary`). `windows` is an array `[term, [window, …], …]`: each term of the
/// file with its window in each lesson of its postings, in the same order (`SearchWindows`), each window a string
/// of JSON array members (single-quoted, so that its own quotes need no escape) `code,heading,anchor,text`, so that
/// the page parses only the windows of the results it shows (parsing a whole file's windows cost it milliseconds).
struct SearchShards {
  /// A shard's size above which it is split, in bytes.
  static let byteLimit = 40_000
  /// A file's size up to which the shards that extend its first key join it.
  static let packLimit = 60_000

  /// The files, in key order: the keys of the shards each holds (the first names the file) and its script.
  var scripts: [(keys: [String], script: String)]

  /// The first key of each file.
  var fileKeys: [String] { scripts.map { $0.keys[0] } }

  /// The shards of `lessons`: each lesson's terms (`SearchLesson.terms`), in lesson-number order.
  init(lessons: [String]) {
    var table = TermTable(capacity: 1 << 14)
    var postings: [[UInt8]] = []
    // Every lesson's windows, one after the other, and each term's window in each of its postings as start and end
    // offsets in them (0, 0: none).
    var windowBytes: [UInt8] = []
    var windows: [[Int]] = []
    var lastLesson: [Int] = []
    var records: [Range<Int>] = []
    // The lesson's section heads (`SearchWindows.head`) by section number, one after the other.
    var heads: [Range<Int>] = []
    var headBytes: [UInt8] = []
    for (number, lessonTerms) in lessons.enumerated() {
      records.removeAll(keepingCapacity: true)
      heads.removeAll(keepingCapacity: true)
      headBytes.removeAll(keepingCapacity: true)
      Self.forEachLine(of: lessonTerms) { term, rest in
        if term.isEmpty {
          // A section's head (TAB section,head) or a window (code,text), which gets its section's head here.
          let isHead = rest.first == 0x09
          var comma = isHead ? 1 : 0
          var value = 0
          while comma < rest.count, rest[comma] != 0x2C {
            value = value &* 10 &+ Int(rest[comma] &- 0x30)
            comma += 1
          }
          guard comma < rest.count, value >= 0 else { return }
          let after = UnsafeBufferPointer(rebasing: rest[(comma + 1)...])
          if isHead {
            guard value < 1 << 20 else { return }
            while heads.count <= value { heads.append(0..<0) }
            headBytes.append(contentsOf: after)
            heads[value] = (headBytes.count - after.count)..<headBytes.count
            return
          }
          let start = windowBytes.count
          windowBytes.append(contentsOf: UnsafeBufferPointer(rebasing: rest[...comma]))
          let section = value >> 2
          if section < heads.count, !heads[section].isEmpty {
            headBytes.withUnsafeBufferPointer { windowBytes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[heads[section]])) }
          } else {
            windowBytes += SearchWindows.noHead.utf8
          }
          windowBytes.append(0x2C)
          windowBytes.append(contentsOf: after)
          records.append(start..<windowBytes.count)
          return
        }
        var postingsEnd = 0
        while postingsEnd < rest.count, rest[postingsEnd] != 0x09 { postingsEnd += 1 }
        let index = table.number(of: term)
        if index == postings.count {
          postings.append([])
          windows.append([])
          lastLesson.append(0)
        }
        if !postings[index].isEmpty { postings[index].append(0x2C) }
        DecimalBytes.append(number - lastLesson[index], to: &postings[index])
        postings[index].append(0x2C)
        Self.appendWithSummary(UnsafeBufferPointer(rebasing: rest[..<postingsEnd]), to: &postings[index])
        lastLesson[index] = number
        var window = postingsEnd < rest.count ? 0 : -1
        for digit in rest[min(postingsEnd + 1, rest.count)...] {
          window = digit &- 0x30 < 10 && window >= 0 ? window * 10 + Int(digit &- 0x30) : -1
        }
        let record = window >= 0 && window < records.count ? records[window] : 0..<0
        windows[index].append(record.lowerBound)
        windows[index].append(record.upperBound)
      }
    }
    let terms = (0..<table.count).map { Term(bytes: table.term($0)) }
    let order = table.sortedNumbers()
    var shards: [(key: ArraySlice<UInt8>, members: [Int])] = []
    Self.group(order[...], keyLength: 2, terms: terms, postings: postings, into: &shards)
    scripts = windowBytes.withUnsafeBufferPointer { windowBuffer in Self.files(of: shards, postings: postings).map { file in
      var json: [UInt8] = [0x7B]
      for shard in file {
        for member in shard.members {
          if json.count > 1 { json.append(0x2C) }
          terms[member].bytes.withUnsafeBufferPointer { JavaScriptString.append(literalOf: $0, to: &json) }
          json += ":[".utf8
          json += postings[member]
          json.append(0x5D)
        }
      }
      json.append(0x7D)
      var size = json.count * 9 / 8 + 64
      for shard in file {
        for member in shard.members {
          let ends = windows[member]
          size += 16 + ends.count * 6
          for end in stride(from: 1, to: ends.count, by: 2) { size += ends[end] - ends[end - 1] }
        }
      }
      var script: [UInt8] = []
      script.reserveCapacity(size)
      script += "lessonsSearch.terms(".utf8
      file[0].key.withUnsafeBufferPointer { JavaScriptString.append(literalOf: $0, to: &script) }
      script.append(0x2C)
      json.withUnsafeBufferPointer { JavaScriptString.append(literalOf: $0, to: &script) }
      // The windows, each its own single-quoted literal: the lessons' records hold each window escaped already.
      script += ",[".utf8
      var first = true
      for shard in file {
        for member in shard.members {
          if !first { script.append(0x2C) }
          first = false
          terms[member].bytes.withUnsafeBufferPointer { JavaScriptString.append(literalOf: $0, to: &script) }
          script += ",[".utf8
          let ends = windows[member]
          for end in stride(from: 1, to: ends.count, by: 2) {
            script += end > 1 ? ",'".utf8 : "'".utf8
            if ends[end] > 0 {
              script.append(contentsOf: UnsafeBufferPointer(rebasing: windowBuffer[ends[end - 1]..<ends[end]]))
            } else {
              script += SearchWindows.none.utf8
            }
            script.append(0x27)
          }
          script.append(0x5D)
        }
      }
      script += "]);\n".utf8
      return (file.map { String(decoding: $0.key, as: UTF8.self) }, String(decoding: script, as: UTF8.self))
    } }
  }

  /// Appends a lesson's postings of a term, `count,section,value…`, as `count,summary,section,value…`: the summary
  /// is 4 × the highest weight (value ÷ 2) of its sections, + 2 when the title holds the term, + 1 when a section's
  /// heading does. From the summaries alone the page bounds a lesson's score, and reads the sections of only the
  /// lessons that may make the first results.
  static func appendWithSummary(_ entries: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
    var countEnd = 0
    while countEnd < entries.count, entries[countEnd] != 0x2C { countEnd += 1 }
    var heaviest = 0
    var flags = 0
    var number = 0
    var isValue = false
    var section = 0
    for byte in entries[min(countEnd + 1, entries.count)...] {
      if byte != 0x2C {
        number = number &* 10 &+ Int(byte &- 0x30)
        continue
      }
      if isValue { Self.fold(section: section, value: number, heaviest: &heaviest, flags: &flags) } else { section = number }
      isValue.toggle()
      number = 0
    }
    if isValue { Self.fold(section: section, value: number, heaviest: &heaviest, flags: &flags) }
    output.append(contentsOf: UnsafeBufferPointer(rebasing: entries[..<countEnd]))
    output.append(0x2C)
    DecimalBytes.append(heaviest << 2 | flags, to: &output)
    if countEnd < entries.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: entries[countEnd...])) }
  }

  /// Adds a section's entry to a summary: the title (section 0) sets 2, a heading 1, another section's weight may be
  /// the heaviest.
  private static func fold(section: Int, value: Int, heaviest: inout Int, flags: inout Int) {
    if section == 0 {
      flags |= 2
    } else {
      heaviest = max(heaviest, value >> 1)
      flags |= value & 1
    }
  }

  /// The shards grouped into files: consecutive shards of the same two-character key while the file stays under
  /// `byteLimit`, or under `packLimit` for shards that extend the file's first key (`pool1` … `pool_` go with
  /// `pool`, which a query for `pool` loads anyway).
  private static func files(
    of shards: [(key: ArraySlice<UInt8>, members: [Int])], postings: [[UInt8]]
  ) -> [[(key: ArraySlice<UInt8>, members: [Int])]] {
    var files: [[(key: ArraySlice<UInt8>, members: [Int])]] = []
    var size = 0
    for shard in shards {
      let shardSize = shard.members.reduce(0) { $0 + postings[$1].count + 16 }
      if let first = files.last?.first,
        Term(bytes: first.key).key(length: 2).elementsEqual(Term(bytes: shard.key).key(length: 2)),
        size + shardSize <= byteLimit || (size + shardSize <= packLimit && shard.key.starts(with: first.key))
      {
        files[files.count - 1].append(shard)
        size += shardSize
      } else {
        files.append([shard])
        size = shardSize
      }
    }
    return files
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

  /// Calls `body` with each line's term and the bytes after its tab (the term empty for a window's line).
  private static func forEachLine(
    of table: String, _ body: (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Void
  ) {
    var table = table
    table.withUTF8 { bytes in
      var lineStart = 0
      while lineStart < bytes.count {
        // Lines end by memchr: the windows' lines are long.
        let lineEnd = ByteSearch.firstOffset(of: 0x0A, in: bytes, from: lineStart) ?? bytes.count
        var tab = lineStart
        while tab < lineEnd, bytes[tab] != 0x09 { tab += 1 }
        if tab < lineEnd {
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
