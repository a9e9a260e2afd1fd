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
    for topic in inventory.topics {
      let metadata = metadata[topic.name] ?? TopicMetadata(title: topic.name)
      let lessons = inventory.tutorials.filter { $0.topic == topic.name }.compactMap { source -> ListedLesson? in
        guard let summary = records[source.relativePath]?.summary, !summary.draft else { return nil }
        return ListedLesson(topic: topic.name, relativePath: source.relativePath, summary: summary)
      }.sorted { $0.summary.title.localizedStandardCompare($1.summary.title) == .orderedAscending }
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
        templates.page("search", context: ["root": "", "siteTitle": site.title, "title": "Search"]),
        to: staging + "/search.html")
      written.append("search.html")
    }
    let contributorPages = try ContributorPages.write(
      lessons: topics.flatMap(\.lessons), people: people, templates: templates, site: site, staging: staging,
      root: inventory.root)
    let tagPages = try TagPages.write(
      lessons: topics.flatMap(\.lessons), templates: templates, site: site, staging: staging)
    pages += topics.flatMap { $0.lessons.map(\.pagePath) } + faqPages + contributorPages + tagPages
    try FileSystem.write(Sitemap.xml(pages: pages, baseURL: site.baseURL), to: staging + "/sitemap.xml")
    written += pages.filter { !$0.hasSuffix("/tutorial.html") } + ["sitemap.xml"]

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
}
