import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// `raw_html:` in site.yaml decides what becomes of lessons' raw HTML for the whole site: sanitised by default,
/// published as written with `trusted`; a lesson's front matter cannot change it.
@Suite("raw_html setting", .serialized)
struct RawHTMLSettingTests {
  static let lesson = "---\ntitle: L\nraw_html: trusted\n---\n\nText.\n\n<img src=\"a.png\" onerror=\"alert(1)\">\n"

  /// Builds a one-lesson site with `siteYAML` and returns the lesson's page and the build's diagnostics.
  static func build(siteYAML: String?) throws -> (page: String, diagnostics: [Diagnostic]) {
    let folder = try TestFiles.temporaryFolder(prefix: "raw-html-setting-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 1)
    try TestFiles.write(lesson, to: content + "/topics/topic-a/tutorials/lesson-0/tutorial.md")
    if let siteYAML { try TestFiles.write(siteYAML, to: content + "/site.yaml") }
    let configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: folder + "/site", jobs: 1)
    let report = try SiteBuilder(configuration: configuration).build()
    let page = try SiteTestSupport.read(folder + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html")
    return (page, report.diagnostics)
  }

  @Test("without the setting (and despite the lesson's front matter) the handler is removed, with a warning")
  func sanitisedByDefault() throws {
    let (page, diagnostics) = try Self.build(siteYAML: "title: S\n")
    #expect(page.contains("<img src=\"a.png\" />"))
    #expect(!page.contains("onerror"))
    #expect(diagnostics.contains { $0.line == 8 && $0.message.hasPrefix("raw HTML: the onerror attribute") })
  }

  @Test("raw_html: trusted publishes the lesson's raw HTML as written")
  func trustedSite() throws {
    let (page, diagnostics) = try Self.build(siteYAML: "title: S\nraw_html: trusted\n")
    #expect(page.contains("<img src=\"a.png\" onerror=\"alert(1)\" />"))
    #expect(!diagnostics.contains { $0.message.hasPrefix("raw HTML:") })
  }

  @Test("a raw_html value that is neither is a warning naming site.yaml, and the site stays sanitised")
  func unknownValue() throws {
    let (page, diagnostics) = try Self.build(siteYAML: "raw_html: trust\n")
    #expect(!page.contains("onerror"))
    #expect(diagnostics.contains { $0.file.hasSuffix("/site.yaml") && $0.message.contains("raw_html 'trust'") })
  }
}
