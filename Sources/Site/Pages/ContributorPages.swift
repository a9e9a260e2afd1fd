/// A page per contributor (`contributors/<id>.html`, `contributor.mustache`): their full name, ORCID link,
/// affiliations and the lessons they contributed to. No image is fetched: the page links nothing outside but ORCID.
enum ContributorPages {
  /// Writes the pages for everyone the listed lessons name; returns their paths relative to the site root.
  static func write(
    lessons: [ListedLesson], people: ContributorDirectory, templates: TemplateSet, site: SiteSettings, staging: String
  ) throws(SiteError) -> [String] {
    let groups = LessonListPages.grouped(lessons) { $0.summary.contributors ?? [] }
    return try LessonListPages.write(
      groups, template: "contributor", pagePath: ContributorDirectory.pagePath, templates: templates, site: site,
      staging: staging
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
      return context
    }
  }
}
