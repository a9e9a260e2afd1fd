import Lessons

/// A lesson as the index, topic pages and sitemap list it.
struct ListedLesson: Sendable {
  var topic: String
  var relativePath: String
  var summary: BuildManifest.LessonSummary

  /// The page's path relative to the site root.
  var pagePath: String { relativePath + "/tutorial.html" }
  /// The same, percent-encoded for a link.
  var pageLink: String { URLPath.encode(pagePath) }
}

/// A topic as the index lists it.
struct ListedTopic: Sendable {
  var name: String
  var metadata: TopicMetadata
  var lessons: [ListedLesson]
  /// The topic's FAQs (`topics/<topic>/faqs/*.md`).
  var faqs: [FAQLink] = []
}

/// The Mustache contexts of the index page (`index.mustache`) and of a topic's page (`topic.mustache`).
///
/// Drafts are left out of both: they are built (their authors preview them by path) but not listed.
enum IndexPage {
  static func context(topics: [ListedTopic], site: SiteSettings) -> [String: Any] {
    let listed = topics.filter { !$0.lessons.isEmpty }
    let description =
      site.description ?? "\(site.title): lessons on " + listed.map(\.metadata.title).joined(separator: ", ") + "."
    let meta = PageMeta(path: "index.html", description: listed.isEmpty ? site.description : description, language: site.language)
    return [
      "root": "",
      "siteTitle": site.title,
      "title": site.title,
      // The layout names the site once in the window title of the home page ("Site", not "Site · Site").
      "homePage": true,
      "topics": listed.map { topic($0, root: "", rawHTML: site.rawHTML) },
    ].merging(meta.context(site: site)) { _, meta in meta }
  }

  static func topicContext(_ listed: ListedTopic, site: SiteSettings) -> [String: Any] {
    let root = PageFormatting.root(fromFolder: "topics/\(listed.name)")
    var context = topic(listed, root: root, rawHTML: site.rawHTML)
    context["root"] = root
    context["siteTitle"] = site.title
    let summary = listed.metadata.summary.map { SearchSection.plainText(TopicSummary.html($0, topic: listed.name, rawHTML: site.rawHTML)[...]) }
    let meta = PageMeta(
      path: "topics/\(listed.name)/index.html",
      description: summary ?? "Lessons on \(listed.metadata.title): " + listed.lessons.map(\.summary.title).joined(separator: ", ") + ".",
      language: site.language)
    context.merge(meta.context(site: site)) { _, meta in meta }
    return context
  }

  /// One topic with its tutorials, links made relative to `root`.
  private static func topic(_ listed: ListedTopic, root: String, rawHTML: RawHTMLMode) -> [String: Any] {
    let tutorials = listed.lessons.map { lesson -> [String: Any] in
      var entry: [String: Any] = ["title": lesson.summary.title, "link": root + lesson.pageLink]
      if let level = lesson.summary.level { entry["level"] = level }
      if let minutes = lesson.summary.minutes { entry["time"] = PageFormatting.duration(minutes: minutes) }
      return entry
    }
    var context: [String: Any] = [
      "name": listed.name,
      "title": listed.metadata.title,
      "link": root + URLPath.encode("topics/\(listed.name)/index.html"),
      "tutorials": tutorials,
    ]
    context["faqs"] = listed.faqs.map { ["title": $0.title, "link": root + $0.pagePath] }
    context["hasFaqs"] = !listed.faqs.isEmpty
    if let summary = listed.metadata.summary {
      context["summary"] = summary
      context["summaryHTML"] = TopicSummary.html(summary, topic: listed.name, rawHTML: rawHTML)
    }
    return context
  }
}
