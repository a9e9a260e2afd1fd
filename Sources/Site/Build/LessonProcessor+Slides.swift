import Foundation
import Lessons

extension LessonProcessor {
  /// GTN slides beside the lesson (`slides.html`, `slides-*.html` starting with front matter) as a static page with
  /// `slides.mustache`, instead of their remark source; nil for any other file (or without the template).
  func slidesPage(_ asset: String, source: TutorialSource) throws(SiteError) -> (html: String, diagnostics: [Diagnostic])? {
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
    return (templates.page("slides", context: context), rendered.diagnostics)
  }

  /// The files beside the lesson that its page may link to: those a build publishes. A slides file the build
  /// renders is one, whatever its name; a file refused by its name (`ScriptCapableFiles`: `slides.html` without
  /// front matter, without the slides template, is an HTML page like any other) is not, unless `raw_html: trusted`.
  func publishedAssets(_ source: TutorialSource) -> [String] {
    guard site.rawHTML == .sanitized else { return source.assets }
    return source.assets.filter { asset in
      guard case .refused = ScriptCapableFiles.rule(for: asset) else { return true }
      guard templates.names.contains("slides"), TutorialPage.isSlides(asset),
        let data = try? FileSystem.read(source.folder + "/" + asset, confinedTo: contentRoot.realPath)
      else { return false }
      return data.starts(with: Array("---".utf8))
    }
  }
}
