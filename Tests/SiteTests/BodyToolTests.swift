import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// `{% tool %}` shows the label, the tool id and version, and links to the site's Galaxy server when it has one.
@Suite struct BodyToolTests {
  private let text = "---\ntitle: T\n---\nRun {% tool [Flye](toolshed.g2.bx.psu.edu/repos/bgruening/flye/flye/2.9+galaxy0) %}.\n"

  @Test func withAGalaxyServerTheToolIsALinkToIt() {
    let lesson = LessonParser.parse(text: text, file: "/tmp/l/tutorial.md", relativePath: "topics/t/tutorials/l")
    let html = BodyRenderer.render(lesson, galaxyURL: "https://usegalaxy.eu/") { _ in "" }.html
    #expect(html.contains(
      "<a class=\"tool\" href=\"https://usegalaxy.eu/?tool_id=toolshed.g2.bx.psu.edu%2Frepos%2Fbgruening%2Fflye%2Fflye%2F2.9%2Bgalaxy0&amp;version=2.9%2Bgalaxy0\">"))
    #expect(html.contains("<strong>Flye</strong> <span class=\"tool-id\">(toolshed.g2.bx.psu.edu/repos/bgruening/flye/flye, version 2.9+galaxy0)</span></a>"))
    #expect(BodyTestSupport.xmlProblem(html) == nil)
  }

  @Test func withoutOneTheIdIsShown() {
    let lesson = LessonParser.parse(text: text, file: "/tmp/l/tutorial.md", relativePath: "topics/t/tutorials/l")
    let html = BodyRenderer.render(lesson) { _ in "" }.html
    #expect(!html.contains("<a class=\"tool\""))
    #expect(html.contains("<span class=\"tool\">") && html.contains("version 2.9+galaxy0"))
  }

  @Test func siteYAMLNamesTheServerHttpOnly() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try TestFiles.write("galaxy_url: https://usegalaxy.org\n", to: folder + "/site.yaml")
    #expect(try SiteSettings.load(contentRoot: folder).galaxyURL == "https://usegalaxy.org")
    try TestFiles.write("galaxy_url: javascript:alert(1)\n", to: folder + "/site.yaml")
    #expect(try SiteSettings.load(contentRoot: folder).galaxyURL == nil)
  }
}
