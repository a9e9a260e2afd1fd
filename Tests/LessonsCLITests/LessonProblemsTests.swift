import Foundation
import Testing
import TestSupport

@Suite("Lessons with problems, drafts and disabled lessons, through the lessons command", .serialized)
struct LessonProblemsTests {
  static func lesson(_ project: String, _ slug: String) -> String {
    project + "/content/topics/topic-a/tutorials/\(slug)/tutorial.md"
  }

  static func page(_ project: String, _ slug: String) -> String {
    project + "/site/topics/topic-a/tutorials/\(slug)/tutorial.html"
  }

  @Test("broken front matter and a non-UTF-8 file are errors with file:line; a mismatched box is a warning and builds", .timeLimit(.minutes(1)))
  func brokenLessons() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write("---\ntitle: [broken\n---\nText.\n", to: Self.lesson(project, "yaml"))
    try TestFiles.write(
      "---\ntitle: Box\n---\n> <question-title>Q</question-title>\n> Why?\n{: .solution}\n", to: Self.lesson(project, "box"))
    try FileManager.default.createDirectory(
      atPath: (Self.lesson(project, "binary") as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try Data("---\ntitle: Bytes\n---\nCaf".utf8 + [0xE9, 0xFF] + Data(" au lait\n".utf8))
      .write(to: URL(fileURLWithPath: Self.lesson(project, "binary")))

    let result = try await CommandRunner.run(["build"], in: project)
    #expect(result.status == 1)
    let errors = result.errors.split(separator: "\n").filter { $0.contains(": error: ") }
    #expect(errors.contains { $0.hasPrefix("content/topics/topic-a/tutorials/yaml/tutorial.md:") }, "\(result.errors)")
    #expect(!errors.contains { $0.hasPrefix("content/topics/topic-a/tutorials/box/tutorial.md:") }, "\(result.errors)")
    #expect(result.errors.contains("content/topics/topic-a/tutorials/box/tutorial.md:4: warning: box opened with <question-title>"))
    #expect(errors.contains { $0.hasPrefix("content/topics/topic-a/tutorials/binary/tutorial.md") }, "\(result.errors)")
    #expect(FileManager.default.fileExists(atPath: Self.page(project, "lesson-0")))
    for slug in ["yaml", "binary"] { #expect(!FileManager.default.fileExists(atPath: Self.page(project, slug))) }
    #expect(FileManager.default.fileExists(atPath: Self.page(project, "box")))
  }

  @Test("a warning builds the lesson; --strict makes it an error and leaves the lesson out", .timeLimit(.minutes(1)))
  func strict() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write(
      "---\ntitle: Odd box\n---\n> An odd box.\n{: .no-such-box}\n", to: Self.lesson(project, "odd"))
    let relaxed = try await CommandRunner.run(["build"], in: project)
    #expect(relaxed.status == 0, "\(relaxed.errors)")
    #expect(relaxed.errors.contains(": warning: "))
    #expect(FileManager.default.fileExists(atPath: Self.page(project, "odd")))

    let strict = try await CommandRunner.run(["build", "--strict"], in: project)
    #expect(strict.status == 1)
    #expect(strict.errors.contains("content/topics/topic-a/tutorials/odd/tutorial.md:"))
    #expect(strict.errors.contains(": error: "))
    #expect(!FileManager.default.fileExists(atPath: Self.page(project, "odd")))
    #expect(FileManager.default.fileExists(atPath: Self.page(project, "lesson-0")))
  }

  @Test("a draft is built but not listed; a disabled lesson is not built; titles come from the front matter", .timeLimit(.minutes(1)))
  func draftsAndDisabled() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write("---\ntitle: Work in progress\ndraft: true\n---\nSoon.\n", to: Self.lesson(project, "draft"))
    try TestFiles.write("---\ntitle: Switched off\nenable: false\n---\nHidden.\n", to: Self.lesson(project, "off"))
    let result = try await CommandRunner.run(["build"], in: project)
    #expect(result.status == 0, "\(result.errors)")
    let index = try CommandRunner.read(project + "/site/index.html")
    let sitemap = try CommandRunner.read(project + "/site/sitemap.xml")
    #expect(index.contains(">Lesson 0</a>"))
    #expect(FileManager.default.fileExists(atPath: Self.page(project, "draft")))
    #expect(!index.contains("Work in progress") && !sitemap.contains("/draft/"))
    #expect(!FileManager.default.fileExists(atPath: Self.page(project, "off")))
    #expect(!index.contains("Switched off") && !sitemap.contains("/off/"))
    #expect(result.output.contains("1 disabled"))
  }
}
