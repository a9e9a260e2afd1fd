import Foundation

/// Pages that list lessons by something they share — a contributor (`contributors/<id>.html`), a tag
/// (`tags/<tag>.html`) — each in its own template, the lessons sorted by title.
enum LessonListPages {
  /// Writes a page per key of `groups` with `template` (nothing without the template); `pagePath` gives a key's
  /// page (nil: no page), `describe` the start of its description from its title (the lessons' titles follow),
  /// `context` what the page shows besides `lessons`. Returns the paths written.
  static func write(
    _ groups: [String: [ListedLesson]], template: String, pagePath: (String) -> String?,
    templates: TemplateSet, site: SiteSettings, writer: StagingWriter, describe: (String) -> String,
    context: (String) -> [String: Any]
  ) throws(SiteError) -> [String] {
    guard templates.names.contains(template) else { return [] }
    var written: [String] = []
    for (key, listed) in groups.sorted(by: { $0.key < $1.key }) {
      guard let path = pagePath(key) else { continue }
      let root = PageFormatting.root(fromFolder: String(path.split(separator: "/").dropLast().joined(separator: "/")))
      var page = context(key)
      page["root"] = root
      page["siteTitle"] = site.title
      page["lessons"] = listed.sorted { $0.summary.title.localizedStandardCompare($1.summary.title) == .orderedAscending }
        .map { ["title": $0.summary.title, "link": root + $0.pagePath] }
      let title = page["title"] as? String ?? key
      let meta = PageMeta(
        path: path, description: describe(title) + listed.map(\.summary.title).joined(separator: ", ") + ".",
        language: site.language)
      page.merge(meta.context(site: site)) { _, meta in meta }
      try writer.write(templates.page(template, context: page), to: path)
      written.append(path)
    }
    return written
  }

  /// The lessons grouped by each of the keys `keys` gives them.
  static func grouped(_ lessons: [ListedLesson], by keys: (ListedLesson) -> [String]) -> [String: [ListedLesson]] {
    var groups: [String: [ListedLesson]] = [:]
    for lesson in lessons {
      for key in Set(keys(lesson)) { groups[key, default: []].append(lesson) }
    }
    return groups
  }
}
