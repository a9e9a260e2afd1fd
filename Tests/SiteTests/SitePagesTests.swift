import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

@Suite("Index, topic pages and sitemap")
struct SitePagesTests {
  /// Writes the site-wide pages for three lessons of topic `t`: one published, one draft, one disabled.
  func write() throws -> String {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    let topic = TopicSource(name: "t", folder: folder + "/content/topics/t", metadata: nil, images: [:])
    func source(_ slug: String) -> TutorialSource {
      TutorialSource(topic: "t", slug: slug, relativePath: "topics/t/tutorials/\(slug)", folder: "", inputs: [:])
    }
    let inventory = ContentInventory(
      root: try ContentRoot(folder), topics: [topic], tutorials: [source("published"), source("drafted"), source("disabled")],
      settings: nil, problems: [], refused: [])
    func record(_ summary: BuildManifest.LessonSummary?) -> BuildManifest.Lesson {
      BuildManifest.Lesson(inputs: [:], outputs: [], summary: summary, warnings: [])
    }
    let records = [
      "topics/t/tutorials/published": record(.init(title: "Published lesson", level: "Advanced", minutes: 45, draft: false)),
      "topics/t/tutorials/drafted": record(.init(title: "Drafted lesson", level: nil, minutes: nil, draft: true)),
      "topics/t/tutorials/disabled": record(nil),
    ]
    let pages = SitePages(
      templates: try TemplateSet(folder: SiteTestSupport.templates), site: SiteSettings(title: "S"), staging: folder)
    try pages.write(
      inventory: inventory, records: records, metadata: ["t": TopicMetadata(title: "Topic T", summary: "About T")],
      templatesFolder: SiteTestSupport.templates)
    return folder
  }

  @Test("the index lists published lessons with level and time, and leaves drafts and disabled lessons out")
  func index() throws {
    let folder = try write()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let index = try SiteTestSupport.read(folder + "/index.html")
    #expect(index.contains("<a href=\"topics/t/tutorials/published/tutorial.html\">Published lesson</a>"))
    #expect(index.contains("Advanced"))
    #expect(index.contains("45 minutes"))
    #expect(index.contains("Topic T"))
    #expect(index.contains("About T"))
    #expect(index.contains("<title>S</title>"), "the home page title names the site twice")
    #expect(!index.contains("Drafted lesson"))
    #expect(!index.contains("disabled"))
    #expect(SiteTestSupport.wellFormednessError(index) == nil)
  }

  @Test("the topic page links back to the root and to its lessons relatively")
  func topicPage() throws {
    let folder = try write()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let page = try SiteTestSupport.read(folder + "/topics/t/index.html")
    #expect(page.contains("href=\"../../index.html\""))
    #expect(page.contains("href=\"../../topics/t/tutorials/published/tutorial.html\""))
    #expect(SiteTestSupport.wellFormednessError(page) == nil)
  }

  @Test("the sitemap lists published pages only")
  func sitemap() throws {
    let folder = try write()
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let sitemap = try SiteTestSupport.read(folder + "/sitemap.xml")
    #expect(sitemap.contains("topics/t/tutorials/published/tutorial.html"))
    #expect(!sitemap.contains("drafted"))
    #expect(!sitemap.contains("disabled"))
  }

  @Test("--strict makes every warning an error")
  func strict() {
    let diagnostics = [Diagnostic(.warning, file: "a.md", line: 3, "unknown box"), Diagnostic(.error, file: "b.md", "x")]
    #expect(LessonProcessor.strict(diagnostics).allSatisfy { $0.severity == .error })
    #expect(LessonProcessor.strict(diagnostics).first?.description == "a.md:3: error: unknown box")
  }
}
