/// A page per tag (`tags/<tag>.html`, `tag.mustache`) listing the lessons that carry it, as GTN's tag pages.
enum TagPages {
  /// The page of `tag`, relative to the site root: lowercased, anything but letters and digits written `-`; nil
  /// when nothing is left.
  static func pagePath(_ tag: String) -> String? {
    let slug = tag.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? String($0) : "-" }.joined()
    let trimmed = slug.split(separator: "-").joined(separator: "-")
    return trimmed.isEmpty || trimmed.count > 100 ? nil : "tags/\(trimmed).html"
  }

  static func write(lessons: [ListedLesson], templates: TemplateSet, site: SiteSettings, writer: StagingWriter)
    throws(SiteError) -> [String]
  {
    let groups = LessonListPages.grouped(lessons) { $0.summary.tags ?? [] }
    return try LessonListPages.write(
      groups, template: "tag", pagePath: pagePath, templates: templates, site: site, writer: writer,
      describe: { "Lessons tagged \($0): " }
    ) { tag in ["title": tag] }
  }
}
