import Foundation
import Testing

@testable import Site
import TestSupport

/// Links and sitemap entries made from folder names are percent-encoded, so that every name reaches the browser
/// as the one path segment it is on disk.
@Suite("Percent-encoded links")
struct LinkEncodingTests {
  @Test(
    "each segment is percent-encoded, separators kept",
    arguments: [
      ("topics/%2e%2e/index.html", "topics/%252e%252e/index.html"),
      ("topics/a b/t#1?x=y/tutorial.html", "topics/a%20b/t%231%3Fx%3Dy/tutorial.html"),
      ("été/ü.html", "%C3%A9t%C3%A9/%C3%BC.html"),
      ("plain-name_1.0~x/index.html", "plain-name_1.0~x/index.html"),
      ("a\"<b>&'/c", "a%22%3Cb%3E%26%27/c"),
    ])
  func encode(path: String, expected: String) {
    #expect(URLPath.encode(path) == expected)
  }

  @Test("a segment that is only dots, or holds a slash, stays one segment")
  func segments() {
    #expect(URLPath.encodeSegment("..") == "%2E%2E")
    #expect(URLPath.encodeSegment("../../etc") == "..%2F..%2Fetc")
    #expect(URLPath.encodeSegment("a.b") == "a.b")
  }

  /// The `href` values of `html`.
  static func links(in html: String) -> [String] {
    html.split(separator: "href=\"").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
  }

  @Test("a topic folder named %2e%2e and a lesson named with spaces, #, ? and accents get links that lead to them")
  func buildWithOddNames() throws {
    let folder = try TestFiles.temporaryFolder(prefix: "site-tests-")
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let content = folder + "/content"
    let slug = "a b#c?d été"
    try TestFiles.write("title: Odd topic\n", to: content + "/topics/%2e%2e/metadata.yaml")
    try TestFiles.write("---\ntitle: Odd lesson\n---\nText.\n", to: content + "/topics/%2e%2e/tutorials/\(slug)/tutorial.md")
    let site = folder + "/site"
    let configuration = BuildConfiguration(
      contentFolder: content, templatesFolder: SiteTestSupport.templates, outputFolder: site, jobs: 1,
      baseURL: "https://example.org/")
    let report = try SiteBuilder(configuration: configuration).build()
    #expect(!report.hasErrors)

    let index = try SiteTestSupport.read(site + "/index.html")
    #expect(index.contains("href=\"topics/%252e%252e/index.html\""))
    #expect(index.contains("href=\"topics/%252e%252e/tutorials/a%20b%23c%3Fd%20%C3%A9t%C3%A9/tutorial.html\""))
    #expect(!index.contains("href=\"topics/%2e%2e"))
    // Every link of the index, decoded once as a browser and the preview server do, names a file of the site (the
    // canonical address, absolute with a base URL, names the published page instead).
    for link in Self.links(in: index) where !link.hasPrefix("#") && !link.hasPrefix("https://example.org/") {
      let decoded = try #require(link.removingPercentEncoding)
      #expect(FileManager.default.fileExists(atPath: site + "/" + decoded), "\(link) leads nowhere")
    }
    let page = try SiteTestSupport.read(site + "/topics/%2e%2e/tutorials/\(slug)/tutorial.html")
    #expect(page.contains("href=\"../../../../topics/%252e%252e/index.html\""))

    let sitemap = try SiteTestSupport.read(site + "/sitemap.xml")
    #expect(
      sitemap.contains(
        "<loc>https://example.org/topics/%252e%252e/tutorials/a%20b%23c%3Fd%20%C3%A9t%C3%A9/tutorial.html</loc>"))
    #expect(SiteTestSupport.wellFormednessError(sitemap) == nil)
  }
}
