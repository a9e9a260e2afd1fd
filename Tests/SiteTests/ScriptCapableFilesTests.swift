import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// Files beside a lesson, in a topic's `images/` and contributors' avatars are published on the site's own origin:
/// unless `raw_html: trusted`, those a browser would run script from (`evil.html`, an SVG with `onload=`) are left
/// out with a warning naming them, clean SVG figures are published byte for byte, and everything else as before.
@Suite("files that could run script", .serialized)
struct ScriptCapableFilesTests {
  static let lessonFolder = "topics/topic-a/tutorials/lesson-0"
  static let cleanSVG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><path d=\"M0 0\"/></svg>\n"
  static let refusedBeside = [
    "evil.html", "evil.HTM", "evil.shtml", "evil.xhtml", "evil.xsl", "evil.xslt", "evil.js", "evil.mjs", "evil.swf",
    "evil.svgz",
  ]
  static let hostileSVG = "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<rect onload=\"alert(1)\"/></svg>\n"

  struct Built {
    var site: String
    var diagnostics: [Diagnostic]
    var rebuiltDiagnostics: [Diagnostic]
  }

  /// A builder of the site of `content` into `folder`/site, with the shipped templates.
  static func builder(_ content: String, in folder: String) -> SiteBuilder {
    SiteBuilder(configuration: BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: folder + "/site", jobs: 2))
  }

  /// Builds a one-lesson site holding every kind of file (twice: the second build has nothing to do), with
  /// `siteYAML`, and calls `check` before the folder is removed.
  static func build(siteYAML: String, _ check: (Built) throws -> Void) throws {
    let folder = try TestFiles.temporaryFolder(prefix: "script-capable-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 1)
    try TestFiles.write(siteYAML, to: content + "/site.yaml")
    try TestFiles.write("bebatut:\n  name: B\n", to: content + "/CONTRIBUTORS.yaml")
    try TestFiles.write(
      "---\ntitle: Lesson 0\ncontributors: [bebatut]\n---\nText.\n", to: content + "/\(lessonFolder)/tutorial.md")
    for name in refusedBeside { try TestFiles.write("<script>alert(1)</script>\n", to: content + "/\(lessonFolder)/\(name)") }
    try TestFiles.write(hostileSVG, to: content + "/\(lessonFolder)/images/evil.svg")
    try TestFiles.write("<?xml-stylesheet type=\"text/xsl\" href=\"evil.xsl\"?>\n<a/>\n", to: content + "/\(lessonFolder)/evil.xml")
    try TestFiles.write(cleanSVG, to: content + "/\(lessonFolder)/images/figure.svg")
    try TestFiles.write("<tool id=\"x\"><command>echo</command></tool>\n", to: content + "/\(lessonFolder)/tool.xml")
    try TestFiles.write("a,b\n1,2\n", to: content + "/\(lessonFolder)/data.csv")
    try TestFiles.write("body { color: red }\n", to: content + "/\(lessonFolder)/style.css")
    try TestFiles.write(hostileSVG, to: content + "/topics/topic-a/images/evil.svg")
    try TestFiles.write(cleanSVG, to: content + "/topics/topic-a/images/ok.svg")
    try TestFiles.write(hostileSVG, to: content + "/contributors/bebatut.svg")
    let first = try builder(content, in: folder).build()
    #expect(!first.hasErrors, "\(first.diagnostics)")
    let second = try builder(content, in: folder).build()
    try check(Built(site: folder + "/site", diagnostics: first.diagnostics, rebuiltDiagnostics: second.diagnostics))
  }

  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  @Test("by default, each kind that runs script is left out with a warning naming it; the rest is published")
  func refusedByDefault() throws {
    try Self.build(siteYAML: "title: S\n") { built in
      let lesson = built.site + "/" + Self.lessonFolder
      for name in Self.refusedBeside + ["images/evil.svg", "evil.xml"] {
        #expect(!Self.exists(lesson + "/" + name), "\(name) published")
        #expect(
          built.diagnostics.contains { $0.severity == .warning && $0.file.hasSuffix("/\(Self.lessonFolder)/\(name)") && $0.message.contains("not published") },
          "no warning for \(name)")
      }
      #expect(built.diagnostics.contains {
        $0.file.hasSuffix("lesson-0/images/evil.svg") && $0.line == 2 && $0.message.contains("an event handler attribute (onload)")
      })
      #expect(built.diagnostics.contains {
        $0.file.hasSuffix("lesson-0/evil.xml") && $0.message.contains("the processing instruction <?xml-stylesheet…?>")
      })
      #expect(!Self.exists(built.site + "/topics/topic-a/images/evil.svg"))
      #expect(built.diagnostics.contains { $0.file.hasSuffix("topics/topic-a/images/evil.svg") && $0.message.contains("onload") })
      #expect(!Self.exists(built.site + "/contributors/bebatut.svg"))
      #expect(built.diagnostics.contains { $0.file.hasSuffix("contributors/bebatut.svg") })
      let person = try SiteTestSupport.read(built.site + "/contributors/bebatut.html")
      #expect(!person.contains("bebatut.svg"), "the page shows no avatar that was not published")
      for name in ["images/figure.svg", "tool.xml", "data.csv", "style.css"] {
        #expect(Self.exists(lesson + "/" + name), "\(name) not published")
      }
      #expect(Self.exists(built.site + "/topics/topic-a/images/ok.svg"))
      #expect(built.diagnostics.count { $0.message.contains("not published (raw_html: trusted") } == 14)
      // A build with nothing to do reports them again: the files are still there.
      #expect(Set(built.rebuiltDiagnostics) == Set(built.diagnostics))
    }
  }

  @Test("a clean SVG figure is published byte for byte")
  func cleanSVGIsIdentical() throws {
    try Self.build(siteYAML: "title: S\n") { built in
      let figure = try Data(contentsOf: URL(fileURLWithPath: built.site + "/" + Self.lessonFolder + "/images/figure.svg"))
      #expect(figure == Data(Self.cleanSVG.utf8))
      let image = try Data(contentsOf: URL(fileURLWithPath: built.site + "/topics/topic-a/images/ok.svg"))
      #expect(image == Data(Self.cleanSVG.utf8))
    }
  }

  @Test("raw_html: trusted publishes every file as it is, without a warning")
  func trustedPublishesEverything() throws {
    try Self.build(siteYAML: "title: S\nraw_html: trusted\n") { built in
      for name in Self.refusedBeside + ["images/evil.svg", "evil.xml", "images/figure.svg"] {
        #expect(Self.exists(built.site + "/" + Self.lessonFolder + "/" + name), "\(name) not published")
      }
      #expect(Self.exists(built.site + "/topics/topic-a/images/evil.svg"))
      #expect(Self.exists(built.site + "/contributors/bebatut.svg"))
      #expect(!built.diagnostics.contains { $0.message.contains("not published") })
    }
  }

  @Test("a published figure edited to hold script is removed from the site by the next (partial) build")
  func editedFigureIsRemoved() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "script-capable-edit-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 1)
    try TestFiles.write(Self.cleanSVG, to: content + "/\(Self.lessonFolder)/figure.svg")
    try TestFiles.write(Self.cleanSVG, to: content + "/topics/topic-a/images/map.svg")
    _ = try Self.builder(content, in: folder).build()
    let site = folder + "/site"
    #expect(Self.exists(site + "/\(Self.lessonFolder)/figure.svg") && Self.exists(site + "/topics/topic-a/images/map.svg"))
    try TestFiles.write(Self.hostileSVG + "\n", to: content + "/\(Self.lessonFolder)/figure.svg")
    try TestFiles.write(Self.hostileSVG + "\n", to: content + "/topics/topic-a/images/map.svg")
    let report = try Self.builder(content, in: folder).build()
    #expect(!Self.exists(site + "/\(Self.lessonFolder)/figure.svg"))
    #expect(!Self.exists(site + "/topics/topic-a/images/map.svg"))
    #expect(report.diagnostics.count { $0.message.contains("an event handler attribute (onload)") } == 2)
  }

  @Test("lessons check, which writes nothing, reports the files beside a lesson a build would leave out")
  func checkReportsThem() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "script-capable-check-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 1)
    try TestFiles.write("---\ntitle: Lesson 0\n---\nText.\n", to: content + "/\(Self.lessonFolder)/tutorial.md")
    try TestFiles.write("<script>alert(1)</script>\n", to: content + "/\(Self.lessonFolder)/evil.html")
    try TestFiles.write(Self.hostileSVG, to: content + "/\(Self.lessonFolder)/images/evil.svg")
    try TestFiles.write(Self.cleanSVG, to: content + "/\(Self.lessonFolder)/images/figure.svg")
    for trusted in [false, true] {
      try TestFiles.write(trusted ? "title: S\nraw_html: trusted\n" : "title: S\n", to: content + "/site.yaml")
      let report = try Self.builder(content, in: folder).check()
      let refused = report.diagnostics.filter { $0.message.contains("not published") }.map(\.file).sorted()
      #expect(!Self.exists(folder + "/site"), "check writes nothing")
      if trusted {
        #expect(refused.isEmpty, "\(report.diagnostics)")
      } else {
        #expect(refused.count == 2, "\(report.diagnostics)")
        #expect(refused.first?.hasSuffix("/\(Self.lessonFolder)/evil.html") == true)
        #expect(refused.last?.hasSuffix("/\(Self.lessonFolder)/images/evil.svg") == true)
        #expect(report.diagnostics.contains { $0.file.hasSuffix("images/evil.svg") && $0.line == 2 })
      }
    }
  }

  @Test("a slides file the build leaves out (no front matter: an HTML page) gets no Slides link; rendered slides do")
  func slidesLinkOnlyWhenPublished() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "script-capable-slides-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = try SiteTestSupport.makeContent(in: folder, lessons: 2)
    try TestFiles.write("title: S\n", to: content + "/site.yaml")
    try TestFiles.write("<script>alert(1)</script>\n", to: content + "/topics/topic-a/tutorials/lesson-0/slides.html")
    try TestFiles.write(
      "---\nlayout: tutorial_slides\ntitle: Deck\n---\n\n# One\n", to: content + "/topics/topic-a/tutorials/lesson-1/slides.html")
    let report = try Self.builder(content, in: folder).build()
    #expect(!report.hasErrors, "\(report.diagnostics)")
    let lessons = folder + "/site/topics/topic-a/tutorials/"
    #expect(!Self.exists(lessons + "lesson-0/slides.html"))
    #expect(!(try SiteTestSupport.read(lessons + "lesson-0/tutorial.html")).contains("href=\"slides.html\""))
    #expect(Self.exists(lessons + "lesson-1/slides.html"))
    #expect(try SiteTestSupport.read(lessons + "lesson-1/tutorial.html").contains("href=\"slides.html\""))
  }

  @Test("the rule by name: case does not matter, only the last extension counts")
  func ruleByName() {
    #expect(ScriptCapableFiles.rule(for: "a/B.HTML") == .refused("an HTML page"))
    #expect(ScriptCapableFiles.rule(for: "figure.Svg") == .checked("an SVG image"))
    #expect(ScriptCapableFiles.rule(for: "x.html.txt") == .published)
    #expect(ScriptCapableFiles.rule(for: "a.b/README") == .published)
    #expect(ScriptCapableFiles.rule(for: "slides.pdf") == .published)
  }
}
