import Foundation
import Lessons

/// Writes a page per FAQ with `faq.mustache` (when the templates have one): its title, its box type and its text
/// rendered as a lesson body. Its breadcrumbs lead to its topic and, for a tutorial's own FAQ, to that tutorial.
enum FAQPages {
  /// Writes the pages into `staging`; returns their paths relative to the site root. `tutorialTitles` maps a
  /// tutorial's folder (`topics/<t>/tutorials/<x>`) to its title.
  static func write(
    _ catalog: FAQCatalog, templates: TemplateSet, site: SiteSettings, topicTitles: [String: String],
    tutorialTitles: [String: String] = [:], writer: StagingWriter
  ) throws(SiteError) -> [String] {
    guard templates.names.contains("faq") else { return [] }
    var written: [String] = []
    for entry in catalog.entries where entry.lesson.frontMatter.enabled {
      let body = BodyRenderer.render(entry.lesson, galaxyURL: site.galaxyURL) { cell in CellRenderer.render(cell, result: nil) }
      let folder = (entry.pagePath as NSString).deletingLastPathComponent
      let root = PageFormatting.root(fromFolder: folder)
      var context: [String: Any] = [
        "root": root, "siteTitle": site.title, "title": entry.lesson.frontMatter.title, "body": body.html,
        "boxType": entry.lesson.frontMatter.extra["box_type"]?.trimmingSpacesAndQuotes ?? "tip",
      ]
      let front = entry.lesson.frontMatter
      let meta = PageMeta(
        path: entry.pagePath, description: front.description ?? PageMeta.firstParagraph(ofBody: body.html),
        language: front.language ?? site.language)
      context.merge(meta.context(site: site)) { _, meta in meta }
      if let topic = entry.topic {
        context["topic"] = topicTitles[topic] ?? topic
        context["topicLink"] = root + "topics/\(topic)/index.html"
      }
      if let tutorial = entry.tutorial, let title = tutorialTitles[tutorial] {
        context["tutorial"] = title
        context["tutorialLink"] = root + tutorial + "/tutorial.html"
      }
      try writer.write(templates.page("faq", context: context), to: entry.pagePath)
      written.append(entry.pagePath)
    }
    return written
  }
}

extension String {
  fileprivate var trimmingSpacesAndQuotes: String {
    String(self.filter { $0 != "\"" && $0 != "'" && !$0.isNewline }).trimmingCharacters(in: .whitespaces)
  }
}
