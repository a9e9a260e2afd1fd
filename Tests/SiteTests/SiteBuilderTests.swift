import Foundation
import Execution
import Lessons
import Testing

@testable import Site
import TestSupport

@Suite("Site builder on a temporary content folder", .serialized)
final class SiteBuilderTests {
  let folder: String
  var configuration: BuildConfiguration

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  init() throws {
    folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 3)
    configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: folder + "/site", jobs: 2)
  }

  var site: String { configuration.outputFolder }

  func inode(_ path: String) throws -> UInt64 {
    try #require(FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? UInt64)
  }

  func page(_ number: Int) -> String { site + "/topics/topic-a/tutorials/lesson-\(number)/tutorial.html" }

  @Test("a build writes every page, the index, the topic page, the sitemap and the stylesheet", .timeLimit(.minutes(1)))
  func aBuildWritesEveryPageThe() throws {
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors)
    #expect(report.rendered == 3)
    for number in 0..<3 { #expect(FileManager.default.fileExists(atPath: page(number))) }
    let index = try SiteTestSupport.read(site + "/index.html")
    #expect(index.contains("href=\"topics/topic-a/tutorials/lesson-1/tutorial.html\""))
    #expect(index.contains("Topic A"))
    #expect(index.contains("The first topic."))
    #expect(FileManager.default.fileExists(atPath: site + "/topics/topic-a/index.html"))
    #expect(FileManager.default.fileExists(atPath: site + "/assets/style.css"))
    let sitemap = try SiteTestSupport.read(site + "/sitemap.xml")
    #expect(sitemap.contains("<loc>topics/topic-a/tutorials/lesson-2/tutorial.html</loc>"))
    for path in [site + "/index.html", site + "/topics/topic-a/index.html", page(0)] {
      #expect(SiteTestSupport.wellFormednessError(try SiteTestSupport.read(path)) == nil, "\(path)")
    }
  }

  @Test("a second build with nothing changed writes nothing, one changed lesson alone is rendered again", .timeLimit(.minutes(1)))
  func aSecondBuildWithNothingChanged() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    let second = try builder.build()
    #expect(second.upToDate)
    #expect(second.rendered == 0)

    let untouched = try inode(page(0))
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1/tutorial.md"
    try TestFiles.write(try SiteTestSupport.read(lesson) + "More text.\n", to: lesson)
    let third = try builder.build()
    #expect(!third.upToDate)
    #expect(third.rendered == 1)
    #expect(third.reused == 2)
    for number in 0..<3 { #expect(FileManager.default.fileExists(atPath: page(number))) }
    // The unchanged lesson's page was left in place, not written again.
    #expect(try inode(page(0)) == untouched)
    let staging = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".site.") }
    #expect(staging.isEmpty)
  }

  @Test("a one-lesson change leaves the site's pages and files it does not change untouched, and replaces the rest",
    .timeLimit(.minutes(1)))
  func unchangedSitePagesStay() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    let kept = ["index.html", "topics/topic-a/index.html", "search.html", "assets/style.css", "assets/search.js"]
    let keptInodes = try kept.map { try inode(site + "/" + $0) }
    let replaced = [
      "topics/topic-a/tutorials/lesson-1/tutorial.html", "search-index.js", ".lessons-manifest.json",
    ]
    let replacedInodes = try replaced.map { try inode(site + "/" + $0) }
    // A new word in the text: the title, the lists and the topic stay the same.
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1/tutorial.md"
    try TestFiles.write(try SiteTestSupport.read(lesson) + "Xylophones.\n", to: lesson)
    let report = try builder.build()
    #expect(report.rendered == 1 && !report.hasErrors)
    for (path, before) in zip(kept, keptInodes) { #expect(try inode(site + "/" + path) == before, "\(path) was written again") }
    for (path, before) in zip(replaced, replacedInodes) { #expect(try inode(site + "/" + path) != before, "\(path) was kept") }
    #expect(try SiteTestSupport.read(site + "/topics/topic-a/tutorials/lesson-1/tutorial.html").contains("Xylophones."))
    // A changed title changes the index and the topic page: they are replaced.
    try TestFiles.write("---\ntitle: Renamed lesson\n---\nText.\n", to: lesson)
    _ = try builder.build()
    #expect(try SiteTestSupport.read(site + "/index.html").contains("Renamed lesson"))
    #expect(try SiteTestSupport.read(site + "/topics/topic-a/index.html").contains("Renamed lesson"))
    #expect(try inode(site + "/index.html") != keptInodes[0])
    let staging = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains(".site.") }
    #expect(staging.isEmpty)
  }

  @Test("a changed snippet renders the lessons again, and they show it", .timeLimit(.minutes(1)))
  func aChangedSnippetRendersAgain() throws {
    let snippet = configuration.contentFolder + "/snippets/step.md"
    try TestFiles.write("First wording.\n", to: snippet)
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1/tutorial.md"
    try TestFiles.write(try SiteTestSupport.read(lesson) + "\n{% include snippets/step.md %}\n", to: lesson)
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    #expect(try SiteTestSupport.read(page(1)).contains("First wording."))
    try TestFiles.write("Second wording, longer.\n", to: snippet)
    let second = try builder.build()
    #expect(!second.upToDate)
    #expect(try SiteTestSupport.read(page(1)).contains("Second wording, longer."))
  }

  @Test("a topic summary renders as Markdown, escaped", .timeLimit(.minutes(1)))
  func topicSummaryIsMarkdown() throws {
    try TestFiles.write(
      "title: Topic A\nsummary: \"Learn **pools** with [GTN](https://training.galaxyproject.org) & more\"\n",
      to: configuration.contentFolder + "/topics/topic-a/metadata.yaml")
    _ = try SiteBuilder(configuration: configuration).build()
    for page in [site + "/index.html", site + "/topics/topic-a/index.html"] {
      let html = try SiteTestSupport.read(page)
      #expect(html.contains("Learn <strong>pools</strong> with <a href=\"https://training.galaxyproject.org\">GTN</a>"))
      #expect(!html.contains("**pools**"))
      #expect(SiteTestSupport.wellFormednessError(html) == nil)
    }
  }

  @Test("FAQs are pages, listed on their topic page and linked from its lessons", .timeLimit(.minutes(1)))
  func faqPages() throws {
    let content = configuration.contentFolder
    try TestFiles.write(
      "---\ntitle: Why pools?\nbox_type: tip\nlayout: faq\n---\n\nBecause **processes** run at once.\n",
      to: content + "/topics/topic-a/faqs/why-pools.md")
    try TestFiles.write(
      "---\ntitle: Importing via links\nlayout: faq\n---\n\n* Copy the link\n", to: content + "/faqs/galaxy/import.md")
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors, "\(report.diagnostics)")
    let faq = try SiteTestSupport.read(site + "/topics/topic-a/faqs/why-pools.html")
    #expect(faq.contains("Why pools?") && faq.contains("<strong>processes</strong>"))
    #expect(!faq.contains("box_type"))
    #expect(faq.contains("href=\"../../../index.html\""))
    #expect(SiteTestSupport.wellFormednessError(faq) == nil)
    #expect(FileManager.default.fileExists(atPath: site + "/faqs/galaxy/import.html"))
    let topic = try SiteTestSupport.read(site + "/topics/topic-a/index.html")
    #expect(topic.contains("<a href=\"../../topics/topic-a/faqs/why-pools.html\">Why pools?</a>"))
    #expect(try SiteTestSupport.read(page(0)).contains("<a href=\"../../../../topics/topic-a/faqs/why-pools.html\">Why pools?</a>"))
    #expect(try SiteTestSupport.read(site + "/sitemap.xml").contains("topics/topic-a/faqs/why-pools.html"))
    // A new FAQ is a change: the next build is not up to date and links it.
    try TestFiles.write("---\ntitle: Another\n---\nText.\n", to: content + "/topics/topic-a/faqs/another.md")
    let second = try SiteBuilder(configuration: configuration).build()
    #expect(!second.upToDate)
    #expect(try SiteTestSupport.read(page(1)).contains("faqs/another.html"))
  }

  /// GTN keeps some FAQs in the tutorial's own folder (`topics/<t>/tutorials/<x>/faqs/*.md`).
  @Test("a tutorial's FAQ is a page linked from that tutorial, not from the topic or other lessons", .timeLimit(.minutes(1)))
  func tutorialFAQIsAPageLinkedFromItsTutorial() throws {
    let content = configuration.contentFolder
    // GTN's topics/sequence-analysis/tutorials/quality-control/faqs/multiqc_error.md (CC-BY 4.0), shortened.
    try TestFiles.write(
      "---\ntitle: MultiQC error for your FastQC reports?\nbox_type: tip\nlayout: faq\ncontributors: [shiltemann]\n---\n\n"
        + "Please double-check that:\n 1. You selected `FastQC` tool as the source of the log files in MultiQC.\n",
      to: content + "/topics/topic-a/tutorials/lesson-0/faqs/multiqc_error.md")
    try TestFiles.write(
      "---\ntitle: Why pools?\n---\n\nBecause.\n", to: content + "/topics/topic-a/faqs/why-pools.md")
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors, "\(report.diagnostics)")
    let faqPath = site + "/topics/topic-a/tutorials/lesson-0/faqs/multiqc_error.html"
    let faq = try SiteTestSupport.read(faqPath)
    #expect(faq.contains("MultiQC error for your FastQC reports?") && faq.contains("<code>FastQC</code>"))
    #expect(!faq.contains("box_type") && !faq.contains("layout: faq"))
    #expect(faq.contains("href=\"../../../../../index.html\""))
    #expect(faq.contains("href=\"../../../../../topics/topic-a/index.html\""))
    // Its breadcrumbs end at its tutorial, not at the topic.
    #expect(faq.contains("/ <a href=\"../../../../../topics/topic-a/tutorials/lesson-0/tutorial.html\">Lesson 0</a></nav>"))
    #expect(SiteTestSupport.wellFormednessError(faq) == nil)
    #expect(!FileManager.default.fileExists(atPath: site + "/topics/topic-a/tutorials/lesson-0/faqs/multiqc_error.md"))
    let lesson = try SiteTestSupport.read(page(0))
    #expect(lesson.contains("<a href=\"../../../../topics/topic-a/tutorials/lesson-0/faqs/multiqc_error.html\">MultiQC error for your FastQC reports?</a>"))
    #expect(lesson.contains("faqs/why-pools.html"))
    #expect(!(try SiteTestSupport.read(page(1))).contains("multiqc_error"))
    #expect(!(try SiteTestSupport.read(site + "/topics/topic-a/index.html")).contains("multiqc_error"))
    #expect(try SiteTestSupport.read(site + "/sitemap.xml").contains("topics/topic-a/tutorials/lesson-0/faqs/multiqc_error.html"))
  }

  @Test("GTN slides beside a lesson become a readable page: a section per slide, notes hidden, wrappers dropped", .timeLimit(.minutes(1)))
  func slidesPage() throws {
    let slides = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-0/slides.html"
    try TestFiles.write(
      """
      ---
      layout: tutorial_slides
      title: "Pools in slides"
      ---

      class: center, middle

      # Why pools?

      ???

      Speaker notes: say hello.

      ---

      ### Two columns

      .pull-left[
      - **Left** point
      ]

      .pull-right[Right .footnote[tiny]]

      --

      More after a step.

      """, to: slides)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors, "\(report.diagnostics)")
    let html = try SiteTestSupport.read(site + "/topics/topic-a/tutorials/lesson-0/slides.html")
    #expect(html.contains("Pools in slides"))
    #expect(html.components(separatedBy: "<section class=\"slide\"").count == 3)
    #expect(html.contains("Why pools?") && html.contains("<strong>Left</strong> point") && html.contains("Right tiny"))
    #expect(html.contains("More after a step."))
    for leaked in ["Speaker notes", "???", ".pull-left", "class: center", "layout:", "\n--\n"] {
      #expect(!html.contains(leaked), "\(leaked)")
    }
    #expect(SiteTestSupport.wellFormednessError(html) == nil)
  }

  @Test("CONTRIBUTORS.yaml gives full names on lessons and a page per contributor listing their lessons", .timeLimit(.minutes(1)))
  func contributorPages() throws {
    let content = configuration.contentFolder
    try TestFiles.write(
      "bebatut:\n  name: Bérénice Batut\n  orcid: 0000-0001-9852-1987\n  joined: 2017-09\n  affiliations: [gallantries, elixir-europe]\n",
      to: content + "/CONTRIBUTORS.yaml")
    for number in 0..<2 {
      try TestFiles.write(
        "---\ntitle: Lesson \(number)\ncontributors: [bebatut, \"x/../evil\"]\n---\nText.\n",
        to: content + "/topics/topic-a/tutorials/lesson-\(number)/tutorial.md")
    }
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors, "\(report.diagnostics)")
    let lesson = try SiteTestSupport.read(page(0))
    #expect(lesson.contains("<a href=\"../../../../contributors/bebatut.html\">Bérénice Batut</a>"))
    #expect(lesson.contains("<li>x/../evil</li>"), "an id that cannot name a file is shown, not linked")
    try TestFiles.write("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", to: content + "/contributors/bebatut.svg")
    _ = try SiteBuilder(configuration: configuration).build()
    #expect(FileManager.default.fileExists(atPath: site + "/contributors/bebatut.svg"))
    let person = try SiteTestSupport.read(site + "/contributors/bebatut.html")
    #expect(person.contains("<img class=\"avatar\" src=\"bebatut.svg\""))
    #expect(person.contains("Bérénice Batut") && person.contains("https://orcid.org/0000-0001-9852-1987"))
    #expect(person.contains("elixir-europe"))
    #expect(person.contains("<a href=\"../topics/topic-a/tutorials/lesson-0/tutorial.html\">Lesson 0</a>"))
    #expect(person.contains("Lesson 1") && !person.contains("Lesson 2"))
    #expect(!FileManager.default.fileExists(atPath: site + "/contributors/evil.html"))
    #expect(SiteTestSupport.wellFormednessError(person) == nil)
    // A changed name is a change: every lesson shows it.
    try TestFiles.write("bebatut:\n  name: B. Batut\n", to: content + "/CONTRIBUTORS.yaml")
    _ = try SiteBuilder(configuration: configuration).build()
    #expect(try SiteTestSupport.read(page(1)).contains(">B. Batut</a>"))
  }

  @Test("tags link to a page listing their lessons; zenodo_link and workflows are supporting materials", .timeLimit(.minutes(1)))
  func tagsAndMaterials() throws {
    let content = configuration.contentFolder
    let folder = content + "/topics/topic-a/tutorials/lesson-0"
    try TestFiles.write(
      "---\ntitle: Lesson 0\ntags: [Parallel Computing, swift]\nzenodo_link: https://zenodo.org/record/1\n---\nText.\n",
      to: folder + "/tutorial.md")
    try TestFiles.write("{}", to: folder + "/workflows/main.ga")
    try TestFiles.write("---\ntitle: Lesson 1\ntags: [swift]\nzenodo_link: \"javascript:x\"\n---\nText.\n",
      to: content + "/topics/topic-a/tutorials/lesson-1/tutorial.md")
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors, "\(report.diagnostics)")
    let lesson = try SiteTestSupport.read(page(0))
    #expect(lesson.contains("<a class=\"tag\" href=\"../../../../tags/parallel-computing.html\">Parallel Computing</a>"))
    #expect(lesson.contains("<a href=\"https://zenodo.org/record/1\">Input datasets (Zenodo)</a>"))
    #expect(lesson.contains("<a href=\"workflows/main.ga\">Workflow: main.ga</a>"))
    #expect(!(try SiteTestSupport.read(page(1))).contains("javascript:"))
    let swiftTag = try SiteTestSupport.read(site + "/tags/swift.html")
    #expect(swiftTag.contains("Lesson 0") && swiftTag.contains("Lesson 1") && !swiftTag.contains("Lesson 2"))
    #expect(swiftTag.contains("href=\"../topics/topic-a/tutorials/lesson-1/tutorial.html\""))
    #expect(SiteTestSupport.wellFormednessError(swiftTag) == nil)
  }

  @Test("internal requirements show the tutorials' titles; one that does not exist is a warning, unlinked", .timeLimit(.minutes(1)))
  func requirementTitles() throws {
    let content = configuration.contentFolder
    try TestFiles.write(
      "---\ntitle: Lesson 0\nrequirements:\n  - type: internal\n    topic_name: topic-a\n    tutorials: [lesson-1, nowhere]\n---\nText.\n",
      to: content + "/topics/topic-a/tutorials/lesson-0/tutorial.md")
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors)
    #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("topic-a/nowhere") })
    let html = try SiteTestSupport.read(page(0))
    #expect(html.contains("<a href=\"../../../../topics/topic-a/tutorials/lesson-1/tutorial.html\">Lesson 1</a>"))
    #expect(html.contains("<li>nowhere</li>"))
  }

  @Test("a deleted lesson disappears from the site, the index and the sitemap", .timeLimit(.minutes(1)))
  func aDeletedLessonDisappearsFromThe() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    try FileManager.default.removeItem(atPath: configuration.contentFolder + "/topics/topic-a/tutorials/lesson-2")
    let report = try builder.build()
    #expect(report.lessons == 2)
    #expect(!FileManager.default.fileExists(atPath: page(2)))
    #expect(!(try SiteTestSupport.read(site + "/index.html")).contains("lesson-2"))
    #expect(!(try SiteTestSupport.read(site + "/sitemap.xml")).contains("lesson-2"))
  }

  @Test("a page removed from the site by hand is rendered again", .timeLimit(.minutes(1)))
  func aPageRemovedFromTheSite() throws {
    let builder = SiteBuilder(configuration: configuration)
    _ = try builder.build()
    try FileManager.default.removeItem(atPath: page(0))
    try TestFiles.write("x: 1\n", to: configuration.contentFolder + "/site.yaml")
    let report = try builder.build()
    #expect(report.rendered == 3)
    #expect(FileManager.default.fileExists(atPath: page(0)))
  }

  @Test("a build that fails leaves the previous site as it was and no staging folder behind", .timeLimit(.minutes(1)))
  func aBuildThatFailsLeavesThe() throws {
    _ = try SiteBuilder(configuration: configuration).build()
    let before = try SiteTestSupport.read(page(0))
    let templates = folder + "/templates"
    try FileManager.default.copyItem(atPath: SiteTestSupport.templates, toPath: templates)
    try TestFiles.write("<html>{{#broken}}\n", to: templates + "/layout.mustache")
    var broken = configuration
    broken.templatesFolder = templates
    #expect(throws: SiteError.self) { try SiteBuilder(configuration: broken).build() }
    #expect(try SiteTestSupport.read(page(0)) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.contains("staging") }
    #expect(leftovers.isEmpty)
  }

  @Test("broken topic metadata is an error with file and line, and the lessons still build", .timeLimit(.minutes(1)))
  func brokenTopicMetadataIsAnError() throws {
    let metadata = configuration.contentFolder + "/topics/topic-a/metadata.yaml"
    try TestFiles.write("title: Topic A\nsummary: [unclosed\n", to: metadata)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(report.hasErrors)
    let error = try #require(report.diagnostics.first { $0.severity == .error })
    #expect(error.file == metadata)
    #expect(error.line != nil)
    #expect(FileManager.default.fileExists(atPath: page(0)))
  }

  @Test("a base URL makes the sitemap absolute", .timeLimit(.minutes(1)))
  func aBaseUrlMakesTheSitemap() throws {
    var absolute = configuration
    absolute.baseURL = "https://example.org/swift"
    _ = try SiteBuilder(configuration: absolute).build()
    let sitemap = try SiteTestSupport.read(site + "/sitemap.xml")
    #expect(sitemap.contains("<loc>https://example.org/swift/index.html</loc>"))
  }

  @Test("check reads every lesson and writes nothing", .timeLimit(.minutes(1)))
  func checkReadsEveryLessonAndWrites() throws {
    let report = try SiteBuilder(configuration: configuration).check()
    #expect(report.lessons == 3)
    #expect(report.rendered == 3)
    #expect(!FileManager.default.fileExists(atPath: site))
  }

  @Test("content without a topics folder is a clear error", .timeLimit(.minutes(1)))
  func contentWithoutATopicsFolderIs() throws {
    var empty = configuration
    empty.contentFolder = folder + "/nothing"
    let error = try #require(throws: SiteError.self) { try SiteBuilder(configuration: empty).build() }
    #expect(error.description.contains("topics"))
  }

  @Test("an unreadable tutorial folder is reported and the other lessons still build", .timeLimit(.minutes(1)), .enabled(if: getuid() != 0, "root reads folders whatever their permissions"))
  func anUnreadableTutorialFolderIsReported() throws {
    let locked = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1"
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: locked)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked) }
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(report.hasErrors)
    #expect(report.diagnostics.contains { $0.file == locked })
    #expect(FileManager.default.fileExists(atPath: page(0)))
  }

  @Test("--refresh with a name no lesson has is an error; named lessons are rendered again", .timeLimit(.minutes(1)))
  func refreshNames() throws {
    _ = try SiteBuilder(configuration: configuration).build()
    var refresh = configuration
    refresh.execution = ExecutionOptions(refresh: .lessons(["lesson-1", "nope"]))
    let report = try SiteBuilder(configuration: refresh).build()
    #expect(report.rendered == 1)
    #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("nope") })
    // The mistake belongs to that command line, not to the site: a plain build afterwards does not repeat it.
    let plain = try SiteBuilder(configuration: configuration).build()
    #expect(!plain.diagnostics.contains { $0.message.contains("nope") })
  }

  @Test("an output folder that holds the content, the templates or the current folder is refused", .timeLimit(.minutes(1)))
  func unsafeOutput() throws {
    for output in [folder, configuration.contentFolder, configuration.contentFolder + "/..", "/"] {
      var unsafe = configuration
      unsafe.outputFolder = output
      let error = try #require(throws: SiteError.self) { try SiteBuilder(configuration: unsafe).build() }
      #expect(error.code == .invalidSetting)
    }
    #expect(FileManager.default.fileExists(atPath: configuration.contentFolder + "/topics/topic-a/metadata.yaml"))
  }

  @Test("a symbolic link loop in a tutorial folder is reported, not followed forever", .timeLimit(.minutes(1)))
  func symlinkLoop() throws {
    let tutorial = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-0"
    try FileManager.default.createSymbolicLink(atPath: tutorial + "/loop", withDestinationPath: tutorial)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(report.diagnostics.contains { $0.severity == .error && $0.message.contains("symbolic link loop") })
    #expect(FileManager.default.fileExists(atPath: page(1)))
  }

  @Test("a symbolic link loop in snippets/, faqs/ or contributors/ is an error of its own; every lesson is still built",
    .timeLimit(.minutes(1)))
  func includeFolderLoop() throws {
    for folder in ["snippets/deep", "topics/topic-a/faqs/more", "contributors/x"] {
      let path = configuration.contentFolder + "/" + folder
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: path + "/up", withDestinationPath: "..")
    }
    let report = try SiteBuilder(configuration: configuration).build()
    let loops = report.diagnostics.filter { $0.severity == .error && $0.message.contains("symbolic link loop") }
    #expect(loops.count == 3, "\(report.diagnostics)")
    #expect(report.hasErrors)
    for number in 0..<3 { #expect(FileManager.default.fileExists(atPath: page(number))) }
    // Reported again by a build with nothing else to do.
    let again = try SiteBuilder(configuration: configuration).build()
    #expect(again.upToDate)
    #expect(again.diagnostics.filter { $0.message.contains("symbolic link loop") }.count == 3)
  }
}
