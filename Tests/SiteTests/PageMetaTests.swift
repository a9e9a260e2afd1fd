import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import Lessons
@testable import Site
import TestSupport

@Suite("Page meta: description, canonical URL, OpenGraph, lang; sitemap lastmod; Atom feed", .serialized)
struct PageMetaTests {
  /// Hostile text as a double-quoted YAML scalar (its `\u0001` a control character once parsed).
  static let hostile = #"<script>alert('x')</script> & \"quoted\" \u0001"#

  @Test("the description is the front matter's, escaped, or the first paragraph's text, cut at about 160 characters", .timeLimit(.minutes(1)))
  func descriptions() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A\ndescription: \"\(Self.hostile)\"")
    let long = Array(repeating: "word", count: 80).joined(separator: " ")
    try site.lesson("b", "title: B", body: "## Heading\n\nFirst **bold** <em>text</em> \(long).\n\nSecond.\n")
    #expect(!(try site.build()).hasErrors)
    let a = try site.page("a")
    #expect(a.contains("<meta name=\"description\" content=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot; ␁\" />"))
    #expect(!a.contains("<script>alert"))
    #expect(SiteTestSupport.wellFormednessError(a) == nil)
    let b = try site.page("b")
    let description = try #require(b.firstMatch(of: /<meta name="description" content="([^"]*)"/)).1
    #expect(description.hasPrefix("First bold text word word"))
    #expect(description.count <= PageMeta.descriptionLimit)
    #expect(description.hasSuffix("…"))
    #expect(b.contains("<meta property=\"og:description\" content=\"\(description)\" />"))
  }

  @Test("canonical URL and og:url only with a base URL, absolute; OpenGraph title and type on every page", .timeLimit(.minutes(1)))
  func canonical() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A & B\ntags: [parallel]\ncontributors: [ada]")
    try TestFiles.write(
      "---\ntitle: Why?\nlang: de\n---\nBecause <b>this</b> & that.\n", to: site.content + "/topics/t/faqs/why.md")
    try site.build()
    let relative = try site.page("a")
    #expect(!relative.contains("rel=\"canonical\""))
    #expect(!relative.contains("og:url"))
    #expect(relative.contains("<meta property=\"og:title\" content=\"A &amp; B\" />"))
    #expect(relative.contains("<meta property=\"og:type\" content=\"article\" />"))
    #expect(relative.contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Training material\" href=\"../../../../feed.xml\" />"))

    try site.build(baseURL: "https://example.org/train")
    let page = try site.page("a")
    #expect(page.contains("<link rel=\"canonical\" href=\"https://example.org/train/topics/t/tutorials/a/tutorial.html\" />"))
    #expect(page.contains("<meta property=\"og:url\" content=\"https://example.org/train/topics/t/tutorials/a/tutorial.html\" />"))
    let index = try SiteTestSupport.read(site.site + "/index.html")
    #expect(index.contains("<link rel=\"canonical\" href=\"https://example.org/train/index.html\" />"))
    #expect(index.contains("<meta property=\"og:type\" content=\"website\" />"))
    #expect(index.contains("<meta name=\"description\" content=\"Training material: lessons on t.\" />"))
    let faq = try SiteTestSupport.read(site.site + "/topics/t/faqs/why.html")
    #expect(faq.contains("<html lang=\"de\">"))
    #expect(faq.contains("<meta name=\"description\" content=\"Because this &amp; that.\" />"))
    for path in ["/topics/t/index.html", "/search.html", "/tags/parallel.html", "/contributors/ada.html", "/topics/t/faqs/why.html"] {
      let other = try SiteTestSupport.read(site.site + path)
      #expect(other.contains("<link rel=\"canonical\" href=\"https://example.org/train\(path)\" />"), "\(path)")
      #expect(other.contains("<meta name=\"description\""), "\(path)")
      #expect(SiteTestSupport.wellFormednessError(other) == nil)
    }
    try site.build(baseURL: "javascript:alert(1)")
    #expect(!(try site.page("a")).contains("rel=\"canonical\""), "only an http(s) base makes a canonical URL")
  }

  @Test("lang comes from the front matter, else site.yaml, else en; an invalid one is a warning and falls back", .timeLimit(.minutes(1)))
  func language() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A\nlang: pt-BR")
    try site.lesson("b", "title: B")
    try site.lesson("c", "title: C\nlang: \"en\\\" onload=\\\"x\"")
    var report = try site.build()
    #expect(try site.page("a").hasPrefix("<!DOCTYPE html>\n<html lang=\"pt-BR\">"))
    #expect(try site.page("b").contains("<html lang=\"en\">"))
    #expect(try site.page("c").contains("<html lang=\"en\">"))
    let warning = try #require(report.diagnostics.first { $0.message.contains("is not a language tag") })
    #expect(warning.file.hasSuffix("c/tutorial.md") && warning.line == 3)

    try site.siteFile("title: S\nlang: fr\n")
    report = try site.build()
    #expect(try site.page("b").contains("<html lang=\"fr\">"))
    #expect(try site.page("a").contains("<html lang=\"pt-BR\">"))
    #expect(try SiteTestSupport.read(site.site + "/index.html").contains("<html lang=\"fr\">"))
    #expect(try SiteTestSupport.read(site.site + "/feed.xml").contains("xml:lang=\"fr\""))

    try site.siteFile("title: S\nlang: not a language\n")
    report = try site.build()
    #expect(report.diagnostics.contains { $0.file.hasSuffix("site.yaml") && $0.message.contains("not a language tag") })
    #expect(try site.page("b").contains("<html lang=\"en\">"))
  }

  @Test("language tags", arguments: [("en", true), ("pt-BR", true), ("zh-Hant-TW", true), ("es-419", true),
    ("", false), ("e", false), ("en_US", false), ("en-", false), ("en us", false), ("en\"x", false), ("123", false)])
  func languageTags(tag: String, valid: Bool) {
    #expect(LanguageTag.isValid(tag) == valid)
  }

  @Test("the Atom feed is well formed, has the required elements, lists lessons newest first and escapes their text", .timeLimit(.minutes(1)))
  func feed() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("old", "title: Old")
    try site.lesson("new", "title: \"New \(Self.hostile)\"\ndescription: \"Fresh & <new>\"")
    try site.lesson("mid", "title: Mid")
    try site.lesson("draft", "title: Draft\ndraft: true")
    for (slug, seconds) in [("old", 1_000_000_000), ("new", 1_700_000_000), ("mid", 1_500_000_000)] {
      try FileManager.default.setAttributes(
        [.modificationDate: Date(timeIntervalSince1970: TimeInterval(seconds))],
        ofItemAtPath: site.content + "/topics/t/tutorials/\(slug)/tutorial.md")
    }
    try site.build()
    let feed = try SiteTestSupport.read(site.site + "/feed.xml")
    let entries = try FeedReader.read(feed)
    #expect(entries.rootName == "feed")
    #expect(entries.feedChildren.isSuperset(of: ["title", "id", "updated", "author"]))
    #expect(entries.entries.map(\.link) == [
      "topics/t/tutorials/new/tutorial.html", "topics/t/tutorials/mid/tutorial.html",
      "topics/t/tutorials/old/tutorial.html",
    ])
    for entry in entries.entries {
      #expect(entry.children.isSuperset(of: ["title", "id", "updated", "link"]))
      #expect(entry.id.hasPrefix("urn:lessons:"))
    }
    #expect(entries.entries.first?.title == "New <script>alert('x')</script> & \"quoted\" ␁")
    #expect(feed.contains("<summary>Fresh &amp; &lt;new&gt;</summary>"))
    #expect(feed.contains("<updated>2023-11-14T22:13:20Z</updated>\n  <author>"))
    #expect(!feed.contains("Draft"))

    try site.build(baseURL: "https://example.org/train/")
    let absolute = try FeedReader.read(try SiteTestSupport.read(site.site + "/feed.xml"))
    #expect(absolute.entries.first?.id == "https://example.org/train/topics/t/tutorials/new/tutorial.html")
    #expect(absolute.entries.first?.link == "https://example.org/train/topics/t/tutorials/new/tutorial.html")
  }

  @Test("sitemap lastmod: each lesson its date, the index, topic, tag and contributor pages their newest lesson's")
  func sitemapLastModified() {
    let xml = Sitemap.xml(
      pages: ["index.html", "a.html", "b.html"], baseURL: nil,
      lastModified: ["a.html": "2021-03-04T05:06:07+00:00", "b.html": "not a date\"<"])
    #expect(xml.contains("<url><loc>a.html</loc><lastmod>2021-03-04T05:06:07+00:00</lastmod></url>"))
    #expect(xml.contains("<url><loc>b.html</loc></url>"))
    func listed(_ path: String, _ date: String) -> ListedLesson {
      ListedLesson(
        topic: "t", relativePath: path,
        summary: .init(
          title: path, level: nil, minutes: nil, draft: false, contributors: ["ada"], tags: path == "x" ? ["Swift"] : [],
          modified: date))
    }
    let dates = SitePages.lastModified([
      ListedTopic(
        name: "t", metadata: TopicMetadata(title: "T"),
        lessons: [listed("x", "2022-01-01T01:00:00+02:00"), listed("y", "2021-12-31T23:30:00Z")])
    ])
    #expect(dates["topics/t/index.html"] == "2021-12-31T23:30:00Z", "23:30Z is after 01:00+02:00")
    #expect(dates["index.html"] == "2021-12-31T23:30:00Z")
    #expect(dates["tags/swift.html"] == "2022-01-01T01:00:00+02:00")
    #expect(dates["contributors/ada.html"] == "2021-12-31T23:30:00Z")
  }

  @Test("descriptions are cut at a word, and one long word is cut too")
  func trimming() {
    #expect(PageMeta.trimmed("  a\n b  ") == "a b")
    let cut = PageMeta.trimmed(String(repeating: "x", count: 400))
    #expect(cut.count == PageMeta.descriptionLimit && cut.hasSuffix("…"))
    #expect(PageMeta.firstParagraph(ofBody: "<div><p> </p><p class=\"x\">A &amp; <code>b</code></p></div>") == "A & b")
  }

  @Test("a description cut at 159 characters is the page's and the feed's whole: it is cut once, not again for the <meta>")
  func cutOnce() throws {
    // Sixteen words of nine letters are 159 characters; with `…` the cut text is 160, and a second cut lost a word.
    let words = (0..<16).map { String(repeating: Character(UnicodeScalar(UInt8(ascii: "a") + UInt8($0))), count: 9) }
    let text = words.joined(separator: " ") + " and more after the cut"
    let once = try #require(PageMeta.description(text))
    #expect(once == words.joined(separator: " ") + "…")
    #expect(once.count == PageMeta.descriptionLimit)
    var page = TutorialPageTests.page()
    page.lesson.frontMatter.description = text
    page.describe()
    #expect(page.description == once, "what the manifest and the feed show")
    #expect(page.context()["description"] as? String == once, "what the page's <meta> shows")
    #expect(PageMeta(path: "p.html", description: text, language: "en").context(site: SiteSettings(title: "S"))["description"] as? String == once)
    #expect(PageMeta.description(" \n ") == nil)
  }
}

/// The parts of an Atom feed the tests look at, read with Foundation's XML parser (which also checks that the feed
/// is well formed).
struct FeedReader {
  struct Entry {
    var title = "", id = "", link = ""
    var children: Set<String> = []
  }
  var rootName = ""
  var feedChildren: Set<String> = []
  var entries: [Entry] = []

  static func read(_ xml: String) throws -> FeedReader {
    let delegate = Delegate()
    let parser = XMLParser(data: Data(xml.utf8))
    parser.delegate = delegate
    guard parser.parse() else { throw FeedError(reason: "\(String(describing: parser.parserError))") }
    return delegate.feed
  }

  struct FeedError: Error { var reason: String }

  final class Delegate: NSObject, XMLParserDelegate {
    var feed = FeedReader()
    var path: [String] = []
    var text = ""

    func parser(
      _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
      attributes: [String: String] = [:]
    ) {
      if path.isEmpty { feed.rootName = name }
      if path == ["feed"] { feed.feedChildren.insert(name) }
      if path == ["feed"] && name == "entry" { feed.entries.append(Entry()) }
      if path == ["feed", "entry"] {
        feed.entries[feed.entries.count - 1].children.insert(name)
        if name == "link" { feed.entries[feed.entries.count - 1].link = attributes["href"] ?? "" }
      }
      path.append(name)
      text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      path.removeLast()
      if path == ["feed", "entry"] {
        if name == "title" { feed.entries[feed.entries.count - 1].title = text }
        if name == "id" { feed.entries[feed.entries.count - 1].id = text }
      }
    }
  }
}
