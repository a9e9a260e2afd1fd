/// A page per contributor (`contributors/<id>.html`, `contributor.mustache`): their full name, ORCID link,
/// affiliations and the lessons they contributed to. No image is fetched: the page links nothing outside but ORCID.
enum ContributorPages {
  /// Writes the pages for everyone the listed lessons name; returns their paths relative to the site root.
  static func write(
    lessons: [ListedLesson], people: ContributorDirectory, templates: TemplateSet, site: SiteSettings, staging: String
  ) throws(SiteError) -> [String] {
    guard templates.names.contains("contributor") else { return [] }
    var byPerson: [String: [ListedLesson]] = [:]
    for lesson in lessons {
      for id in lesson.summary.contributors ?? [] { byPerson[id, default: []].append(lesson) }
    }
    var written: [String] = []
    for (id, listed) in byPerson.sorted(by: { $0.key < $1.key }) {
      guard let path = ContributorDirectory.pagePath(id) else { continue }
      let root = "../"
      let person = people.people[id]
      var context: [String: Any] = [
        "root": root, "siteTitle": site.title, "title": people.name(id), "id": id,
        "lessons": listed.sorted { $0.summary.title < $1.summary.title }.map {
          ["title": $0.summary.title, "link": root + $0.pagePath]
        },
        "affiliations": person?.affiliations ?? [],
        "hasAffiliations": !(person?.affiliations.isEmpty ?? true),
      ]
      if let orcid = person?.orcid, orcid.allSatisfy({ $0.isNumber || $0 == "-" || $0 == "X" }) {
        context["orcid"] = "https://orcid.org/" + orcid
      }
      if let joined = person?.joined { context["joined"] = joined }
      try FileSystem.write(templates.page("contributor", context: context), to: staging + "/" + path)
      written.append(path)
    }
    return written
  }
}
