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

  @Test("the index is a script assigning window.lessonsSearchIndex, so it loads from file://")
  func script() {
    let summary = BuildManifest.LessonSummary(
      title: "T", level: nil, minutes: nil, draft: false, search: [SearchSection(heading: "H", anchor: "h", text: "x")])
    let topic = ListedTopic(
      name: "a", metadata: TopicMetadata(title: "Topic A"),
      lessons: [ListedLesson(topic: "a", relativePath: "topics/a/tutorials/t", summary: summary)])
    let script = SearchIndex.script(topics: [topic])
    #expect(script.hasPrefix("window.lessonsSearchIndex = [{"))
    #expect(script.contains("\"url\":\"topics/a/tutorials/t/tutorial.html\""))
    #expect(script.contains("\"topic\":\"Topic A\""))
  }
}
