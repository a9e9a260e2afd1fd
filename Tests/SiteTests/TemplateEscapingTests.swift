import Foundation
import Mustache
import Testing

@testable import Site
import TestSupport

/// The templates' own escaping (`TemplateEscaping`, on bytes) gives the pages Mustache's escaping gives, and its
/// pragma line leaves no trace.
@Suite("Template escaping")
struct TemplateEscapingTests {
  /// Values made of ASCII, markup characters, accents (precomposed and combining: `"` and a combining acute are one
  /// character, which Mustache leaves unescaped), emoji and control characters.
  static func values() -> [String] {
    var generator = BodyFuzzTests.Generator(state: 0xE5CA_9E01)
    let pieces = [
      "a", "Title", " ", "<", ">", "&", "\"", "'", "&amp;", "é", "e\u{301}", "\u{301}", "\u{200D}", "🧬", "\u{1}", "\t",
      "\r\n", "\n", "\u{FFFF}", "/",
    ]
    return ["", "plain", "<b>&\"'</b>"]
      + (0..<3000).map { _ in
        (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      }
  }

  @Test("{{value}} renders as with Mustache's own escaping, whatever the text")
  func sameAsMustache() throws {
    TemplateEscaping.register()
    let plain = try MustacheTemplate(string: "[{{value}}]")
    let ours = try MustacheTemplate(string: TemplateEscaping.pragma + "[{{value}}]")
    for value in Self.values() {
      #expect(ours.render(["value": value]) == plain.render(["value": value]), "\(value.debugDescription)")
    }
  }

  @Test("the pragma line leaves no trace: standalone tags, blank lines, sections, partials and indentation render alike")
  func pragmaLeavesNoTrace() throws {
    TemplateEscaping.register()
    let templates = [
      "{{#flag}}\nyes <{{name}}>\n{{/flag}}\nafter\n", "\n\nblank lines first\n", "  {{#list}}\n  - {{.}}\n  {{/list}}\n",
      "{{! a comment }}\ntext", "{{>part}}\n", "  {{>part}}\n", "{{^missing}}none{{/missing}}", "",
    ]
    let context: [String: Any] = ["flag": true, "name": "a & b", "list": ["<x>", "y'"]]
    for text in templates {
      var plain = MustacheLibrary()
      plain.register(try MustacheTemplate(string: text), named: "page")
      plain.register(try MustacheTemplate(string: "{{#list}}\n<{{.}}>\n{{/list}}\n"), named: "part")
      var ours = MustacheLibrary()
      ours.register(try MustacheTemplate(string: TemplateEscaping.pragma + text), named: "page")
      ours.register(try MustacheTemplate(string: TemplateEscaping.pragma + "{{#list}}\n<{{.}}>\n{{/list}}\n"), named: "part")
      #expect(ours.render(context, withTemplate: "page") == plain.render(context, withTemplate: "page"), "\(text.debugDescription)")
    }
  }
}

/// The manifest encoded in parts (each lesson's entry apart, in parallel, then put in) is the text the whole
/// manifest encodes to.
@Suite("Build manifest encoded in parts")
struct BuildManifestPartsTests {
  static func manifest() -> BuildManifest {
    let status = FileSystem.Status(size: 12, modified: 1_795_985_107_343_100_929, isDirectory: false)
    var lessons: [String: BuildManifest.Lesson] = [:]
    // Keys whose UTF-8 order differs from String order and from their escaped form's order.
    for (index, key) in ["topics/t/tutorials/a", "topics/t/tutorials/a0", "topics/t/a/b", "topics/é/x", "topics/e\u{301}/y",
      "topics/t/tutorials/A", "topics/q\"uote/z", "topics/t/tutorials/a_b", "topics/t/tutorials/a.b"].enumerated()
    {
      lessons[key] = BuildManifest.Lesson(
        inputs: ["tutorial.md": status], outputs: [key + "/tutorial.html"],
        summary: index == 2 ? nil : BuildManifest.LessonSummary(
          title: "Lesson \(index) <&> \"/\"", level: "Intro", minutes: index, draft: index == 3, contributors: ["a"],
          tags: ["x/y"], searchTerms: "term\t1,2\n", description: "d", modified: "2026-11-29T20:45:07Z"),
        warnings: [], navigation: LessonNeighbours(previous: nil, next: .init(pagePath: "p/q.html", title: "Q")))
    }
    return BuildManifest(
      settings: .init(builder: "b", templates: ["layout.mustache": status], includes: [:], siteFile: nil, baseURL: nil, strict: false),
      siteDiagnostics: [], siteOutputs: ["index.html", "sitemap.xml"], topics: ["t": .init(metadata: status, images: [:])],
      lessons: lessons)
  }

  @Test("lessons encoded entry by entry, then put in, give the manifest's own text")
  func sameText() throws {
    let manifest = Self.manifest()
    let whole = try manifest.encoded()
    let entries = Dictionary(uniqueKeysWithValues: manifest.lessons.map { ($0.key, BuildManifest.entry($0.key, $0.value)) })
    #expect(try manifest.encoded(entries: entries) == whole)
    // Some entries missing: encoded on the spot.
    #expect(try manifest.encoded(entries: entries.filter { $0.key.hasPrefix("topics/t/") }) == whole)
    #expect(try manifest.encoded(entries: [:]) == whole)
    var empty = manifest
    empty.lessons = [:]
    #expect(try empty.encoded(entries: [:]) == (try empty.encoded()))
  }
}

/// The site's own pages, written side by side on several threads, are the pages written one after the other.
@Suite("Site pages written in parallel")
struct ParallelSitePagesTests {
  @Test("a build with two jobs writes the same files, with the same bytes, as a build with one")
  func sameFiles() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 6)
    try TestFiles.write("---\ntitle: Tagged <one>\ntags: [a, b]\ncontributors: [ann]\n---\nText.\n", to: content + "/topics/topic-b/tutorials/x/tutorial.md")
    var sites: [[String: Data]] = []
    for jobs in [1, 2] {
      let output = folder + "/site-\(jobs)"
      let report = try SiteBuilder(
        configuration: BuildConfiguration(
          contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: output, jobs: jobs)
      ).build()
      #expect(report.failed.isEmpty)
      var files: [String: Data] = [:]
      for (path, _) in try FileSystem.tree(under: output) where path != BuildManifest.fileName {
        files[path] = try Data(contentsOf: URL(fileURLWithPath: output + "/" + path))
      }
      sites.append(files)
    }
    #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
    #expect(sites[0] == sites[1])
    #expect(sites[0]["tags/a.html"] != nil && sites[0]["contributors/ann.html"] != nil && sites[0]["feed.xml"] != nil)
  }
}

/// The site's own pages written while lessons are published are written again when a lesson then fails.
@Suite("Site pages written early")
struct EarlySitePagesTests {
  @Test("when a lesson fails to publish, the pages are written from the records that were, and pages only it had are removed")
  func lessonFailed() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let topic = TopicSource(name: "t", folder: folder + "/content/topics/t", metadata: nil, images: [:])
    let sources = ["kept", "failed"].map {
      TutorialSource(topic: "t", slug: $0, relativePath: "topics/t/tutorials/\($0)", folder: "", inputs: [:])
    }
    let inventory = ContentInventory(
      root: try ContentRoot(folder), topics: [topic], tutorials: sources, settings: nil, problems: [], refused: [])
    func record(_ title: String, tag: String) -> BuildManifest.Lesson {
      BuildManifest.Lesson(
        inputs: [:], outputs: [], summary: .init(title: title, level: nil, minutes: nil, draft: false, tags: [tag]), warnings: [])
    }
    let expected = ["topics/t/tutorials/kept": record("Kept", tag: "both"), "topics/t/tutorials/failed": record("Failed", tag: "lost")]
    let staging = folder + "/staging"
    let early = EarlySitePages(
      pages: SitePages(templates: try TemplateSet(folder: SiteTestSupport.templates), site: SiteSettings(title: "S"), staging: staging, jobs: 2),
      inventory: inventory, metadata: [:], faqs: FAQCatalog(), people: ContributorDirectory(),
      templatesFolder: SiteTestSupport.templates, expected: expected)
    // As published: the same records give the early pages.
    let same = try EarlySitePages(
      pages: early.pages, inventory: inventory, metadata: [:], faqs: FAQCatalog(), people: ContributorDirectory(),
      templatesFolder: SiteTestSupport.templates, expected: expected
    ).outputs(records: expected)
    #expect(same.contains("tags/lost.html"))

    let outputs = try early.outputs(records: expected.filter { $0.key.hasSuffix("kept") })
    #expect(outputs.contains("tags/both.html"))
    #expect(!outputs.contains("tags/lost.html"))
    #expect(!FileManager.default.fileExists(atPath: staging + "/tags/lost.html"))
    let index = try SiteTestSupport.read(staging + "/index.html")
    #expect(index.contains("Kept") && !index.contains("Failed"))
  }
}
