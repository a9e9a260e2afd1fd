import Foundation
import Testing
import TestSupport

@Suite("lessons build, driven like a user", .serialized)
struct BuildCommandTests {
  @Test("a build writes pages whose relative links all lead to files of the site", .timeLimit(.minutes(1)))
  func buildAndLinks() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let result = try await CommandRunner.run(["build"], in: project)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.output.contains("Built 2 lesson(s)"))
    let site = project + "/site"
    let pages = [
      "index.html", "topics/topic-a/index.html", "topics/topic-a/tutorials/lesson-0/tutorial.html",
      "topics/topic-a/tutorials/lesson-1/tutorial.html",
    ]
    for page in pages {
      let html = try CommandRunner.read(site + "/" + page)
      #expect(CommandRunner.wellFormednessError(html) == nil, "\(page)")
      let folder = (page as NSString).deletingLastPathComponent
      for link in CommandRunner.links(in: html) where !link.hasPrefix("#") {
        #expect(!link.hasPrefix("/") && !link.contains("://"), "\(page) links \(link) absolutely")
        let path = link.split(separator: "#").first.map(String.init) ?? link
        let target = URL(fileURLWithPath: site + "/" + folder + "/" + path).standardizedFileURL.path
        #expect(FileManager.default.fileExists(atPath: target), "\(page) links \(link), which does not exist")
      }
    }
    #expect(FileManager.default.fileExists(atPath: site + "/topics/topic-a/tutorials/lesson-0/figure.svg"))
    #expect(FileManager.default.fileExists(atPath: site + "/topics/topic-a/images/t.svg"))
    let sitemap = try CommandRunner.read(site + "/sitemap.xml")
    #expect(sitemap.contains("topics/topic-a/tutorials/lesson-1/tutorial.html"))
  }

  @Test("a second build reports the site up to date; --quiet prints nothing", .timeLimit(.minutes(1)))
  func upToDate() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    #expect(try await CommandRunner.run(["build", "--quiet"], in: project).output.isEmpty)
    let second = try await CommandRunner.run(["build"], in: project)
    #expect(second.status == 0)
    #expect(second.output.contains("up to date"))
  }

  @Test("a failed build exits 1, names the file and line, and leaves the previous site intact", .timeLimit(.minutes(1)))
  func atomicFailure() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    #expect(try await CommandRunner.run(["build", "--quiet"], in: project).status == 0)
    let page = project + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html"
    let before = try CommandRunner.read(page)
    try TestFiles.write("<main>\n{{#unclosed}}\n</main>\n", to: project + "/templates/tutorial.mustache")
    try TestFiles.write("---\ntitle: Changed\n---\nNew text, longer than before.\n",
      to: project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md")
    let result = try await CommandRunner.run(["build"], in: project)
    #expect(result.status == 1)
    #expect(result.errors.contains("tutorial.mustache:"))
    #expect(try CommandRunner.read(page) == before)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: project).filter { $0.hasPrefix(".site.") }
    #expect(leftovers.isEmpty)
  }

  @Test("broken YAML is reported with file and line, the lessons still build, the exit status is 1", .timeLimit(.minutes(1)))
  func brokenYAML() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write("title: [oops\n", to: project + "/content/topics/topic-a/metadata.yaml")
    let result = try await CommandRunner.run(["build"], in: project)
    #expect(result.status == 1)
    #expect(result.errors.contains("content/topics/topic-a/metadata.yaml:2: error: broken YAML"), "\(result.errors)")
    #expect(FileManager.default.fileExists(atPath: project + "/site/topics/topic-a/tutorials/lesson-1/tutorial.html"))
  }

  @Test("missing content is a clear error, not a crash", .timeLimit(.minutes(1)))
  func missingContent() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let result = try await CommandRunner.run(["build", "--content", "nowhere"], in: project)
    #expect(result.status == 1)
    #expect(result.errors.contains("nowhere/topics"))
    #expect(!FileManager.default.fileExists(atPath: project + "/site"))
  }

  @Test("bad options are refused with a usage message", .timeLimit(.minutes(1)))
  func badOptions() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let jobs = try await CommandRunner.run(["build", "--jobs", "0"], in: project)
    #expect(jobs.status != 0)
    #expect(jobs.errors.contains("--jobs"))
    let names = try await CommandRunner.run(["build", "lesson-0"], in: project)
    #expect(names.status != 0)
    #expect(names.errors.contains("--refresh"))
  }

  @Test("lessons check prints each problem as file:line: severity: message and writes nothing", .timeLimit(.minutes(1)))
  func check() async throws {
    let project = try CommandRunner.makeProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let clean = try await CommandRunner.run(["check"], in: project)
    #expect(clean.status == 0, "\(clean.errors)")
    #expect(clean.output.contains("Checked 2 lesson(s)"))
    try TestFiles.write("title: Topic\nsummary: \"unclosed\n", to: project + "/content/topics/topic-a/metadata.yaml")
    let broken = try await CommandRunner.run(["check"], in: project)
    #expect(broken.status == 1)
    let line = try #require(broken.errors.split(separator: "\n").first { $0.contains("metadata.yaml") })
    #expect(line.contains("content/topics/topic-a/metadata.yaml:"))
    #expect(line.contains(": error: "))
    #expect(!FileManager.default.fileExists(atPath: project + "/site"))
  }
}
