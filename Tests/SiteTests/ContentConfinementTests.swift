import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// Nothing from outside the content folder reaches the site: symbolic links that leave it are skipped with a
/// warning naming them, links inside it keep working, and a lesson whose tutorial.md is a broken link is reported.
@Suite("Content confinement", .serialized)
final class ContentConfinementTests {
  let folder: String
  let configuration: BuildConfiguration
  /// A file outside the content folder, standing in for /etc/shadow.
  let secret: String
  let tutorial: String

  deinit { try? FileManager.default.removeItem(atPath: folder) }

  init() throws {
    folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 2)
    configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: folder + "/site", jobs: 2)
    secret = folder + "/shadow"
    try TestFiles.write("root:$6$not-for-the-web:19000:0:99999:7:::\n", to: secret)
    tutorial = content + "/topics/topic-a/tutorials/lesson-0"
  }

  var site: String { configuration.outputFolder }
  var published: String { site + "/topics/topic-a/tutorials/lesson-0" }

  func link(_ path: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
  }

  /// Every file of the site, read, joined: what a visitor could fetch.
  func everythingPublished() throws -> String {
    let files = FileManager.default.enumerator(atPath: site)?.compactMap { $0 as? String } ?? []
    return files.compactMap { try? String(contentsOfFile: site + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
  }

  @Test("a link beside a lesson to a file outside the content folder is not published, with a warning naming it")
  func linkToOutsideFile() throws {
    try link(tutorial + "/notes.txt", to: secret)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!FileManager.default.fileExists(atPath: published + "/notes.txt"))
    #expect(!(try everythingPublished()).contains("not-for-the-web"))
    let warning = try #require(report.diagnostics.first { $0.file == tutorial + "/notes.txt" })
    #expect(warning.severity == .warning)
    #expect(warning.message.contains("outside the content folder"))
    // The link is still there: a build with nothing else to do says so again.
    let again = try SiteBuilder(configuration: configuration).build()
    #expect(again.upToDate)
    #expect(again.diagnostics.contains { $0.file == tutorial + "/notes.txt" })
  }

  @Test("a linked folder outside the content folder, and links in topic images, are not published")
  func linkToOutsideFolder() throws {
    let outside = folder + "/private"
    try TestFiles.write("token=abc123secret\n", to: outside + "/credentials.txt")
    try link(tutorial + "/data", to: outside)
    try FileManager.default.createDirectory(
      atPath: configuration.contentFolder + "/topics/topic-a/images", withIntermediateDirectories: true)
    try link(configuration.contentFolder + "/topics/topic-a/images/x.png", to: secret)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!FileManager.default.fileExists(atPath: published + "/data"))
    #expect(!FileManager.default.fileExists(atPath: site + "/topics/topic-a/images/x.png"))
    #expect(!(try everythingPublished()).contains("abc123secret"))
    #expect(!(try everythingPublished()).contains("not-for-the-web"))
    #expect(report.diagnostics.contains { $0.file == tutorial + "/data" && $0.severity == .warning })
    #expect(report.diagnostics.contains { $0.file.hasSuffix("images/x.png") && $0.severity == .warning })
  }

  @Test("with --strict a link leaving the content folder is an error")
  func strictLink() throws {
    try link(tutorial + "/notes.txt", to: secret)
    var strict = configuration
    strict.strict = true
    let report = try SiteBuilder(configuration: strict).build()
    #expect(report.diagnostics.contains { $0.file == tutorial + "/notes.txt" && $0.severity == .error })
  }

  @Test("links that stay inside the content folder keep working")
  func linkInsideContent() throws {
    try TestFiles.write("shared data\n", to: configuration.contentFolder + "/shared/table.csv")
    try link(tutorial + "/table.csv", to: "../../../../shared/table.csv")
    let other = configuration.contentFolder + "/topics/topic-a/tutorials/lesson-1"
    try link(tutorial + "/lesson-1-files", to: other)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.diagnostics.contains { $0.severity == .warning || $0.severity == .error })
    #expect(try SiteTestSupport.read(published + "/table.csv") == "shared data\n")
    #expect(FileManager.default.fileExists(atPath: site + "/topics/topic-a/tutorials/lesson-1/tutorial.html"))
  }

  @Test("a dangling tutorial.md link is reported as an error, not silently dropped")
  func danglingLesson() throws {
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/moved"
    try FileManager.default.createDirectory(atPath: lesson, withIntermediateDirectories: true)
    try link(lesson + "/tutorial.md", to: "../../../../elsewhere/tutorial.md")
    let report = try SiteBuilder(configuration: configuration).build()
    let error = try #require(report.diagnostics.first { $0.file == lesson + "/tutorial.md" })
    #expect(error.severity == .error)
    #expect(error.message.contains("does not exist"))
    #expect(report.hasErrors)
    // The other lessons are still built.
    #expect(FileManager.default.fileExists(atPath: published + "/tutorial.html"))
  }

  @Test("a tutorial.md linked to a file outside the content folder is not rendered")
  func lessonOutside() throws {
    let lesson = configuration.contentFolder + "/topics/topic-a/tutorials/stolen"
    try FileManager.default.createDirectory(atPath: lesson, withIntermediateDirectories: true)
    try link(lesson + "/tutorial.md", to: secret)
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(report.diagnostics.contains { $0.file == lesson + "/tutorial.md" && $0.severity == .error })
    #expect(!FileManager.default.fileExists(atPath: site + "/topics/topic-a/tutorials/stolen"))
    #expect(!(try everythingPublished()).contains("not-for-the-web"))
  }

  @Test("a notebook embeds the images a lesson shows from inside the content folder only, and never blocks on a pipe")
  func notebookImages() throws {
    let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    try Data(png + Array("not-for-the-web".utf8)).write(to: URL(fileURLWithPath: folder + "/outside.png"))
    try link(tutorial + "/leak.png", to: folder + "/outside.png")
    try FileManager.default.createDirectory(
      atPath: configuration.contentFolder + "/topics/topic-a/images", withIntermediateDirectories: true)
    try Data(png + Array("inside-the-content".utf8)).write(
      to: URL(fileURLWithPath: configuration.contentFolder + "/topics/topic-a/images/inside.png"))
    #expect(mkfifo(tutorial + "/pipe.png", 0o644) == 0)
    try TestFiles.write(
      """
      ---
      title: Images
      ---
      A link ![a](leak.png), a path escaping by percent-encoded dots ![b](%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/outside.png),
      a named pipe ![c](pipe.png) and the topic's own image ![d](../../images/inside.png).

      ```swift
      print(1)
      ```

      """, to: tutorial + "/tutorial.md")
    _ = try SiteBuilder(configuration: configuration).build()
    let notebook = try SiteTestSupport.read(published + "/lesson-0.ipynb")
    let embedded = notebook.matches(of: /data:image\/png;base64,([A-Za-z0-9+\/=]+)/).compactMap {
      Data(base64Encoded: String($0.1)).map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(embedded.count == 1 && embedded.first?.hasSuffix("inside-the-content") == true, "\(embedded)")
    #expect(notebook.contains("](leak.png)") && notebook.contains("](pipe.png)"), "links left as written")
    #expect(!(try everythingPublished()).contains("not-for-the-web"))
  }

  @Test("a CONTRIBUTORS.yaml linked to a YAML file outside the content folder is not read, with a warning naming it")
  func contributorsOutside() throws {
    try TestFiles.write("alice:\n  name: not-for-the-web\n  affiliations: [not-for-the-web]\n", to: folder + "/people.yaml")
    try link(configuration.contentFolder + "/CONTRIBUTORS.yaml", to: folder + "/people.yaml")
    try TestFiles.write("---\ntitle: Lesson\ncontributors: [alice]\n---\nText.\n", to: tutorial + "/tutorial.md")
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!(try everythingPublished()).contains("not-for-the-web"))
    #expect(try SiteTestSupport.read(published + "/tutorial.html").contains("alice"), "the id is still shown")
    let warning = try #require(report.diagnostics.first { $0.file.hasSuffix("/CONTRIBUTORS.yaml") })
    #expect(warning.severity == .warning && warning.message.contains("outside the content folder"))
  }

  @Test("named pipes in the content folder are skipped with a warning naming them; the rest of the site is built", .timeLimit(.minutes(1)))
  func namedPipes() throws {
    let content = configuration.contentFolder
    try FileManager.default.createDirectory(atPath: content + "/topics/topic-a/images", withIntermediateDirectories: true)
    let other = content + "/topics/topic-a/tutorials/piped"
    try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
    let pipes = [tutorial + "/notes.txt", content + "/topics/topic-a/images/x.png", other + "/tutorial.md", content + "/site.yaml"]
    for pipe in pipes { #expect(mkfifo(pipe, 0o644) == 0) }
    try link(tutorial + "/linked.csv", to: "notes.txt")
    // On a thread with a deadline: a build blocked on a pipe must fail the test, not hang the run.
    let outcome = BuildOutcome()
    let done = DispatchSemaphore(value: 0)
    let configuration = configuration
    Thread {
      outcome.result = Result { try SiteBuilder(configuration: configuration).build() }
      done.signal()
    }.start()
    try #require(done.wait(timeout: .now() + 45) == .success, "the build blocked")
    let report = try #require(try outcome.result?.get())
    for pipe in pipes + [tutorial + "/linked.csv"] {
      #expect(report.diagnostics.contains { $0.file == pipe && $0.message.contains("not a regular file") }, "\(pipe)")
    }
    #expect(FileManager.default.fileExists(atPath: published + "/tutorial.html"))
    #expect(!FileManager.default.fileExists(atPath: published + "/notes.txt"))
    #expect(!FileManager.default.fileExists(atPath: site + "/topics/topic-a/images/x.png"))
  }

  private final class BuildOutcome: @unchecked Sendable {
    var result: Result<BuildReport, any Error>?
  }

  @Test("a file swapped for an outside link after the scan is not copied")
  func swappedAfterScan() throws {
    let copy = folder + "/copy.txt"
    try link(tutorial + "/notes.txt", to: secret)
    #expect(throws: SiteError.self) {
      try FileSystem.copy(tutorial + "/notes.txt", to: copy, confinedTo: try ContentRoot(configuration.contentFolder).realPath)
    }
    #expect(!FileManager.default.fileExists(atPath: copy))
  }

  @Test("a template or an asset linked to a file outside the templates folder stops the build before anything is written")
  func templatesOutside() throws {
    for linked in ["assets/leak.css", "partials/leak.mustache"] {
      let templates = folder + "/templates-\(linked.hasPrefix("assets") ? "a" : "p")"
      try FileManager.default.copyItem(atPath: SiteTestSupport.templates, toPath: templates)
      try link(templates + "/" + linked, to: secret)
      var configuration = configuration
      configuration.templatesFolder = templates
      let error = try #require(throws: SiteError.self) { try SiteBuilder(configuration: configuration).build() }
      #expect(error.file == templates + "/" + linked)
      #expect(!FileManager.default.fileExists(atPath: site))
    }
  }

  @Test("a temporary results file left by an interrupted save is not published")
  func temporaryResults() throws {
    try TestFiles.write("{}", to: tutorial + "/tutorial.results.json.tmp-123-456")
    try TestFiles.write("{}", to: tutorial + "/tutorial.results.json")
    _ = try SiteBuilder(configuration: configuration).build()
    let names = try FileManager.default.contentsOfDirectory(atPath: published)
    #expect(!names.contains { $0.contains(".tmp-") || $0.contains("results.json") })
  }

  @Test("an output folder inside the content folder, or inside a lesson folder, is refused with a clear error")
  func outputInsideContent() throws {
    for output in [tutorial + "/site", configuration.contentFolder + "/site", configuration.contentFolder + "/topics/x/y"] {
      var inside = configuration
      inside.outputFolder = output
      let error = try #require(throws: SiteError.self) { try SiteBuilder(configuration: inside).build() }
      #expect(error.code == .invalidSetting)
      #expect(error.reason.contains("inside the content folder"))
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }
}
