import Foundation
import Lessons

/// Writes the pages and files that belong to the whole site rather than one lesson: the index, a page per topic,
/// sitemap.xml, the stylesheet and other files of `templates/assets/`, and each topic's `images/`.
struct SitePages {
  var templates: TemplateSet
  var site: SiteSettings
  /// The staging folder being filled.
  var staging: String
  /// In a partial build, the site that the staging folder's files are moved into: files that it already has with
  /// the same bytes are not written again (`StagingWriter`: most search shards and pages, when one lesson changed).
  var published: String? = nil

  /// Where the pages and files go: staging, unless the published site has their bytes already (made once per part:
  /// it resolves the published site's real path).
  private var writer: StagingWriter { StagingWriter(staging: staging, published: published) }

  /// Threads the pages are written on: they are independent of each other (the index, the topic pages, the search
  /// index, the contributor and tag pages, the feed), and the build waits for them after every lesson is done.
  var jobs = 1

  /// What one of the independent parts of `write` produced: pages for the sitemap, other files written.
  private struct Part: Sendable {
    /// The parts, the longest first (they are handed to the threads in this order).
    enum Kind: Int, CaseIterable, Sendable {
      case search, index, topics, contributors, tags, faqs, feed, images, assets
    }

    var pages: [String] = []
    var files: [String] = []
    /// Files of the content folder not published (`StagingWriter.publishContentFile`).
    var warnings: [Diagnostic] = []
  }

  /// What `write` wrote: the paths relative to the site root, and a warning for each file of the content folder
  /// (a topic image, an avatar) left out because it could run script on the site's origin.
  struct Written: Sendable {
    var files: [String]
    var warnings: [Diagnostic]
  }

  /// Writes everything; `metadata` gives each topic's title and summary. Returns the paths written, relative to
  /// the site root, and the warnings of files not published.
  @discardableResult
  func write(
    inventory: ContentInventory, records: [String: BuildManifest.Lesson], metadata: [String: TopicMetadata],
    faqs: FAQCatalog = FAQCatalog(), people: ContributorDirectory = ContributorDirectory(), templatesFolder: String
  ) throws(SiteError) -> Written {
    let listed = TopicOrder.lessons(inventory, summaries: records.compactMapValues(\.summary))
    let topics = inventory.topics.map { topic in
      ListedTopic(
        name: topic.name, metadata: metadata[topic.name] ?? TopicMetadata(title: topic.name),
        lessons: listed[topic.name] ?? [], faqs: faqs.links(topic: topic.name))
    }.sorted { $0.metadata.title.localizedStandardCompare($1.metadata.title) == .orderedAscending }
    let lessons = topics.flatMap(\.lessons)

    // The parts write different files: they run side by side, the longest first.
    let inputs = Inputs(
      inventory: inventory, records: records, metadata: metadata, faqs: faqs, people: people,
      templatesFolder: templatesFolder, topics: topics, lessons: lessons)
    let done = parallelMap(Part.Kind.allCases, jobs: jobs) { kind -> Result<Part, SiteError> in
      do throws(SiteError) {
        return .success(try part(kind, inputs))
      } catch {
        return .failure(error)
      }
    }
    var parts: [Part.Kind: Part] = [:]
    // A failure is reported as when the parts were written one after the other: the first in that order.
    for kind in [Part.Kind.images, .faqs, .index, .topics, .search, .contributors, .tags, .feed, .assets] {
      parts[kind] = try done[kind.rawValue].get()
    }
    func written(_ kind: Part.Kind) -> Part { parts[kind] ?? Part() }
    let pages = written(.index).pages + written(.topics).pages + lessons.map(\.pagePath) + written(.faqs).pages
      + written(.contributors).pages + written(.tags).pages
    var lastModified = Self.lastModified(topics)
    for lesson in lessons { lastModified[lesson.pagePath] = lesson.summary.modified }
    try writer.write(
      Sitemap.xml(pages: pages, baseURL: site.baseURL, lastModified: lastModified), to: "sitemap.xml")
    let files = written(.images).files + written(.search).files + pages.filter { !$0.hasSuffix("/tutorial.html") }
      + ["sitemap.xml", AtomFeed.fileName] + written(.assets).files
    return Written(files: files, warnings: written(.images).warnings + written(.contributors).warnings)
  }

  /// What the parts of `write` read.
  private struct Inputs: Sendable {
    var inventory: ContentInventory
    var records: [String: BuildManifest.Lesson]
    var metadata: [String: TopicMetadata]
    var faqs: FAQCatalog
    var people: ContributorDirectory
    var templatesFolder: String
    /// The topics in the index's order, each with its listed lessons.
    var topics: [ListedTopic]
    /// Every listed lesson, in the topics' order.
    var lessons: [ListedLesson]
  }

  /// Writes one part of the site's own pages and files.
  private func part(_ kind: Part.Kind, _ inputs: Inputs) throws(SiteError) -> Part {
    let writer = writer
    switch kind {
    case .contributors:
      // Avatars are listed with the contributor pages, in the sitemap too.
      var warnings: [Diagnostic] = []
      let pages = try ContributorPages.write(
        lessons: inputs.lessons, people: inputs.people, templates: templates, site: site, writer: writer,
        root: inputs.inventory.root, warnings: &warnings)
      return Part(pages: pages, warnings: warnings)
    case .index:
      try writer.write(templates.page("index", context: IndexPage.context(topics: inputs.topics, site: site)), to: "index.html")
      return Part(pages: ["index.html"])
    case .topics: return try topicPages(inputs.topics)
    case .tags: return Part(pages: try TagPages.write(lessons: inputs.lessons, templates: templates, site: site, writer: writer))
    case .faqs:
      return Part(pages: try FAQPages.write(
        inputs.faqs, templates: templates, site: site, topicTitles: inputs.metadata.mapValues(\.title),
        tutorialTitles: inputs.records.compactMapValues { $0.summary?.title }, writer: writer))
    case .feed:
      try writer.write(
        AtomFeed.xml(lessons: inputs.lessons, topicTitles: inputs.metadata.mapValues(\.title), site: site),
        to: AtomFeed.fileName)
      return Part()
    case .images: return try topicImages(inputs.inventory)
    case .assets: return try copyAssets(templatesFolder: inputs.templatesFolder)
    case .search: return try searchIndex(inputs.topics)
    }
  }

  /// Every topic's `images/`, copied (but what could run script, unless the site's authors are trusted).
  private func topicImages(_ inventory: ContentInventory) throws(SiteError) -> Part {
    let writer = writer
    var part = Part()
    for topic in inventory.topics {
      for image in topic.images.keys {
        let target = "topics/\(topic.name)/\(image)"
        if let refused = try writer.publishContentFile(
          topic.folder + "/" + image, to: target, confinedTo: inventory.root.realPath, rawHTML: site.rawHTML)
        {
          part.warnings.append(refused)
        } else {
          part.files.append(target)
        }
      }
    }
    return part
  }

  /// A page per topic that lists something.
  private func topicPages(_ topics: [ListedTopic]) throws(SiteError) -> Part {
    let writer = writer
    var part = Part()
    if templates.names.contains("topic") {
      for topic in topics where !topic.lessons.isEmpty || !topic.faqs.isEmpty {
        let path = "topics/\(topic.name)/index.html"
        try writer.write(templates.page("topic", context: IndexPage.topicContext(topic, site: site)), to: path)
        part.pages.append(path)
      }
    }
    return part
  }

  /// The search index's files and the search page, when the templates have one.
  private func searchIndex(_ topics: [ListedTopic]) throws(SiteError) -> Part {
    let writer = writer
    var part = Part()
    guard templates.names.contains("search") else { return part }
    for file in SearchIndex.files(lessons: SearchIndex.lessons(of: topics)) {
      try writer.write(file.contents, to: file.path)
      part.files.append(file.path)
    }
    try writer.write(templates.page("search", context: Self.searchContext(site: site)), to: "search.html")
    part.files.append("search.html")
    return part
  }

  /// The files of `templates/assets/`, copied.
  private func copyAssets(templatesFolder: String) throws(SiteError) -> Part {
    let writer = writer
    var part = Part()
    let assets = templatesFolder + "/assets"
    if try FileSystem.status(assets)?.isDirectory == true, let realTemplates = FileSystem.realPath(templatesFolder) {
      for file in try FileSystem.tree(under: assets).keys.sorted() {
        try writer.copy(assets + "/" + file, to: "assets/" + file, confinedTo: realTemplates)
        part.files.append("assets/" + file)
      }
    }
    return part
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
