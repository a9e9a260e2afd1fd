import Execution
import Foundation
import Lessons
import Mustache
import Testing

@testable import Site
import TestSupport

@Suite("Tutorial page through the repository's templates")
struct TutorialPageTests {
  /// A lesson with every front matter field the page shows, and a body as the body renderer would give it.
  static func page(results: LessonResults? = nil, assets: [String] = []) -> TutorialPage {
    var front = FrontMatter(title: "Pools <in> Swift")
    front.level = "Intermediate"
    front.questions = ["How do I map over items in parallel?"]
    front.objectives = ["Use a pool & measure it"]
    front.keyPoints = ["Pools hide the workers"]
    front.timeEstimation = TimeEstimation(minutes: 90)
    front.requirements = [
      Requirement(type: "internal", topicName: "data-science", tutorials: ["python-basics"]),
      Requirement(type: "external", title: "Swift book", link: "https://docs.swift.org/"),
    ]
    front.followUpTraining = [Requirement(type: "none", title: "Practice at home")]
    front.contributors = ["alice", "bob"]
    front.contributions = ["funding": ["fund"], "authorship": ["alice"], "editing": ["bob"]]
    let lesson = Lesson(
      file: "/c/topics/data-science/tutorials/pools/tutorial.md", relativePath: "topics/data-science/tutorials/pools",
      topic: "data-science", slug: "pools", frontMatter: front, document: Document(), cells: [], diagnostics: [])
    let body = RenderedBody(
      html: "<h2 id=\"first\">First</h2><p>Body text</p>",
      tableOfContents: [TableOfContentsEntry(id: "first", title: "First")],
      glossary: [Abbreviation(short: "GIL", expansion: "Global Interpreter Lock")])
    return TutorialPage(lesson: lesson, body: body, results: results, assets: assets, site: SiteSettings(title: "Site"),
      topicTitle: "Data science")
  }

  static func render(_ page: TutorialPage) throws -> String {
    try TemplateSet(folder: SiteTestSupport.templates).page("tutorial", context: page.context())
  }

  @Test("the overview, agenda, body, key points, glossary, contributors and follow-up all appear")
  func sections() throws {
    let html = try Self.render(Self.page())
    #expect(html.contains("Pools &lt;in&gt; Swift"))
    #expect(html.contains("How do I map over items in parallel?"))
    #expect(html.contains("Use a pool &amp; measure it"))
    #expect(html.contains("1 hour 30 minutes"))
    #expect(html.contains("Intermediate"))
    #expect(html.contains("<a href=\"#first\">First</a>"))
    #expect(html.contains("<p>Body text</p>"))
    #expect(html.contains("Pools hide the workers"))
    #expect(html.contains("<abbr title=\"Global Interpreter Lock\">GIL</abbr>"))
    #expect(html.contains("Practice at home"))
    #expect(html.contains("href=\"../../../../topics/data-science/tutorials/python-basics/tutorial.html\""))
    #expect(html.contains("href=\"../../../../assets/style.css\""))
    #expect(html.contains(">Data science</a>"))
  }

  @Test("a lesson with nothing for the overview has no overview box")
  func emptyOverview() throws {
    var page = Self.page()
    page.lesson.frontMatter = FrontMatter(title: "Bare")
    #expect(try !Self.render(page).contains("box-overview"))
    #expect(try Self.render(Self.page()).contains("box-overview"))
  }

  @Test("contributions are listed by role in GTN's order")
  func roles() throws {
    let html = try Self.render(Self.page())
    let authorship = try #require(html.range(of: "Authorship"))
    let editing = try #require(html.range(of: "Editing"))
    let funding = try #require(html.range(of: "Funding"))
    #expect(authorship.lowerBound < editing.lowerBound && editing.lowerBound < funding.lowerBound)
  }

  @Test("the notebook link and the environment stamp appear only when there is one")
  func hooks() throws {
    let bare = try Self.render(Self.page())
    #expect(!bare.contains("Notebook"))
    #expect(!bare.contains("environment-stamp"))
    let stamp = EnvironmentStamp(
      date: "2026-11-27T02:00:00Z", operatingSystem: "Debian 13", cpuModel: "Test <CPU>", logicalCPUs: 2,
      memoryBytes: 4 * 1_073_741_824, swiftVersion: "Swift 6.3.1", totalSeconds: 1.5, servers: "stand-in")
    let full = try Self.render(
      Self.page(results: LessonResults(key: "k", cells: [], stamp: stamp), assets: ["pools.ipynb", "x.png"]))
    #expect(full.contains("href=\"pools.ipynb\""))
    #expect(full.contains("Test &lt;CPU&gt; (2 logical CPUs, 4.0 GiB)"))
    #expect(full.contains("2026-11-27T02:00:00Z"))
    #expect(full.contains("Swift 6.3.1"))
    #expect(full.contains("1.50 s"))
    #expect(full.contains("talking to stand-in servers"))
  }

  @Test("the page is well-formed XML")
  func wellFormed() throws {
    let html = try Self.render(Self.page())
    #expect(SiteTestSupport.wellFormednessError(html) == nil)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
  }

  @Test("a body with the GTN agenda box replaces the template's table of contents")
  func agendaInBody() throws {
    var page = Self.page()
    page.body.html = "<div class=\"box box-agenda\"><ol><li>First</li></ol></div>"
    #expect(try !Self.render(page).contains("class=\"toc\""))
    #expect(try Self.render(Self.page()).contains("class=\"toc\""))
  }
}

@Suite("Templates")
struct TemplateSetTests {
  @Test("a template that does not parse is reported with its file and line")
  func brokenTemplate() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    for name in ["layout", "index"] { try TestFiles.write("{{{content}}}", to: "\(folder)/\(name).mustache") }
    let text = "line one\nline two {{#open}}\nline three {{/close}}\n"
    try TestFiles.write(text, to: folder + "/tutorial.mustache")
    let error = try #require(throws: SiteError.self) { try TemplateSet(folder: folder) }
    #expect(error.file.hasSuffix("tutorial.mustache"))
    #expect(error.code == .template)
    // The line as the author wrote the template (not counting the escaping pragma line `TemplateSet` puts first).
    let mustache = try #require(throws: MustacheTemplate.ParserError.self) { try MustacheTemplate(string: text) }
    #expect(error.line == mustache.context.lineNumber)
    #expect(error.line == 3)
  }

  @Test("a missing required template is named")
  func missingTemplate() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try TestFiles.write("{{{content}}}", to: folder + "/layout.mustache")
    let error = try #require(throws: SiteError.self) { try TemplateSet(folder: folder) }
    #expect(error.description.contains("index.mustache") || error.description.contains("tutorial.mustache"))
  }
}
