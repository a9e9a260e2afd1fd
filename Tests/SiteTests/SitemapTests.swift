import Foundation
import Testing

@testable import Site

@Suite("sitemap.xml")
struct SitemapTests {
  @Test("with a base URL every location is absolute, with one slash between base and path")
  func absolute() throws {
    for base in ["https://example.org/train", "https://example.org/train/"] {
      let xml = Sitemap.xml(pages: ["b.html", "a/index.html"], baseURL: base)
      #expect(xml.contains("<loc>https://example.org/train/a/index.html</loc>"))
      #expect(xml.contains("<loc>https://example.org/train/b.html</loc>"))
      #expect(SiteTestSupport.wellFormednessError(xml) == nil)
    }
  }

  @Test("without a base URL the locations are paths relative to the site root, sorted, percent-encoded and escaped")
  func relative() throws {
    let xml = Sitemap.xml(pages: ["z.html", "topics/a&b/tutorial.html"], baseURL: nil)
    #expect(xml.contains("<loc>topics/a%26b/tutorial.html</loc>"))
    let base = Sitemap.xml(pages: ["a.html"], baseURL: "https://example.org/?site=a&b")
    #expect(base.contains("<loc>https://example.org/?site=a&amp;b/a.html</loc>"))
    let first = try #require(xml.range(of: "topics/"))
    let second = try #require(xml.range(of: "z.html"))
    #expect(first.lowerBound < second.lowerBound)
    #expect(SiteTestSupport.wellFormednessError(xml) == nil)
  }
}
