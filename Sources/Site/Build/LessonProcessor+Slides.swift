import Foundation
import Lessons

/// GTN slides rendered as a page of the site, and what rendering them found.
struct SlidesPage: Sendable {
  var html: String
  var diagnostics: [Diagnostic]
}

extension LessonProcessor {
  /// GTN slides beside the lesson (`slides.html`, `slides-*.html` starting with front matter) as a static page with
  /// `slides.mustache`, instead of their remark source; nil for any other file (or without the template).
  func slidesPage(_ asset: String, source: TutorialSource) throws(SiteError) -> SlidesPage? {
    guard templates.names.contains("slides"), TutorialPage.isSlides(asset) else { return nil }
    let file = source.folder + "/" + asset
    let data = try FileSystem.read(file, confinedTo: contentRoot.realPath)
    let text = String(decoding: data, as: UTF8.self)
    guard text.hasPrefix("---") else { return nil }
    let deck = SlideDeck(text, fallbackTitle: source.slug)
    let rendered = deck.html(
      file: file, relativePath: source.relativePath, galaxyURL: site.galaxyURL, rawHTML: site.rawHTML)
    let root = PageFormatting.root(fromFolder: source.relativePath)
    let context: [String: Any] = [
      "root": root, "siteTitle": site.title, "title": deck.title,
      "topic": topicTitles[source.topic] ?? source.topic, "topicLink": root + "topics/\(source.topic)/index.html",
      "slides": rendered.sections.joined(), "hasTutorial": true,
    ]
    return SlidesPage(html: templates.page("slides", context: context), diagnostics: rendered.diagnostics)
  }

  /// The slides beside the lesson published as pages (`slidesPage`), by file name; a file that cannot be read is
  /// its error, reported where the lesson's files are published.
  func slidesPages(_ source: TutorialSource) -> [String: Result<SlidesPage, SiteError>] {
    var pages: [String: Result<SlidesPage, SiteError>] = [:]
    for asset in source.assets where TutorialPage.isSlides(asset) {
      do {
        if let page = try slidesPage(asset, source: source) { pages[asset] = .success(page) }
      } catch {
        pages[asset] = .failure(error)
      }
    }
    return pages
  }

  /// The files beside the lesson that its page may link to: those a build publishes. Slides the build renders
  /// (`slides`) are, whatever their name; a file refused by its name (`ScriptCapableFiles`: `slides.html` without
  /// front matter, or without the slides template, is an HTML page like any other) is not, unless
  /// `raw_html: trusted`.
  func publishedAssets(_ source: TutorialSource, slides: [String: Result<SlidesPage, SiteError>]) -> [String] {
    guard site.rawHTML == .sanitized else { return source.assets }
    return source.assets.filter { asset in
      guard case .refused = ScriptCapableFiles.rule(for: asset) else { return true }
      guard case .success = slides[asset] else { return false }
      return true
    }
  }
}
