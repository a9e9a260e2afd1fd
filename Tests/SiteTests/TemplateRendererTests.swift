import Execution
import Foundation
import Lessons
import Testing

@testable import Site

/// `TemplateRenderer` gives swift-mustache's output byte for byte: pages through the shipped templates, and
/// templates and values chosen for the corners of Mustache (standalone lines, indented partials, CR LF, dotted
/// names, the context stack, inverted sections, pragmas); what it does not reproduce goes to the library.
@Suite("Template renderer")
struct TemplateRendererTests {
  /// A templates folder holding `files` (name without `.mustache` → text); `layout`, `tutorial` and `index` are
  /// added when missing.
  static func templates(_ files: [String: String]) throws -> TemplateSet {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("renderer-\(UUID().uuidString)").path
    var files = files
    for name in TemplateSet.required where files[name] == nil { files[name] = "{{{content}}}" }
    for (name, text) in files {
      let path = folder + "/" + name + ".mustache"
      try FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try TemplateSet(folder: folder)
  }

  /// `template` rendered by `TemplateRenderer`, after checking that swift-mustache renders the same bytes.
  static func rendered(_ set: TemplateSet, _ template: String, _ context: [String: Any]) throws -> String {
    let rendered = String(decoding: try set.renderedPage(template, context: context), as: UTF8.self)
    #expect(rendered == set.libraryPage(template, context: context))
    return rendered
  }

  static let texts = ["Plain", "a <b> & \"c\" 'd'", "\"\u{301} onmouseover=x", "é 🧬", ""]

  /// A context with every kind of value the site's contexts hold, and a few they do not but that cast to them.
  static func context(_ text: String) -> [String: Any] {
    [
      "title": text, "empty": "", "yes": true, "no": false, "zero": 0, "count": 42,
      "root": "../../", "list": [text, "b & c"], "none": [String](),
      "people": [["name": text, "link": "p/a.html"], ["name": "Bob"]] as [[String: Any]],
      "pairs": [["id": "x<", "title": text]], "pair": ["id": "1", "title": text],
      "nested": ["inner": ["deep": text, "flag": true] as [String: Any], "title": "nested title"] as [String: Any],
      "numbers": [1, 2, 3], "counts": ["a": 1], "optional": Optional("wrapped <x>") as Any,
    ]
  }

  /// Templates for the corners: the fast renderer and swift-mustache must agree on each.
  static let corners: [String: String] = [
    "layout": """
      <html lang="{{#lang}}{{lang}}{{/lang}}{{^lang}}en{{/lang}}">
      <title>{{title}}</title> {{.title}} {{#content}}[has content]{{/content}}{{^content}}[no content]{{/content}}
      {{{content}}}
      <pre>{{content}}</pre> {{{.content}}}
      </html>

      """,
    "tutorial": """
      {{! a comment }}
      <h1>{{title}} {{{title}}} {{&title}}</h1>
      {{#yes}}yes{{/yes}}{{^yes}}not yes{{/yes}} {{#no}}no{{/no}}{{^no}}not no{{/no}} {{yes}} {{no}} {{zero}} {{count}}
      {{#empty}}[empty is entered: {{.}}]{{/empty}}{{^empty}}[empty is false]{{/empty}}
      {{#missing}}missing{{/missing}}{{^missing}}no such key{{/missing}} [{{missing}}] [{{missing.deeper}}]
      <ul>
      {{#list}}
        <li>{{.}} {{title}}</li>
      {{/list}}
      </ul>
      {{#none}}never{{/none}}{{^none}}nothing in {{none}}{{/none}}
      {{#people}}<a href="{{root}}{{link}}">{{name}}</a>{{#link}}({{link}}){{/link}}{{^link}}(no link){{/link}}
      {{/people}}
      {{#pairs}}{{id}}={{title}};{{/pairs}} {{pair.id}} {{pair.title}} {{#pair}}{{id}} {{.title}} {{.root}}{{/pair}}
      {{nested.inner.deep}} {{nested.inner.flag}} {{#nested}}{{#inner}}{{deep}} {{title}} {{root}}{{/inner}}{{/nested}}
      {{#nested.inner}}{{deep}}{{/nested.inner}} {{nested.title.x}} {{.title}} {{.nested.title}}
      {{#numbers}}{{.}},{{/numbers}} {{counts.a}} {{optional}} {{#optional}}[{{.}}]{{/optional}}
        {{>partials/item}}
      {{#people}}
          {{>partials/item}}
      {{/people}}
      {{>partials/missing}}
      {{=<% %>=}}
      <%title%> <%#yes%>set delimiters<%/yes%>
      <%={{ }}=%>
      {{>partials/crlf}}
      {{%CONTENT_TYPE:TEXT}}
      unescaped by pragma: {{title}}
      """,
    "partials/item": "<p>{{name}}</p>\n<p>{{title}}</p>\n{{#yes}}\nline in section\n{{/yes}}\n",
    "partials/crlf": "first\r\n  {{>partials/inner}}\r\nlast {{title}}\r\n",
    "partials/inner": "inner {{title}}\ninner two\n",
  ]

  @Test("corner-case templates render as swift-mustache renders them", arguments: texts)
  func corners(text: String) throws {
    let set = try Self.templates(Self.corners)
    #expect(Set(set.program.index.keys) == set.names)
    #expect(try Self.rendered(set, "tutorial", Self.context(text)).contains("set delimiters"))
  }

  @Test("lesson pages through the shipped templates are swift-mustache's, byte for byte")
  func shippedTutorial() throws {
    let set = try TemplateSet(folder: SiteTestSupport.templates)
    #expect(Set(set.program.index.keys) == set.names, "every shipped template is rendered by TemplateRenderer")
    let stamp = EnvironmentStamp(
      date: "2026-01-01", operatingSystem: "Linux <x>", cpuModel: "CPU & co", logicalCPUs: 8, memoryBytes: 1 << 34,
      swiftVersion: "6.1", totalSeconds: 12.5, servers: "stand-in")
    for results in [nil, LessonResults(key: "k", cells: [], stamp: stamp)] {
      for assets in [[], ["pools.ipynb", "workflows/a.ga", "slides.html"]] {
        var page = TutorialPageTests.page(results: results, assets: assets)
        page.describe()
        page.modified = "2026-02-03T04:05:06Z"
        page.editLink = "https://example.org/edit/tutorial.md"
        #expect(try Self.rendered(set, "tutorial", page.context()).contains("Pools &lt;in&gt; Swift"))
      }
    }
  }

  @Test("the index, topic and search pages through the shipped templates are swift-mustache's")
  func shippedSitePages() throws {
    let set = try TemplateSet(folder: SiteTestSupport.templates)
    let site = SiteSettings(title: "Site <&>")
    var summary = BuildManifest.LessonSummary(title: "A \"lesson\"", level: "Introductory", minutes: 45, draft: false)
    summary.description = "About it"
    let topic = ListedTopic(
      name: "data-science", metadata: TopicMetadata(title: "Data & science"),
      lessons: [ListedLesson(topic: "data-science", relativePath: "topics/data-science/tutorials/a", summary: summary)])
    let pages: [(String, [String: Any])] = [
      ("index", IndexPage.context(topics: [topic], site: site)),
      ("topic", IndexPage.topicContext(topic, site: site)),
    ]
    for (template, context) in pages {
      #expect(try Self.rendered(set, template, context).contains("Data &amp; science"))
    }
    #expect(try Self.rendered(set, "search", SitePages.searchContext(site: site)).contains("Site &lt;&amp;&gt;"))
  }

  @Test("the shipped templates show the context's lists themselves: there is no second, ready-HTML copy to keep in step")
  func shippedTemplatesIterateLists() throws {
    let set = try TemplateSet(folder: SiteTestSupport.templates)
    var page = TutorialPageTests.page()
    page.describe()
    var context = page.context()
    context["toc"] = [["id": "marker-id", "title": "Marker <heading>", "level": "3"]]
    context["questions"] = ["Marker <em>question</em>"]
    context["objectives"] = ["Marker objective"]
    context["keyPoints"] = ["Marker key point"]
    context["contributors"] = [["name": "Marker Person", "link": "p/marker.html"], ["name": "Unlinked <Marker>"]] as [[String: Any]]
    let html = try Self.rendered(set, "tutorial", context)
    for shown in [
      "<li class=\"toc-level-3\"><a href=\"#marker-id\">Marker &lt;heading&gt;</a></li>\n", "<li>Marker <em>question</em></li>",
      "<li>Marker objective</li>", "<li>Marker key point</li>\n",
      "<li><a href=\"p/marker.html\">Marker Person</a></li>\n<li>Unlinked &lt;Marker&gt;</li>\n",
    ] {
      #expect(html.contains(shown), "\(shown)")
    }
    let keys = context.keys.filter { $0.hasSuffix("Items") || $0.hasSuffix("Rows") }
    #expect(keys.isEmpty, "ready-HTML keys: \(keys)")

    var summary = BuildManifest.LessonSummary(title: "Listed", level: "Advanced", minutes: 30, draft: false)
    summary.description = "About it"
    let topic = ListedTopic(
      name: "t", metadata: TopicMetadata(title: "T"),
      lessons: [ListedLesson(topic: "t", relativePath: "topics/t/tutorials/a", summary: summary)])
    var topicContext = IndexPage.topicContext(topic, site: SiteSettings(title: "Site"))
    topicContext["tutorials"] = [["title": "Marker <lesson>", "link": "marker.html", "level": "Expert"]] as [[String: Any]]
    #expect(
      try Self.rendered(set, "topic", topicContext).contains(
        "<tbody>\n<tr><td><a href=\"marker.html\">Marker &lt;lesson&gt;</a></td><td><span class=\"level level-Expert\">Expert</span>"
          + "</td><td></td></tr>\n</tbody>"))
  }

  @Test("each context object is told apart once, when pushed or found, not again for every name looked up through it")
  func classifiesOnce() throws {
    let set = try Self.templates(["tutorial": "{{#items}}{{a}}{{b}}{{root}}{{missing}}{{/items}}"])
    var renderer = TemplateRenderer(program: set.program, capacity: 64)
    let items: [[String: Any]] = (0..<3).map { ["a": "a\($0)", "b": $0] }
    try renderer.render("tutorial", context: ["items": items, "root": "../"] as [String: Any])
    #expect(String(decoding: renderer.output, as: UTF8.self) == "a00../a11../a22../")
    // The page (1), the list (1), each item as it is pushed (3) and the values found in them: a, b, root (3 × 3).
    // Telling the stack's objects apart at every lookup would be 2 + 3 × 9: `root` passes the item and the page.
    #expect(renderer.valuesClassified == 1 + 1 + 3 + 3 * 3)
  }

  @Test("templates with transforms or inheritance, and values of other types, are rendered by swift-mustache")
  func fallback() throws {
    let set = try Self.templates([
      "tutorial": "{{uppercased(title)}} {{#first(list)}}{{.}}{{/first(list)}}",
      "index": "{{<base}}{{$block}}over{{/block}}{{/base}}",
      "base": "[{{$block}}default{{/block}}]",
      "topic": "{{title}} {{value}} {{#value}}in{{/value}}",
    ])
    #expect(set.program.index["tutorial"] == nil)
    #expect(set.program.index["index"] == nil)
    #expect(set.program.index["topic"] != nil)
    let context: [String: Any] = ["title": "abc", "list": ["x", "y"]]
    #expect(set.page("tutorial", context: context) == "ABC x")
    #expect(set.page("index", context: [:]) == "[over]")
    // An optional holding nothing prints "nil" in the library and enters sections: left to it.
    for value: Any in [Optional<String>.none as Any, 1.5, Set(["s"]), Substring("sub")] {
      let topic: [String: Any] = ["title": "t", "value": value]
      #expect(throws: TemplateRenderer.Unsupported.self) { try set.renderedPage("topic", context: topic) }
      #expect(set.page("topic", context: topic) == set.libraryPage("topic", context: topic))
    }
  }
}
