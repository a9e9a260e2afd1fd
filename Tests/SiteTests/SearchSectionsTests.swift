import Foundation
import Testing

@testable import Site

@Suite("Search index sections")
struct SearchSectionsTests {
  @Test("a body is cut at its ## and ### headings, with anchors, plain text, code kept whole and entities decoded")
  func sections() {
    let html = """
      <p>Intro &amp; more.</p>
      <h2 id="pools">Pools<a class="anchor" href="#pools" aria-label="Link">#</a></h2>
      <p>A <em>pool</em> maps.</p><pre tabindex="0"><code><span class="tok-type">Process</span>Pool(4) &lt; 5</code></pre>
      <h3 id="sub">Sub</h3><ul><li>one</li><li>two</li></ul>
      """
    #expect(SearchSection.sections(ofBody: html) == [
      SearchSection(heading: "", anchor: "", text: "Intro & more."),
      SearchSection(heading: "Pools", anchor: "pools", text: "A pool maps. ProcessPool(4) < 5"),
      SearchSection(heading: "Sub", anchor: "sub", text: "one two"),
    ])
  }

  @Test("Unicode's white space separates words wherever it stands, other characters join them (the reader matches bytes)")
  func whiteSpace() {
    for value in UInt32(0x80)...0x3100 {
      guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .control || value == 0x85 else { continue }
      let expected = scalar.properties.isWhitespace ? "a b" : "a" + String(scalar) + "b"
      #expect(SearchSection.plainText("<b>a</b>\(String(scalar))b"[...]) == expected, "U+\(String(value, radix: 16))")
    }
    #expect(SearchSection.plainText("a&nbsp;b&#x2009;c&#8212;d\u{3000}e &lt;f&gt;"[...]) == "a b c\u{2014}d e <f>")
  }

  @Test("sections read from a body and sections given as strings make the same terms and document, accented text in NFC")
  func bytesAndStrings() {
    let html = """
      <p>Cafe\u{301} <code>Pool</code>&amp;Co</p><h2 id="a&amp;b">Über <em>alles</em></h2><p>x\u{2028}y</p>
      """
    let sections = SearchSection.sections(ofBody: html).map {
      SearchSection(heading: $0.heading.precomposedStringWithCanonicalMapping, anchor: $0.anchor,
        text: $0.text.precomposedStringWithCanonicalMapping)
    }
    #expect(sections[1].anchor == "a&b")
    let lesson = SearchLesson.make(title: "T", bodyHTML: html)
    #expect(lesson.terms == SearchLesson.terms(title: "T", sections: sections))
    #expect(lesson.terms.contains("caf\u{E9}\t"))
  }

  @Test("the top-level index is a small script listing the lessons by folder with their titles and the shard keys")
  func script() {
    let summary = BuildManifest.LessonSummary(title: "T", level: nil, minutes: nil, draft: false, searchTerms: "x\t1,1,8\n")
    var other = summary
    other.title = "U \"quoted\" </script>"
    let draft = BuildManifest.LessonSummary(title: "D", level: nil, minutes: nil, draft: true)
    let topic = ListedTopic(
      name: "a", metadata: TopicMetadata(title: "Topic A"),
      lessons: [
        ListedLesson(topic: "a", relativePath: "topics/a/tutorials/u", summary: other),
        ListedLesson(topic: "a", relativePath: "topics/a/tutorials/t", summary: summary),
        ListedLesson(topic: "a", relativePath: "topics/a/tutorials/d", summary: draft),
      ])
    let files = SearchIndex.files(lessons: SearchIndex.lessons(of: [topic]))
    #expect(files.map(\.path) == ["search-index.js", "search/terms/78.js"])
    #expect(files.first?.contents == """
      window.lessonsSearchIndex = {"lessons":[["topics/a/tutorials/",["t","u"],["T","U \\"quoted\\" \\u003c/script>"],"Topic A"]],"shards":[["x"]]};

      """)
    // Records without windows (as this test writes them) get an empty window each.
    #expect(files.last?.contents == #"lessonsSearch.terms("x","{\"x\":[0,1,16,1,8,1,1,16,1,8]}",["x",['0,"","",""','0,"","",""']]);"# + "\n")
  }
}
