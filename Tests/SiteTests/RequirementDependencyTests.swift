import Foundation
import Testing

@testable import Site
import TestSupport

/// A page shows the titles of the tutorials it requires; an incremental build renders it again when one of them
/// changes (before, only the renamed tutorial was rendered and the requiring page kept the old title).
@Suite("Requirement titles under incremental builds", .serialized)
final class RequirementDependencyTests {
  let folder: String
  let configuration: BuildConfiguration

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  init() throws {
    folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 3)
    // The requiring lesson is in a topic of its own, with a bystander: renaming a lesson of topic-a also renders its
    // neighbours there again (their previous/next links name it), which must not hide what requirements do.
    try TestFiles.write(
      "---\ntitle: Requirer\nrequirements:\n  - type: internal\n    topic_name: topic-a\n    tutorials: [lesson-1, later]\n---\nText.\n",
      to: content + "/topics/topic-b/tutorials/requirer/tutorial.md")
    try TestFiles.write("---\ntitle: Bystander\n---\nText.\n", to: content + "/topics/topic-b/tutorials/bystander/tutorial.md")
    configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: folder + "/site", jobs: 2)
  }

  var requiringPage: String { configuration.outputFolder + "/topics/topic-b/tutorials/requirer/tutorial.html" }

  @Test("renaming a required tutorial renders the requiring page again, and only it beside the renamed one",
    .timeLimit(.minutes(1)))
  func renamingARequiredTutorialUpdatesTheRequiringPage() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    #expect(try SiteTestSupport.read(requiringPage).contains(">Lesson 1</a>"))
    try TestFiles.write(
      "---\ntitle: Mapping reads, renamed\n---\nText of lesson 1.\n",
      to: configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1/tutorial.md")
    let report = try builder.build()
    #expect(report.rendered == 4, "lesson-1, its neighbours lesson-0 and lesson-2, and the requirer; the bystander is reused")
    #expect(report.reused == 1)
    let html = try SiteTestSupport.read(requiringPage)
    #expect(html.contains(">Mapping reads, renamed</a>") && !html.contains(">Lesson 1</a>"))
  }

  @Test("a required tutorial that appears later is linked on the next build", .timeLimit(.minutes(1)))
  func aRequiredTutorialThatAppearsIsLinked() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    #expect(try SiteTestSupport.read(requiringPage).contains("<li>later</li>"))
    try TestFiles.write(
      "---\ntitle: Later lesson\n---\nText.\n", to: configuration.contentFolder + "/topics/topic-a/tutorials/later/tutorial.md")
    _ = try builder.build()
    #expect(try SiteTestSupport.read(requiringPage).contains(">Later lesson</a>"))
  }

  @Test("an unchanged required tutorial does not render the requiring page again", .timeLimit(.minutes(1)))
  func anUnrelatedChangeLeavesTheRequiringPage() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-2/tutorial.md"
    try TestFiles.write(try SiteTestSupport.read(lesson) + "More.\n", to: lesson)
    let report = try builder.build()
    #expect(report.rendered == 1)
  }
}
