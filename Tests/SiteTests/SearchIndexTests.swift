import Foundation
import Testing

@testable import Site

@Suite("Search terms, lesson records and shards")
struct SearchIndexTests {
  @Test("terms are lower-cased NFC runs of letters, marks, digits and _; each Chinese character is a term")
  func terms() {
    #expect(SearchTerms.terms(of: "ProcessPool(4) < 5, map_async!") == ["processpool", "4", "5", "map_async"])
    // NFD input (e + combining acute) becomes the NFC term; final sigma is sigma; marks stay inside words.
    #expect(SearchTerms.terms(of: "Cafe\u{301} CAFÉ ΟΔΟΣ हिन्दी") == ["café", "café", "οδοσ", "हिन्दी"])
    #expect(SearchTerms.terms(of: "中文内容abc日本") == ["中", "文", "内", "容", "abc", "日", "本"])
    #expect(SearchTerms.key(of: "process") == "pr")
    #expect(SearchTerms.key(of: "é") == "é")
  }

  @Test("terms collected as bytes are the terms of the text, ASCII or not, and numbered once each")
  func collectedTerms() {
    for text in ["ProcessPool(4) < 5, map_async! pool POOL", "Cafe\u{301} CAFÉ ΟΔΟΣ 中文abc", "", "  ...  ", "x"] {
      var collected = CollectedTerms()
      SearchTerms.collect(in: text, into: &collected)
      var start = 0
      let terms = collected.ends.map { end in
        defer { start = end }
        return String(decoding: collected.bytes[start..<end], as: UTF8.self)
      }
      #expect(terms == SearchTerms.terms(of: text), "\(text)")
    }
    var table = TermTable(capacity: 2)
    let words = (0..<500).map { "word\($0 % 250)" } + ["", "é", "e"]
    let numbers = words.map { word in
      var word = word
      return word.withUTF8 { table.number(of: $0) }
    }
    #expect(table.count == 253)
    #expect(numbers[0] == numbers[250] && numbers[249] == numbers[499] && numbers[0] != numbers[1])
    #expect(String(decoding: table.term(numbers[7]), as: UTF8.self) == "word7")
    let sorted = table.sortedNumbers().map { String(decoding: table.term($0), as: UTF8.self) }
    #expect(sorted == Set(words).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
    var digits: [UInt8] = []
    for value in [0, 7, 10, 1234567890, -3] { DecimalBytes.append(value, to: &digits); digits.append(0x2C) }
    #expect(String(decoding: digits, as: UTF8.self) == "0,7,10,1234567890,-3,")
  }

  @Test("a lesson's terms say in which sections each occurs, weighted by frequency, with title and heading marks")
  func lessonTerms() {
    let sections = [
      SearchSection(heading: "", anchor: "", text: "pool pool worker"),
      SearchSection(heading: "Pool size", anchor: "pool-size", text: "size"),
    ]
    let terms = SearchLesson.terms(title: "Worker pools", sections: sections)
    // Section 1: 3 words (length factor 0.2575): pool 2 / 0.2575 × 4 = 31 → 62; worker 16 → 32.
    // Section 2: 1 word: size 1 / 0.2525 × 4 = 16 → 32, + 1 in the heading; pool only in the heading: 1.
    // Windows: section 1's text (code 4) and section 2's (code 8), each after its section's head (section 2's anchor
    // is its heading's slug, so ""). pool's heading in section 2 outweighs its text in section 1; "pools" is only in
    // the title: section 1's window.
    #expect(terms == #"""
      \t\t1,"",""
      \t4,"pool pool worker"
      \t\t2,"Pool size",""
      \t8,"size"
      pool\t2,1,62,2,1\t1
      pools\t1,0,1\t0
      size\t1,2,33\t1
      worker\t2,0,1,1,32\t0

      """#.replacingOccurrences(of: "\\t", with: "\t"))
  }

  @Test("a lesson's text is cut into windows at spaces; each term's window is where it first occurs in its best section")
  func windows() {
    let text = (1...40).map { "word\($0)" }.joined(separator: " ")
    let chunks = text.utf8.withContiguousStorageIfAvailable { SearchWindows.chunks(of: $0) } ?? []
    #expect(chunks.count > 2 && chunks.allSatisfy { $0.count <= SearchWindows.length })
    let bytes = Array(text.utf8)
    #expect(chunks.map { String(decoding: bytes[$0], as: UTF8.self) }.joined(separator: " ") == text)
    // A run without spaces stays whole.
    let long = String(repeating: "x", count: 300) + " y"
    #expect(long.utf8.withContiguousStorageIfAvailable { SearchWindows.chunks(of: $0) } == [0..<300, 301..<302])
    let terms = SearchLesson.terms(
      title: "T", sections: [SearchSection(heading: "Über alles", anchor: "über-alles", text: text + " </script>")])
    // "script" is in the last chunk, which ends the text (code 4 + 1: cut before it only); the anchor is not the
    // ASCII slug, so it is written; "<" is escaped, and the JSON's backslashes once more.
    let last = terms.split(separator: "\n").first { $0.hasPrefix("script\t") }.map { Int($0.split(separator: "\t")[2])! }
    let lines = terms.split(separator: "\n")
    let windowLines = lines.filter { $0.hasPrefix("\t") && !$0.hasPrefix("\t\t") }
    #expect(windowLines.count >= chunks.count)
    #expect(lines.first.map(String.init)?.hasPrefix("\t\t1,") == true && lines.first?.hasSuffix(#","über-alles""#) == true)
    #expect(windowLines[last!].hasPrefix("\t" + #"5,""#), "\(windowLines[last!])")
    #expect(windowLines[last!].hasSuffix(#"word40 \\u003c/script>""#), "\(windowLines[last!])")
    #expect(!terms.contains("<"))
    #expect(terms.contains("word1\t1,1,"))
    let slug = { (anchor: String, heading: String) in
      heading.utf8.withContiguousStorageIfAvailable { SearchWindows.isSlug(anchor, of: $0) } ?? false
    }
    #expect(slug("pools--parallelism", "Pools & Parallelism"))
    #expect(slug("step-2-run", "2. Step 2: run"))
    #expect(!slug("intro-1", "Intro") && !slug("résumé", "Résumé") && slug("rsum", "Résumé"))
  }

  @Test("a lesson's titles and windows escape what could end a script or a string")
  func document() {
    let title = JavaScriptString.literal("</script><script>alert(1)</script>")
    #expect(!title.contains("<"))
    #expect(title == #""\u003c/script>\u003cscript>alert(1)\u003c/script>""#)
    #expect(JavaScriptString.literal("T\"\\") == #""T\"\\""#)
    #expect(JavaScriptString.literal("H\u{2028}") == #""H\u2028""#)
    // In the term file's single-quoted literal: a quote in the text escaped for JSON (its backslash once more), a
    // single quote for the literal.
    let terms = SearchLesson.terms(title: "T", sections: [SearchSection(heading: "H", anchor: "h", text: "a\u{2028}b\nc\"'")])
    #expect(terms.hasPrefix("\t\t" + #"1,"H","""# + "\n\t" + #"4,"a\\u2028b\\nc\\"\'""#), "\(terms)")
  }

  @Test("shards group terms by their first two characters, and split by one more while too large")
  func shards() {
    // Each of polar, pool and poolish takes about a shard's limit: "po" is split until each is alone (pool, a
    // prefix of poolish, in a shard of its own); "pt" and "x" are small.
    let table = "polar\t1,1,8\npool\t1,1,8\npoolish\t1,1,8\npt\t1,1,8\nx\t1,1,8\n"
    let shards = SearchShards(lessons: Array(repeating: table, count: SearchShards.byteLimit / 8))
    #expect(shards.scripts.map(\.keys) == [["pol"], ["pool"], ["pooli"], ["pt"], ["x"]])
    let pool = shards.scripts[1].script
    // Each lesson's postings: lesson number step, count, summary (4 × the highest weight, 8 / 2 = 4), sections.
    #expect(pool.hasPrefix(#"lessonsSearch.terms("pool","{\"pool\":[0,1,16,1,8,1,1,16,1,8,"#), "\(pool.prefix(80))")
    // Records without windows get an empty one each, each window its own literal.
    #expect(pool.contains(#",1,1,16,1,8]}",["pool",['0,"","",""','0,"","",""','"#), "\(pool.suffix(80))")
    #expect(pool.hasSuffix(#"'0,"","",""']]);"# + "\n"), "\(pool.suffix(80))")
    #expect(SearchShards.path(key: "pool") == "search/terms/706f6f6c.js")
    #expect(SearchShards.path(key: "中") == "search/terms/e4b8ad.js")
    // One term larger than a shard stays whole, under its two-character key.
    let huge = SearchShards(lessons: Array(repeating: "pool\t1,1,8\n", count: SearchShards.byteLimit / 4))
    #expect(huge.scripts.map(\.keys) == [["po"]])
  }

  @Test("a word longer than 64 characters is indexed by its first 64, so one huge word makes no huge term file")
  func longWords() {
    let long = String(repeating: "ab", count: 150_000)
    let accented = String(repeating: "é", count: 100)
    let terms = SearchLesson.terms(
      title: "T", sections: [SearchSection(heading: "H", anchor: "h", text: "x \(long) \(accented) Y\(long) y")])
    let words = terms.split(separator: "\n").filter { !$0.hasPrefix("\t") }.map { String($0.split(separator: "\t")[0]) }
    #expect(words.contains(String(long.prefix(64))), "\(words)")
    #expect(words.contains(String(repeating: "é", count: 64)), "\(words)")
    #expect(words.allSatisfy { $0.unicodeScalars.count <= 64 }, "\(words)")
    #expect(terms.utf8.count < 5_000, "\(terms.utf8.count) bytes")
    func capped(_ text: String) -> String {
      var text = text
      return text.withUTF8 { String(decoding: SearchTerms.capped($0), as: UTF8.self) }
    }
    #expect(capped(String(repeating: "a", count: 64)) == String(repeating: "a", count: 64))
    #expect(capped(String(repeating: "a", count: 65)) == String(repeating: "a", count: 64))
    #expect(capped(String(repeating: "中", count: 30)) == String(repeating: "中", count: 30))
    #expect(capped("a" + String(repeating: "😀", count: 70)) == "a" + String(repeating: "😀", count: 63))
  }

  @Test("a lesson's postings of a term carry a summary: 4 × the highest section weight, + 2 for the title, + 1 for a heading")
  func postingSummary() {
    func summarised(_ entries: String) -> String {
      var output: [UInt8] = []
      var entries = entries
      entries.withUTF8 { SearchShards.appendWithSummary($0, to: &output) }
      return String(decoding: output, as: UTF8.self)
    }
    // Title (section 0), a heading holding it (9: weight 4, + 1), the heaviest section (20: weight 10).
    #expect(summarised("3,0,1,2,9,4,20") == "3,43,0,1,2,9,4,20")
    #expect(summarised("1,0,1") == "1,2,0,1")
    #expect(summarised("2,1,8,3,7") == "2,17,1,8,3,7")
    #expect(summarised("1,5,1234567") == "1,2469133,5,1234567")
    // Nothing to summarise: the count alone is kept, with a zero summary.
    #expect(summarised("0") == "0,0")
  }

  @Test("the small shards a split leaves share files, never across two-character keys")
  func shardFiles() {
    // "pool" fills a shard by itself, so "po" splits into pool, pool1 … pool9 (one lesson each): the nine small
    // shards, which extend "pool", go into its file (a query for "pool" loads one file, not ten); "pt" keeps its own.
    let common = "pool\t1,1,8\n"
    var lessons = Array(repeating: common, count: SearchShards.byteLimit / 10)
    for digit in 1...9 { lessons[digit] = "pool\(digit)\t1,1,8\n" + common + "pt\(digit)\t1,1,8\n" }
    let shards = SearchShards(lessons: lessons)
    #expect(shards.scripts.map(\.keys) == [["pool"] + (1...9).map { "pool\($0)" }, ["pt"]])
    #expect(shards.fileKeys == ["pool", "pt"])
    #expect(shards.scripts[0].script.contains(#"\"pool9\":[9,1,16,1,8]}",["#), "\(shards.scripts[0].script.suffix(100))")
    // A large shard that does not extend the file's first key starts a file of its own: "polar" and "pool" each
    // take most of a shard's limit.
    let table = "polar\t1,1,8\npool\t1,1,8\n"
    let apart = SearchShards(lessons: Array(repeating: table, count: SearchShards.byteLimit / 12))
    #expect(apart.scripts.map(\.keys) == [["pol"], ["poo"]])
  }

  @Test("the same lessons give the same bytes, whatever order the records come in")
  func deterministic() {
    let sections = (0..<20).map { SearchSection(heading: "Part \($0)", anchor: "p\($0)", text: "word\($0 % 7) shared text \($0)") }
    let first = SearchLesson.terms(title: "Title", sections: sections)
    #expect(first == SearchLesson.terms(title: "Title", sections: sections))
    func topic(_ order: [Int]) -> ListedTopic {
      ListedTopic(
        name: "a", metadata: TopicMetadata(title: "A"),
        lessons: order.map { number in
          ListedLesson(
            topic: "a", relativePath: "topics/a/tutorials/l\(number)",
            summary: BuildManifest.LessonSummary(title: "L", draft: false, searchTerms: "t\(number)\t1,1,8\n" + first))
        })
    }
    let forward = SearchIndex.files(lessons: SearchIndex.lessons(of: [topic([0, 1, 2, 3])]))
    let backward = SearchIndex.files(lessons: SearchIndex.lessons(of: [topic([3, 2, 1, 0])]))
    #expect(forward.map(\.path) == backward.map(\.path))
    #expect(forward.map(\.contents) == backward.map(\.contents))
  }
}
