import Foundation
import Testing

@testable import Site

/// A page shows the titles of the tutorials it requires; an incremental build renders it again when one of them
/// changes (before, only the renamed tutorial was rendered and the requiring page kept the old title).
@Suite("Requirement titles under incremental builds", .serialized)
final class RequirementDependencyTests {
  let folder: String
  let configuration: BuildConfiguration

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  init() throws {
    folder = try SiteTestSupport.temporaryFolder()
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 3)
    try SiteTestSupport.write(
      "---\ntitle: Lesson 0\nrequirements:\n  - type: internal\n    topic_name: topic-a\n    tutorials: [lesson-1, later]\n---\nText.\n",
      to: content + "/topics/topic-a/tutorials/lesson-0/tutorial.md")
    configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: folder + "/site", jobs: 2)
  }

  var requiringPage: String { configuration.outputFolder + "/topics/topic-a/tutorials/lesson-0/tutorial.html" }

  @Test("renaming a required tutorial renders the requiring page again, and only it beside the renamed one",
    .timeLimit(.minutes(1)))
  func renamingARequiredTutorialUpdatesTheRequiringPage() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    #expect(try SiteTestSupport.read(requiringPage).contains(">Lesson 1</a>"))
    try SiteTestSupport.write(
      "---\ntitle: Mapping reads, renamed\n---\nText of lesson 1.\n",
      to: configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1/tutorial.md")
    let report = try builder.build()
    #expect(report.rendered == 2, "lesson-1 and lesson-0, which requires it; lesson-2 is reused")
    #expect(report.reused == 1)
    let html = try SiteTestSupport.read(requiringPage)
    #expect(html.contains(">Mapping reads, renamed</a>") && !html.contains(">Lesson 1</a>"))
  }

  @Test("a required tutorial that appears later is linked on the next build", .timeLimit(.minutes(1)))
  func aRequiredTutorialThatAppearsIsLinked() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    #expect(try SiteTestSupport.read(requiringPage).contains("<li>later</li>"))
    try SiteTestSupport.write(
      "---\ntitle: Later lesson\n---\nText.\n", to: configuration.contentFolder + "/topics/topic-a/tutorials/later/tutorial.md")
    _ = try builder.build()
    #expect(try SiteTestSupport.read(requiringPage).contains(">Later lesson</a>"))
  }

  @Test("an unchanged required tutorial does not render the requiring page again", .timeLimit(.minutes(1)))
  func anUnrelatedChangeLeavesTheRequiringPage() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-2/tutorial.md"
    try SiteTestSupport.write(try SiteTestSupport.read(lesson) + "More.\n", to: lesson)
    let report = try builder.build()
    #expect(report.rendered == 1)
  }
}
