import Execution
import Foundation
import Lessons
import Testing

@testable import Site
import TestSupport

/// A small site on disk for the navigation and meta tests: lessons of topic `t` with the given front matter lines
/// and body, an optional site.yaml, built with the repository's templates.
struct NavigationSite {
  let folder: String
  var content: String { folder + "/content" }
  var site: String { folder + "/site" }

  init() throws { folder = try TestFiles.temporaryFolder(prefix: "site-tests-") }

  func lesson(_ slug: String, _ front: String, body: String = "Text.\n") throws {
    try TestFiles.write("---\n\(front)\n---\n\(body)", to: content + "/topics/t/tutorials/\(slug)/tutorial.md")
  }

  func siteFile(_ text: String) throws { try TestFiles.write(text, to: content + "/site.yaml") }

  @discardableResult
  func build(baseURL: String? = nil) throws -> BuildReport {
    try SiteBuilder(
      configuration: BuildConfiguration(
        contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: site, jobs: 2,
        baseURL: baseURL)
    ).build()
  }

  func page(_ slug: String) throws -> String { try SiteTestSupport.read(site + "/topics/t/tutorials/\(slug)/tutorial.html") }

  func remove() { try? FileManager.default.removeItem(atPath: folder) }

  /// Runs git in the content folder with fixed identity and dates; false when git is missing or fails.
  @discardableResult
  func git(_ arguments: [String], date: String = "2021-03-04T05:06:07+00:00") -> Bool {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", content] + arguments
    var environment = ProcessInfo.processInfo.environment
    for key in ["GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"] { environment[key] = nil }
    environment["GIT_AUTHOR_NAME"] = "t"
    environment["GIT_AUTHOR_EMAIL"] = "t@example.org"
    environment["GIT_COMMITTER_NAME"] = "t"
    environment["GIT_COMMITTER_EMAIL"] = "t@example.org"
    environment["GIT_AUTHOR_DATE"] = date
    environment["GIT_COMMITTER_DATE"] = date
    environment["GIT_CONFIG_NOSYSTEM"] = "1"
    environment["HOME"] = folder
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return false }
    process.waitUntilExit()
    return process.terminationStatus == 0
  }
}

@Suite("Lesson navigation: previous/next, agenda, edit link, last-modified date", .serialized)
struct NavigationTests {
  @Test("previous/next links follow the topic page's order; the first has no previous, the last no next; drafts are out", .timeLimit(.minutes(1)))
  func previousNext() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("c", "title: Lesson 10")
    try site.lesson("a", "title: Lesson 2")
    try site.lesson("b", "title: Lesson 1")
    try site.lesson("d", "title: Lesson 3\ndraft: true")
    let report = try site.build()
    #expect(!report.hasErrors)

    let topic = try SiteTestSupport.read(site.site + "/topics/t/index.html")
    let order = ["b/tutorial.html", "a/tutorial.html", "c/tutorial.html"].compactMap { topic.range(of: $0)?.lowerBound }
    #expect(order.count == 3 && order == order.sorted())

    let first = try site.page("b")
    #expect(!first.contains("rel=\"prev\""))
    #expect(first.contains("rel=\"next\" href=\"../../../../topics/t/tutorials/a/tutorial.html\""))
    let middle = try site.page("a")
    #expect(middle.contains("rel=\"prev\" href=\"../../../../topics/t/tutorials/b/tutorial.html\""))
    #expect(middle.contains("rel=\"next\" href=\"../../../../topics/t/tutorials/c/tutorial.html\""))
    #expect(middle.contains("</span> Lesson 10</a>"))
    let last = try site.page("c")
    #expect(last.contains("rel=\"prev\" href=\"../../../../topics/t/tutorials/a/tutorial.html\""))
    #expect(!last.contains("rel=\"next\""))
    #expect(!(try site.page("d")).contains("class=\"pager\""), "a draft is in no topic order")
    for page in [first, middle, last] { #expect(SiteTestSupport.wellFormednessError(page) == nil) }
  }

  @Test("renaming a lesson renders its old and new neighbours again, though their files did not change", .timeLimit(.minutes(1)))
  func neighboursFollowARename() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: Alpha")
    try site.lesson("b", "title: Beta")
    try site.lesson("c", "title: Gamma")
    try site.build()
    #expect(try site.page("a").contains("rel=\"next\" href=\"../../../../topics/t/tutorials/b/tutorial.html\""))
    try site.lesson("c", "title: Aardvark")  // now first: c, a, b
    let second = try site.build()
    #expect(second.rendered == 3, "c changed; a and b have new neighbours")
    let a = try site.page("a")
    #expect(a.contains("rel=\"prev\" href=\"../../../../topics/t/tutorials/c/tutorial.html\""))
    #expect(a.contains("rel=\"next\" href=\"../../../../topics/t/tutorials/b/tutorial.html\""))
    #expect(!(try site.page("b")).contains("rel=\"next\""))
    #expect(!(try site.page("c")).contains("rel=\"prev\""))
    try site.lesson("b", "title: Beta\nlevel: Advanced")  // same order: b alone is rendered
    #expect(try site.build().rendered == 1)
  }

  @Test("the agenda sits in the side column holder; a body with its own agenda box gets a side-only agenda", .timeLimit(.minutes(1)))
  func agendaColumn() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A", body: "Intro.\n\n## First\n\nText.\n\n## Second\n\nMore.\n")
    try site.build()
    let page = try site.page("a")
    #expect(page.contains("<div class=\"tutorial-columns\">\n<nav class=\"toc\" aria-label=\"Agenda\">"))
    #expect(page.contains("<a href=\"#first\">First</a>"))
    let css = try SiteTestSupport.read(site.site + "/assets/style.css")
    #expect(css.contains("@media screen and (min-width: 1100px)"))
    #expect(css.contains("position: sticky"))
  }

  @Test("the edit link comes from site.yaml's repository, branch and content_path, and only from an http(s) address", .timeLimit(.minutes(1)))
  func editLink() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a b", "title: A")
    try site.build()
    #expect(!(try site.page("a b")).contains("Edit this page"), "no repository: no link")

    try site.siteFile("title: S\nrepository: https://github.com/o/r/\nbranch: dev\ncontent_path: docs/content\n")
    #expect(!(try site.build()).hasErrors)
    #expect(
      try site.page("a b").contains(
        "<a href=\"https://github.com/o/r/edit/dev/docs/content/topics/t/tutorials/a%20b/tutorial.md\">Edit this page</a>"))

    for bad in ["javascript:alert(1)", "ftp://example.org/r", "https://example.org/\"onmouseover=\"x"] {
      try site.siteFile("title: S\nrepository: '\(bad)'\n")
      let report = try site.build()
      #expect(report.diagnostics.contains { $0.severity == .warning && $0.message.contains("repository") }, "\(bad)")
      let page = try site.page("a b")
      #expect(!page.contains("Edit this page"), "\(bad)")
      #expect(SiteTestSupport.wellFormednessError(page) == nil)
    }
    try site.siteFile("title: S\nrepository: https://github.com/o/r\nbranch: ../x\n")
    #expect(try site.build().diagnostics.contains { $0.message.contains("branch") })
  }

  @Test("without git the date is the lesson file's modification time, as a <time datetime>", .timeLimit(.minutes(1)))
  func fileTimeDate() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A")
    let file = site.content + "/topics/t/tutorials/a/tutorial.md"
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)], ofItemAtPath: file)
    if GitWorkTree.containing(site.content) != nil {
      Issue.record("the temporary folder is inside a git work tree; the test needs one outside")
      return
    }
    try site.build()
    #expect(try site.page("a").contains("Last updated <time datetime=\"2020-09-13T12:26:40Z\">2020-09-13</time>"))
    #expect(try SiteTestSupport.read(site.site + "/sitemap.xml").contains(
      "<loc>topics/t/tutorials/a/tutorial.html</loc><lastmod>2020-09-13T12:26:40Z</lastmod>"))
  }

  @Test("in a git work tree the date is the last commit's; an untracked or changed lesson keeps its file's time", .timeLimit(.minutes(1)))
  func gitDate() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A")
    try site.lesson("b", "title: B")
    try site.lesson("c", "title: C")
    guard site.git(["init", "-q"]) else {
      Issue.record("git is not available")
      return
    }
    #expect(site.git(["add", "topics/t/tutorials/a", "topics/t/tutorials/c"], date: "2021-03-04T05:06:07+00:00"))
    #expect(site.git(["commit", "-q", "-m", "one"], date: "2021-03-04T05:06:07+00:00"))
    try site.lesson("c", "title: C\nlevel: Advanced")  // changed since its commit
    #expect(site.git(["commit", "-q", "--allow-empty", "-m", "two"], date: "2022-01-01T00:00:00+02:00"))
    let old = Date(timeIntervalSince1970: 1_500_000_000)
    for slug in ["b", "c"] {
      try FileManager.default.setAttributes(
        [.modificationDate: old], ofItemAtPath: site.content + "/topics/t/tutorials/\(slug)/tutorial.md")
    }
    try site.build()
    #expect(try site.page("a").contains("<time datetime=\"2021-03-04T05:06:07+00:00\">2021-03-04</time>"))
    #expect(try site.page("b").contains("<time datetime=\"2017-07-14T02:40:00Z\">"), "untracked")
    #expect(try site.page("c").contains("<time datetime=\"2017-07-14T02:40:00Z\">"), "changed since its commit")
  }

  @Test("git variables of another repository (GIT_DIR from a hook) do not change where the dates come from", .timeLimit(.minutes(1)))
  func gitVariablesIgnored() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try site.lesson("a", "title: A")
    guard site.git(["init", "-q"]) else {
      Issue.record("git is not available")
      return
    }
    #expect(site.git(["add", "topics/t/tutorials/a"], date: "2021-03-04T05:06:07+00:00"))
    #expect(site.git(["commit", "-q", "-m", "one"], date: "2021-03-04T05:06:07+00:00"))
    let elsewhere = site.folder + "/elsewhere.git"
    let environment = CommandRunner.currentEnvironment() + ["GIT_DIR=\(elsewhere)", "GIT_WORK_TREE=/"]
    let dates = GitWorkTree.lastCommitDates(
      of: ["topics/t/tutorials/a/tutorial.md"], contentFolder: site.content, environment: environment)
    #expect(dates == ["topics/t/tutorials/a/tutorial.md": "2021-03-04T05:06:07+00:00"])
    #expect(GitWorkTree.gitEnvironment(["GIT_DIR=x", "HOME=/h", "GIT_WORK_TREE=/", "PATH=/bin"]) == ["HOME=/h", "PATH=/bin"])
  }

  @Test("the content folder's place in the git work tree gives the edit link's path")
  func workTreePrefix() throws {
    let site = try NavigationSite()
    defer { site.remove() }
    try FileManager.default.createDirectory(atPath: site.folder + "/.git", withIntermediateDirectories: true)
    try site.lesson("a", "title: A")
    let tree = try #require(GitWorkTree.containing(site.content))
    #expect(tree.contentPrefix == "content")
    #expect(GitWorkTree.containing(site.folder)?.contentPrefix == "")
  }
}

@Suite("Navigation values")
struct NavigationValueTests {
  @Test("edit link bases for GitHub and GitLab, with .git and slashes trimmed; refused addresses and branches")
  func editBases() {
    #expect(EditLink.base(repository: "https://github.com/o/r.git", branch: "main", contentPath: "content")
      == "https://github.com/o/r/edit/main/content/")
    #expect(EditLink.base(repository: "https://gitlab.com/o/r/", branch: "release/1.2", contentPath: "")
      == "https://gitlab.com/o/r/-/edit/release/1.2/")
    #expect(EditLink.base(repository: "http://h/r", branch: "a b", contentPath: "") == nil)
    #expect(EditLink.base(repository: "https:///r", branch: "main", contentPath: "") == nil)
    #expect(EditLink.base(repository: "data:text/html,x", branch: "main", contentPath: "") == nil)
    #expect(EditLink.base(repository: nil, branch: "main", contentPath: "") == nil)
  }

  @Test("dates: file times in UTC, offsets ordered, git output checked")
  func dates() {
    #expect(PageDate.iso(nanosecondsSince1970: 0) == "1970-01-01T00:00:00Z")
    #expect(PageDate.seconds("2022-01-01T00:00:00+02:00") == PageDate.seconds("2021-12-31T22:00:00Z"))
    #expect(PageDate.seconds("2021-12-31T22:00:00.5Z") == 1_640_988_000)
    #expect(PageDate.seconds("yesterday") == nil)
    #expect(PageDate.isValid("2021-03-04T05:06:07+00:00"))
    #expect(!PageDate.isValid("2021-03-04T05:06:07\"><script>"))
  }
}
