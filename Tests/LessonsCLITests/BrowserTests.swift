import Foundation
import Testing
import TestSupport

/// Headless Chromium, when installed (`scripts/ensure-dependencies.sh chromium`; scripts/test.sh installs it).
enum Browser {
  static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

  /// The DOM of `url` after its scripts ran (`--dump-dom`); `settle` milliseconds let asynchronous work (an event
  /// stream) arrive first. `virtualTime` milliseconds of the page's timers run (on a virtual clock that waits for
  /// loads) before the dump, for a page that drives itself after its load event. Bounded by the runner's timeout.
  static func dom(_ url: String, settle: Int? = nil, virtualTime: Int? = nil) async throws -> String {
    guard let path else { throw RunnerError("chromium is not installed") }
    var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--dump-dom"]
    if getuid() == 0 { arguments.append("--no-sandbox") }
    if let settle { arguments.append("--timeout=\(settle)") }
    if let virtualTime { arguments.append("--virtual-time-budget=\(virtualTime)") }
    let profile = NSTemporaryDirectory() + "chromium-profile-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: profile) }
    arguments += ["--user-data-dir=" + profile, url]
    let result = try await CommandRunner.run(program: path, arguments, in: NSTemporaryDirectory(), timeout: 90)
    guard result.status == 0 else { throw RunnerError("chromium exited \(result.status): \(result.errors.suffix(500))") }
    return result.output
  }
}

@Suite("Pages in a real browser", .serialized, .enabled(if: Browser.path != nil, "chromium is not installed"))
struct BrowserTests {
  static let lesson = """
    ---
    title: Browser
    ---
    Some code:

    ```bash
    echo "a very long line that scrolls sideways on a phone screen because it never wraps at all, not once"
    ```

    > <question-title>Q</question-title>
    > Why?
    >
    > > <solution-title>Answer</solution-title>
    > > Because the solution text is here.
    > {: .solution}
    {: .question}

    """

  /// A built project whose first lesson is `lesson`.
  static func builtProject() async throws -> String {
    let project = try CommandRunner.makeProject(lessons: 1)
    try TestFiles.write(lesson, to: project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md")
    let build = try await CommandRunner.run(["build", "--quiet"], in: project)
    guard build.status == 0 else { throw RunnerError("build failed: \(build.errors)") }
    return project
  }

  @Test("from file://, every code block gets a copy button and stays a plain <pre> without the script",
    .timeLimit(.minutes(3)))
  func copyButtons() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let page = project + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html"
    let html = try CommandRunner.read(page)
    #expect(html.contains("<script src=\"../../../../assets/site.js\" defer=\"defer\"></script>"), "not a relative script")
    #expect(html.contains("<pre tabindex=\"0\""), "code is not reachable by keyboard without the script")
    #expect(!html.contains("copy-button"), "the copy button needs the script, so the page must not have it")
    let dom = try await Browser.dom("file://" + page)
    #expect(dom.components(separatedBy: "class=\"copy-button\"").count - 1 == html.components(separatedBy: "<pre").count - 1)
    #expect(dom.contains("<div class=\"code-block\"><pre"))
  }

  @Test("printing opens closed solutions, tips and details, and closes them again after", .timeLimit(.minutes(3)))
  func printing() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    let probe = project + "/site/print-probe.html"
    try TestFiles.write(
      """
      <!DOCTYPE html><html><head><script src="assets/site.js"></script></head><body>
      <details class="box box-solution"><summary>S</summary><p>x</p></details>
      <details open><summary>T</summary><p>y</p></details>
      <script>
      window.addEventListener("load", function () {
        var boxes = document.querySelectorAll("details");
        window.dispatchEvent(new Event("beforeprint"));
        var printed = [boxes[0].open, boxes[1].open].join(",");
        window.dispatchEvent(new Event("afterprint"));
        document.body.setAttribute("data-result", printed + ";" + [boxes[0].open, boxes[1].open].join(","));
      });
      </script></body></html>
      """, to: probe)
    let dom = try await Browser.dom("file://" + probe)
    #expect(dom.contains("data-result=\"true,true;false,true\""), "\(dom.suffix(400))")
    let css = try CommandRunner.read(project + "/site/assets/style.css")
    #expect(css.contains("details::details-content { content-visibility: visible; display: block; }"))
  }

  @Test("lessons serve shows a build error over the page, with file:line", .timeLimit(.minutes(3)))
  func errorOverlay() async throws {
    let server = try await ServeCommandTests.Server.start()
    defer { server.stop() }
    let events = try LiveReloadTests.EventStream(port: server.port)
    // The stream answers once the first build is done (connections wait in the backlog until then): break the
    // template only after it, or there is no page to show the overlay on.
    #expect(try await events.wait(for: "event: hello", seconds: 60), "no hello event: \(events.received)")
    try CommandRunner.save("<html>{{#broken}}</html>\n", to: server.project + "/templates/layout.mustache")
    #expect(try await events.wait(for: "layout.mustache:", seconds: 60), "no rebuild event with the error: \(events.received)")
    // --timeout stops the page after that many milliseconds, however far it got: on a loaded machine the event
    // may not have arrived yet, so look again with longer waits (bounded: three tries).
    var dom = ""
    for settle in [3000, 10_000, 20_000] {
      dom = try await Browser.dom(
        "http://127.0.0.1:\(server.port)/topics/topic-a/tutorials/lesson-0/tutorial.html", settle: settle)
      if dom.contains("lessons-build-error") { break }
    }
    #expect(dom.contains("id=\"lessons-build-error\""), "no overlay in \(dom.suffix(600)); events: \(events.received)")
    #expect(dom.contains("layout.mustache:"))
  }

  @Test("search.html?q= lists the matching lesson with its section and the match marked, from file://",
    .timeLimit(.minutes(3)))
  func search() async throws {
    let project = try await Self.builtProject()
    defer { try? FileManager.default.removeItem(atPath: project) }
    for page in ["index.html", "topics/topic-a/tutorials/lesson-0/tutorial.html"] {
      #expect(try CommandRunner.read(project + "/site/" + page).contains("id=\"site-search-query\""), "\(page) has no search box")
    }
    let index = try CommandRunner.read(project + "/site/search-index.js")
    #expect(index.hasPrefix("window.lessonsSearchIndex = "))
    let dom = try await Browser.dom("file://" + project + "/site/search.html?q=sidew")
    #expect(dom.contains("1 lesson matches"), "\(dom.suffix(1200))")
    #expect(dom.contains("href=\"topics/topic-a/tutorials/lesson-0/tutorial.html\">Browser</a>"))
    #expect(dom.contains("<mark>sideways</mark>"))
    let none = try await Browser.dom("file://" + project + "/site/search.html?q=zzzqqq")
    #expect(none.contains("No lesson matches"))
  }
}
