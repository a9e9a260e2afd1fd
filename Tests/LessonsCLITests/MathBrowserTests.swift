import Foundation
import Testing
import TestSupport

/// Formulas built into a lesson page render as MathML in headless Chromium: a fraction is stacked, a superscript
/// raised, a display sum's limits under and over it, all without a script or a request to a CDN.
@Suite("Math in a real browser", .serialized, .enabled(if: Browser.path != nil, "chromium is not installed"))
struct MathBrowserTests {
  /// The probe runs after the formulas in the page and writes what the browser laid out into `data-math`.
  static let lesson = """
    ---
    title: Math
    ---
    The weight $$w_{i,j}^2$$ is learned.

    $$
    \\frac{a_1}{b} + \\sum_{i=1}^{n} x_i
    $$

    <p id="probe">probe</p>
    <script>
    (function () {
      // No & or < in the script: the builder writes a raw & as &amp; to keep the page well-formed XML.
      var box = function (element) { return element.getBoundingClientRect(); };
      var notAfter = function (a, b) { return Math.max(a - b, 0) === 0; };
      var fraction = document.querySelector(".math-display mfrac");
      var stacked = notAfter(box(fraction.children[0]).bottom, box(fraction.children[1]).top + 1);
      var power = document.querySelector("p math msubsup");
      var raised = notAfter(box(power.children[2]).top + 1, box(power.children[0]).top);
      var sum = document.querySelector(".math-display munderover");
      var limits = [notAfter(box(sum.children[0]).bottom - 1, box(sum.children[1]).top),
        notAfter(box(sum.children[2]).bottom, box(sum.children[0]).top + 1)].every(Boolean);
      var mathML = [fraction.namespaceURI === "http://www.w3.org/1998/Math/MathML", box(fraction).height].every(Boolean);
      document.getElementById("probe").setAttribute("data-math",
        [stacked ? "stacked" : "flat", raised ? "raised" : "level", limits ? "limits" : "nolimits", mathML ? "mathml" : "unknown"].join(" "));
    })();
    </script>

    """

  @Test("a built page lays out fractions, scripts and display limits as MathML", .timeLimit(.minutes(3)))
  func layout() async throws {
    let project = try CommandRunner.makeProject(lessons: 1)
    defer { try? FileManager.default.removeItem(atPath: project) }
    try TestFiles.write(Self.lesson, to: project + "/content/topics/topic-a/tutorials/lesson-0/tutorial.md")
    // The probe is a <script> in the lesson: only a site that trusts its authors publishes it.
    try TestFiles.write("raw_html: trusted\n", to: project + "/content/site.yaml")
    let build = try await CommandRunner.run(["build", "--quiet"], in: project)
    guard build.status == 0 else { throw RunnerError("build failed: \(build.errors)") }
    let page = project + "/site/topics/topic-a/tutorials/lesson-0/tutorial.html"
    let html = try CommandRunner.read(page)
    #expect(html.contains("<div class=\"math-display\" tabindex=\"0\"><math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\""))
    let dom = try await Browser.dom("file://" + page)
    #expect(dom.contains("data-math=\"stacked raised limits mathml\""), "\(dom.firstRange(of: "probe").map { String(dom[$0.lowerBound...].prefix(200)) } ?? "no probe")")
  }
}
