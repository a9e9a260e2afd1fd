import Foundation

/// Writes the pages and files that belong to the whole site rather than one lesson: the index, a page per topic,
/// sitemap.xml, the stylesheet and other files of `templates/assets/`, and each topic's `images/`.
struct SitePages {
  var templates: TemplateSet
  var site: SiteSettings
  /// The staging folder being filled.
  var staging: String
  /// In a partial build, the site that the staging folder's files are moved into: files that it already has with
  /// the same bytes are not written again (most search shards, when one lesson changed).
  var published: String? = nil

  /// Writes everything; `metadata` gives each topic's title and summary. Returns the paths written, relative to
  /// the site root.
  @discardableResult
  func write(
    inventory: ContentInventory, records: [String: BuildManifest.Lesson], metadata: [String: TopicMetadata],
    faqs: FAQCatalog = FAQCatalog(), people: ContributorDirectory = ContributorDirectory(), templatesFolder: String
  ) throws(SiteError) -> [String] {
    var written: [String] = []
    var topics: [ListedTopic] = []
    let listed = TopicOrder.lessons(inventory, summaries: records.compactMapValues(\.summary))
    for topic in inventory.topics {
      let metadata = metadata[topic.name] ?? TopicMetadata(title: topic.name)
      let lessons = listed[topic.name] ?? []
      topics.append(ListedTopic(name: topic.name, metadata: metadata, lessons: lessons, faqs: faqs.links(topic: topic.name)))
      for image in topic.images.keys {
        try FileSystem.copy(
          topic.folder + "/" + image, to: "\(staging)/topics/\(topic.name)/\(image)", confinedTo: inventory.root.realPath)
        written.append("topics/\(topic.name)/\(image)")
      }
    }
    topics.sort { $0.metadata.title.localizedStandardCompare($1.metadata.title) == .orderedAscending }

    let tutorialTitles = records.compactMapValues { $0.summary?.title }
    let faqPages = try FAQPages.write(
      faqs, templates: templates, site: site, topicTitles: metadata.mapValues(\.title), tutorialTitles: tutorialTitles,
      staging: staging)
    var pages = ["index.html"]
    var lastModified = Self.lastModified(topics)
    try FileSystem.write(templates.page("index", context: IndexPage.context(topics: topics, site: site)), to: staging + "/index.html")
    if templates.names.contains("topic") {
      for topic in topics where !topic.lessons.isEmpty || !topic.faqs.isEmpty {
        let path = "topics/\(topic.name)/index.html"
        try FileSystem.write(
          templates.page("topic", context: IndexPage.topicContext(topic, site: site)), to: staging + "/" + path)
        pages.append(path)
      }
    }
    if templates.names.contains("search") {
      for file in SearchIndex.files(lessons: SearchIndex.lessons(of: topics)) {
        try writeUnlessPublished(file.contents, to: file.path)
        written.append(file.path)
      }
      try FileSystem.write(
        templates.page("search", context: Self.searchContext(site: site)),
        to: staging + "/search.html")
      written.append("search.html")
    }
    let contributorPages = try ContributorPages.write(
      lessons: topics.flatMap(\.lessons), people: people, templates: templates, site: site, staging: staging,
      root: inventory.root)
    let tagPages = try TagPages.write(
      lessons: topics.flatMap(\.lessons), templates: templates, site: site, staging: staging)
    pages += topics.flatMap { $0.lessons.map(\.pagePath) } + faqPages + contributorPages + tagPages
    for lesson in topics.flatMap(\.lessons) { lastModified[lesson.pagePath] = lesson.summary.modified }
    try FileSystem.write(
      Sitemap.xml(pages: pages, baseURL: site.baseURL, lastModified: lastModified), to: staging + "/sitemap.xml")
    try FileSystem.write(
      AtomFeed.xml(
        lessons: topics.flatMap(\.lessons), topicTitles: metadata.mapValues(\.title), site: site),
      to: staging + "/" + AtomFeed.fileName)
    written += pages.filter { !$0.hasSuffix("/tutorial.html") } + ["sitemap.xml", AtomFeed.fileName]

    let assets = templatesFolder + "/assets"
    if try FileSystem.status(assets)?.isDirectory == true, let realTemplates = FileSystem.realPath(templatesFolder) {
      for file in try FileSystem.tree(under: assets).keys {
        try FileSystem.copy(assets + "/" + file, to: staging + "/assets/" + file, confinedTo: realTemplates)
        written.append("assets/" + file)
      }
    }
    return written
  }

  /// Writes `text` to `path` (relative to the site root) in the staging folder, unless a partial build's site has
  /// the file with these bytes already: then the site keeps it, untouched.
  private func writeUnlessPublished(_ text: String, to path: String) throws(SiteError) {
    if let published, let current = try? FileSystem.read(published + "/" + path), current == Data(text.utf8) {
      return
    }
    try FileSystem.write(text, to: staging + "/" + path)
  }

  /// The date of each page that lists lessons (the index, topic, tag and contributor pages) for the sitemap: the
  /// newest of their lessons' dates.
  static func lastModified(_ topics: [ListedTopic]) -> [String: String] {
    func newest(_ lessons: [ListedLesson]) -> String? {
      lessons.compactMap { lesson in lesson.summary.modified.flatMap { date in PageDate.seconds(date).map { (date, $0) } } }
        .max { $0.1 < $1.1 }?.0
    }
    var dates: [String: String] = [:]
    for topic in topics { dates["topics/\(topic.name)/index.html"] = newest(topic.lessons) }
    let lessons = topics.flatMap(\.lessons)
    dates["index.html"] = newest(lessons)
    for (tag, tagged) in LessonListPages.grouped(lessons, by: { $0.summary.tags ?? [] }) {
      if let path = TagPages.pagePath(tag) { dates[path] = newest(tagged) }
    }
    for (id, theirs) in LessonListPages.grouped(lessons, by: { $0.summary.contributors ?? [] }) {
      if let path = ContributorDirectory.pagePath(id) { dates[path] = newest(theirs) }
    }
    return dates
  }

  /// The search page's context: its title and what its `<head>` says.
  static func searchContext(site: SiteSettings) -> [String: Any] {
    let meta = PageMeta(path: "search.html", description: "Search the lessons of \(site.title).", language: site.language)
    return ["root": "", "siteTitle": site.title, "title": "Search"].merging(meta.context(site: site)) { _, meta in meta }
  }
}
