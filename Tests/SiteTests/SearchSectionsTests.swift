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
    #expect(files.last?.contents == #"lessonsSearch.terms("x","{\"x\":[0,1,1,8,1,1,1,8]}");"# + "\n")
  }
}
