import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

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

  @Test("in a partial build, a search file the rewrite finds already published keeps no early version in staging")
  func partialBuildLessonFailed() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let topic = TopicSource(name: "t", folder: folder + "/content/topics/t", metadata: nil, images: [:])
    let sources = ["kept", "new"].map {
      TutorialSource(topic: "t", slug: $0, relativePath: "topics/t/tutorials/\($0)", folder: "", inputs: [:])
    }
    let inventory = ContentInventory(
      root: try ContentRoot(folder), topics: [topic], tutorials: sources, settings: nil, problems: [], refused: [])
    let kept = ["topics/t/tutorials/kept": BuildManifest.Lesson(
      inputs: [:], outputs: [], summary: .init(title: "Kept", level: nil, minutes: nil, draft: false, searchTerms: "kept\t1,1,8\n"),
      warnings: [])]
    var expected = kept
    expected["topics/t/tutorials/new"] = BuildManifest.Lesson(
      inputs: [:], outputs: [], summary: .init(title: "New", level: nil, minutes: nil, draft: false, searchTerms: "kept\t1,1,8\n"),
      warnings: [])
    let templates = try TemplateSet(folder: SiteTestSupport.templates)
    // The site as published before: the kept lesson only.
    let published = folder + "/site"
    _ = try SitePages(templates: templates, site: SiteSettings(title: "S"), staging: published, jobs: 2).write(
      inventory: inventory, records: kept, metadata: [:], faqs: FAQCatalog(), people: ContributorDirectory(),
      templatesFolder: SiteTestSupport.templates)
    // This build expected the new lesson too, wrote its pages early, then the new lesson failed to publish.
    let staging = folder + "/staging"
    var pages = SitePages(templates: templates, site: SiteSettings(title: "S"), staging: staging, jobs: 2)
    pages.published = published
    let early = EarlySitePages(
      pages: pages, inventory: inventory, metadata: [:], faqs: FAQCatalog(), people: ContributorDirectory(),
      templatesFolder: SiteTestSupport.templates, expected: expected)
    _ = try early.outputs(records: kept)
    // What the committed site will hold: staging's file where there is one, else the published one.
    for page in ["index.html", "topics/t/index.html", "search-index.js"] {
      let path = FileManager.default.fileExists(atPath: staging + "/" + page) ? staging + "/" + page : published + "/" + page
      let text = try SiteTestSupport.read(path)
      #expect(text.contains("Kept") && !text.contains("New"), "\(page) lists the lesson that failed")
    }
  }
}
