import Foundation
import Testing
import TestSupport

/// The lesson navigation as a reader's browser shows it: the agenda beside the lesson and in view while it scrolls
/// on a wide screen, in place on a narrow one; previous/next links that lead to the topic's pages from file://.
@Suite("Lesson navigation in a real browser", .serialized, .enabled(if: Browser.path != nil, "chromium is not installed"))
struct NavigationBrowserTests {
  /// A built project whose lesson 1 is long, with sections, between lessons 0 and 2.
  static func builtProject() throws -> String {
    let project = try CommandRunner.makeProject(lessons: 3)
    let sections = (1...12).map { "## Section \($0)\n\n" + String(repeating: "A line of text to scroll past. ", count: 60) }
    try TestFiles.write(
      "---\ntitle: Lesson 1\n---\nIntroduction.\n\n" + sections.joined(separator: "\n\n") + "\n",
      to: project + "/content/topics/topic-a/tutorials/lesson-1/tutorial.md")
    let build = try CommandRunner.run(["build", "--quiet"], in: project)
    guard build.status == 0 else { throw RunnerError("build failed: \(build.errors)") }
    return project
  }

  /// The DOM of the lesson page at `width` after a probe script scrolled it and wrote what it measured into
  /// `<body data-probe>`: the agenda's position, its top edge in the window, and where prev/next lead.
  static func probe(_ project: String, width: Int) throws -> String {
    let page = project + "/site/topics/topic-a/tutorials/lesson-1/tutorial.html"
    let probe = project + "/site/topics/topic-a/tutorials/lesson-1/probe.html"
    let script = """
      <script>
      window.addEventListener('load', () => {
        const toc = document.querySelector('nav.toc');
        const style = getComputedStyle(toc);
        window.scrollTo(0, document.body.scrollHeight / 2);
        const top = Math.round(toc.getBoundingClientRect().top);
        const prev = document.querySelector('a[rel=prev]').href.split('/').slice(-2).join('/');
        const next = document.querySelector('a[rel=next]').href.split('/').slice(-2).join('/');
        document.body.dataset.probe = [style.position, style.display, top, prev, next].join(' ');
      });
      </script>
      """
    try TestFiles.write(try CommandRunner.read(page).replacingOccurrences(of: "</body>", with: script + "</body>"), to: probe)
    guard let chromium = Browser.path else { throw RunnerError("chromium is not installed") }
    var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--dump-dom", "--window-size=\(width),800"]
    if getuid() == 0 { arguments.append("--no-sandbox") }
    let profile = NSTemporaryDirectory() + "chromium-profile-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: profile) }
    arguments += ["--user-data-dir=" + profile, "file://" + probe]
    let result = try CommandRunner.run(program: chromium, arguments, in: NSTemporaryDirectory(), timeout: 90)
    guard result.status == 0 else { throw RunnerError("chromium exited \(result.status): \(result.errors.suffix(500))") }
    guard let match = result.output.firstMatch(of: /data-probe="([^"]*)"/) else {
      throw RunnerError("the probe wrote nothing")
    }
    return String(match.1)
  }

  @Test("at 1280 px the agenda is sticky and still in view halfway down the lesson; prev/next lead to lessons 0 and 2",
    .timeLimit(.minutes(3)))
  func wide() throws {
    let project = try Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let fields = try Self.probe(project, width: 1280).split(separator: " ")
    #expect(fields.count == 5)
    guard fields.count == 5 else { return }
    #expect(fields[0] == "sticky")
    #expect(fields[1] == "block")
    let top = Int(fields[2]) ?? -1
    #expect((0...40).contains(top), "the agenda scrolled away: its top is at \(top) px")
    #expect(fields[3] == "lesson-0/tutorial.html")
    #expect(fields[4] == "lesson-2/tutorial.html")
  }

  @Test("at 390 px the agenda stays in the flow (not sticky) and scrolls away with the text", .timeLimit(.minutes(3)))
  func narrow() throws {
    let project = try Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let fields = try Self.probe(project, width: 390).split(separator: " ")
    #expect(fields.count == 5)
    guard fields.count == 5 else { return }
    #expect(fields[0] == "static")
    #expect((Int(fields[2]) ?? 0) < 0, "the agenda should have scrolled out of view")
  }
}
