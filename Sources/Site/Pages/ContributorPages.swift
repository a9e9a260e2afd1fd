import Lessons

/// A page per contributor (`contributors/<id>.html`, `contributor.mustache`): their full name, ORCID link,
/// affiliations and the lessons they contributed to. An avatar shows only from a local file,
/// `contributors/<id>.png` (or .jpg, .jpeg, .svg, .webp) in the content folder, copied beside the page: no request
/// leaves the site, and the page links nothing outside but ORCID. An SVG avatar that could run script is not
/// published (unless `raw_html: trusted`), with a warning.
enum ContributorPages {
  /// Writes the pages for everyone the listed lessons name; returns their paths relative to the site root.
  static func write(
    lessons: [ListedLesson], people: ContributorDirectory, templates: TemplateSet, site: SiteSettings, writer: StagingWriter,
    root: ContentRoot, warnings: inout [Diagnostic]
  ) throws(SiteError) -> [String] {
    let groups = LessonListPages.grouped(lessons) { $0.summary.contributors ?? [] }
    var avatars: [String: String] = [:]
    for id in groups.keys where ContributorDirectory.pagePath(id) != nil && templates.names.contains("contributor") {
      for ext in ["png", "jpg", "jpeg", "svg", "webp"] {
        let name = "\(id).\(ext)"
        guard case .file? = try? root.entry(root.path + "/contributors/" + name) else { continue }
        if let refused = try writer.publishContentFile(
          root.path + "/contributors/" + name, to: "contributors/" + name, confinedTo: root.realPath, rawHTML: site.rawHTML)
        {
          warnings.append(refused)
        } else {
          avatars[id] = name
        }
        break
      }
    }
    let pages = try LessonListPages.write(
      groups, template: "contributor", pagePath: ContributorDirectory.pagePath, templates: templates, site: site,
      writer: writer, describe: { "Lessons by \($0): " }
    ) { id in
      let person = people.people[id]
      var context: [String: Any] = [
        "title": people.name(id), "id": id, "affiliations": person?.affiliations ?? [],
        "hasAffiliations": !(person?.affiliations.isEmpty ?? true),
      ]
      if let orcid = person?.orcid, orcid.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "X" }) {
        context["orcid"] = "https://orcid.org/" + orcid
      }
      if let joined = person?.joined { context["joined"] = joined }
      if let avatar = avatars[id] { context["avatar"] = avatar }
      return context
    }
    return pages + avatars.values.map { "contributors/" + $0 }
  }
}
