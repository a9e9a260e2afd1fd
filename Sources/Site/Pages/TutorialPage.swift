import Execution
import Lessons

/// The Mustache context of a tutorial page: everything `tutorial.mustache` may show, as plain values.
///
/// Text from the lesson goes in as text (the template's `{{…}}` escapes it); HTML made here or by the renderers
/// goes in under keys the template prints raw: `{{{body}}}`, and the questions, objectives and key points, whose
/// inline Markdown (`code`, **strong**) is rendered by `InlineMarkup` after escaping.
struct TutorialPage {
  /// The lists of the context, each with its `hasX` flag.
  static let listFlags = [
    "questions", "objectives", "requirements", "toc", "keyPoints", "glossary", "contributors", "followUp", "faqs", "tags",
    "materials",
  ].map { key in (key, "has" + key.prefix(1).uppercased() + key.dropFirst()) }

  /// GTN's usual order of contribution roles; other roles follow in alphabetical order.
  static let roleOrder = ["authorship", "editing", "testing", "infrastructure", "translation", "funding"]

  var lesson: Lesson
  var body: RenderedBody
  var results: LessonResults?
  /// Files published beside the page (relative to its folder).
  var assets: [String]
  var site: SiteSettings
  /// The topic's title from its metadata.yaml (its folder name when it has none).
  var topicTitle: String
  /// The topic's FAQs, linked from the page.
  var faqs: [FAQLink] = []
  /// Contributors' full names and pages.
  var people = ContributorDirectory()
  /// `topic/slug` → title of the tutorials internal requirements name (those missing are shown unlinked); nil
  /// when not looked up (every one is then linked and shown by folder name).
  var requirementTitles: [String: String]?
  /// The lessons before and after this one in its topic's order (`rel="prev"`, `rel="next"`).
  var navigation: LessonNeighbours?
  /// When the lesson last changed (ISO 8601), shown as a `<time>`.
  var modified: String?
  /// The forge's editor for the lesson's file ("Edit this page").
  var editLink: String?

  /// The page's description: the front matter's `description`, else its first paragraph's text, cut
  /// (`describe`); the page's `<meta>` and the feed show it as it is.
  var description: String?

  /// Works out `description` once (the page and the feed both show it).
  mutating func describe() {
    description = PageMeta.description(lesson.frontMatter.description ?? PageMeta.firstParagraph(ofBody: body.html))
  }

  /// The page's folder relative to the site root.
  var folder: String { lesson.relativePath }

  func context() -> [String: Any] {
    let front = lesson.frontMatter
    let root = PageFormatting.root(fromFolder: folder)
    // The body may carry the GTN agenda box itself; then the template need not add its own table of contents.
    let agendaInBody = body.html.containsBytes("box-agenda")
    let questions = front.questions.map(InlineMarkup.html)
    let objectives = front.objectives.map(InlineMarkup.html)
    let keyPoints = front.keyPoints.map(InlineMarkup.html)
    let contributors = front.contributors.map { people.entry($0, root: root) }
    let materials = supportingMaterials()
    // Filled in place, room made once: a literal merged with other dictionaries grew and copied it several times.
    var context: [String: Any] = [:]
    context.reserveCapacity(64)
    /// A list and its `hasX` flag, which lets templates wrap the list (`<ul>…</ul>`) only when it has items.
    func list<Item>(_ key: String, _ items: [Item]) {
      context[key] = items
      context[Self.flagNames[key]!] = !items.isEmpty
    }
    context["root"] = root
    context["siteTitle"] = site.title
    context["title"] = front.title
    context["topic"] = topicTitle
    context["topicLink"] = root + URLPath.encode("topics/\(lesson.topic)/index.html")
    context["body"] = ScrollableCode.focusable(body.html)
    list("questions", questions)
    list("objectives", objectives)
    list("keyPoints", keyPoints)
    list(
      "tags",
      front.tags.map { tag -> [String: Any] in
        var entry: [String: Any] = ["name": tag]
        if let path = TagPages.pagePath(tag) { entry["link"] = root + path }
        return entry
      })
    list("materials", materials)
    context["draft"] = front.draft
    list("toc", body.tableOfContents.map { ["id": $0.id, "title": $0.title, "level": String($0.level)] })
    context["agendaInBody"] = agendaInBody
    list("glossary", body.glossary.map { ["short": $0.short, "expansion": $0.expansion] })
    list("contributors", contributors)
    context["contributions"] = contributions(front.contributions, root: root)
    list("requirements", front.requirements.flatMap { requirementLinks($0, root: root) })
    list("followUp", front.followUpTraining.flatMap { requirementLinks($0, root: root) })
    list("faqs", faqs.map { ["title": $0.title, "link": root + $0.pagePath] })
    let notebook = assets.first(where: { $0.hasSuffix(".ipynb") })
    if let notebook {
      context["notebook"] = ["link": URLPath.encode(notebook), "name": notebook.split(separator: "/").last.map(String.init) ?? notebook]
    }
    context["hasOverview"] =
      !front.questions.isEmpty || !front.objectives.isEmpty || !front.requirements.isEmpty
      || front.timeEstimation != nil || front.level != nil || notebook != nil
      || !front.tags.isEmpty || !materials.isEmpty
    if let level = front.level { context["level"] = level }
    if let time = front.timeEstimation { context["time"] = PageFormatting.duration(minutes: time.minutes) }
    if let stamp = results?.stamp { context["stamp"] = Self.stamp(stamp) }
    var meta = PageMeta(path: folder + "/tutorial.html", description: nil, type: "article", language: front.language ?? site.language)
    meta.description = description  // cut once, by `describe`
    meta.add(to: &context, site: site)
    addFooter(to: &context, root: root)
    return context
  }

  /// `hasX` for each list `x` of the context.
  private static let flagNames = Dictionary(uniqueKeysWithValues: listFlags)

  /// The previous/next links, the last-modified date and the edit link.
  private func addFooter(to context: inout [String: Any], root: String) {
    if let previous = navigation?.previous {
      context["previous"] = ["title": previous.title, "link": root + URLPath.encode(previous.pagePath)]
    }
    if let next = navigation?.next {
      context["next"] = ["title": next.title, "link": root + URLPath.encode(next.pagePath)]
    }
    context["hasPager"] = navigation?.previous != nil || navigation?.next != nil
    if let modified, PageDate.isValid(modified) {
      context["modified"] = ["datetime": modified, "day": PageDate.day(modified)]
    }
    if let editLink, EditLink.isWebAddress(editLink) { context["editLink"] = editLink }
  }

  private func contributions(_ roles: [String: [String]], root: String) -> [[String: Any]] {
    let known = Self.roleOrder.filter { roles[$0] != nil }
    let others = roles.keys.filter { !Self.roleOrder.contains($0) }.sorted()
    return (known + others).map { role in
      ["role": role.prefix(1).uppercased() + role.dropFirst(), "people": (roles[role] ?? []).map { people.entry($0, root: root) }]
    }
  }

  /// GTN's supporting materials: the input datasets (`zenodo_link`, http(s) only), workflows beside the lesson
  /// (`workflows/*.ga`, `*.gxwf.yml`) and its slides.
  private func supportingMaterials() -> [[String: Any]] {
    var materials: [[String: Any]] = []
    if let zenodo = lesson.frontMatter.zenodoLink, zenodo.hasPrefix("https://") || zenodo.hasPrefix("http://") {
      materials.append(["title": "Input datasets (Zenodo)", "link": zenodo])
    }
    for asset in assets.sorted() where asset.hasPrefix("workflows/") && (asset.hasSuffix(".ga") || asset.hasSuffix(".gxwf.yml")) {
      materials.append(["title": "Workflow: " + (asset.split(separator: "/").last.map(String.init) ?? asset), "link": asset])
    }
    for asset in assets.sorted() where Self.isSlides(asset) {
      materials.append(["title": "Slides", "link": asset])
    }
    return materials
  }

  /// Whether the file beside a lesson named `asset` is GTN slides (`slides.html`, `slides-*.html`).
  static func isSlides(_ asset: String) -> Bool {
    !asset.contains("/") && asset.hasPrefix("slides") && asset.hasSuffix(".html")
  }

  /// Links for one `requirements`/`follow_up_training` entry: internal ones point at the other tutorials' pages.
  private func requirementLinks(_ requirement: Requirement, root: String) -> [[String: Any]] {
    switch requirement.type {
    case "internal":
      let topic = requirement.topicName ?? lesson.topic
      return requirement.tutorials.map { slug in
        let path = "topics/\(URLPath.encodeSegment(topic))/tutorials/\(URLPath.encodeSegment(slug))/tutorial.html"
        guard let titles = requirementTitles else { return ["title": slug, "link": root + path] }
        guard let title = titles["\(topic)/\(slug)"] else { return ["title": slug] }
        return ["title": title, "link": root + path]
      }
    case "external":
      var entry: [String: Any] = ["title": requirement.title ?? requirement.link ?? "external material"]
      if let link = requirement.link { entry["link"] = link }
      return [entry]
    default:
      return requirement.title.map { [["title": $0]] } ?? []
    }
  }

  /// The environment stamp as the template shows it.
  static func stamp(_ stamp: EnvironmentStamp) -> [String: Any] {
    var values: [String: Any] = [
      "date": stamp.date,
      "operatingSystem": stamp.operatingSystem,
      "cpuModel": stamp.cpuModel,
      "logicalCPUs": stamp.logicalCPUs,
      "memory": PageFormatting.gibibytes(stamp.memoryBytes),
      "swiftVersion": stamp.swiftVersion,
      "totalTime": PageFormatting.seconds(stamp.totalSeconds),
    ]
    if let servers = stamp.servers { values["servers"] = servers }
    return values
  }
}
