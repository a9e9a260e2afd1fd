/// `feed.xml`: an Atom feed (RFC 4287) of the site's lessons, the most recently changed first, so that readers
/// follow new and updated lessons.
///
/// With a base URL (`--base-url`, `base_url:`) every link and id is absolute. Without one the links are relative
/// to the feed (at the site root, so they stay right wherever the site is put) and the ids are `urn:lessons:`
/// followed by the page's path: Atom wants an id to be an IRI, and the page's path names it for good.
enum AtomFeed {
  /// The feed's path relative to the site root.
  static let fileName = "feed.xml"
  /// The date of an entry whose date is unknown (the feed's `updated` too, when it has no entries).
  static let unknownDate = "1970-01-01T00:00:00Z"

  /// The XML text for `lessons`; `topicTitles` names each lesson's topic (its category).
  static func xml(lessons: [ListedLesson], topicTitles: [String: String], site: SiteSettings) -> String {
    let base = PageMeta.absoluteBase(site.baseURL)
    func link(_ path: String) -> String { (base ?? "") + URLPath.encode(path) }
    func id(_ path: String) -> String { base.map { $0 + URLPath.encode(path) } ?? "urn:lessons:" + URLPath.encode(path) }
    func date(_ lesson: ListedLesson) -> String {
      lesson.summary.modified.flatMap { PageDate.seconds($0) != nil ? $0 : nil } ?? unknownDate
    }
    let entries = lessons.map { (lesson: $0, date: date($0), seconds: PageDate.seconds(date($0)) ?? 0) }
      .sorted { left, right in
        if left.seconds != right.seconds { return left.seconds > right.seconds }
        return left.lesson.relativePath < right.lesson.relativePath
      }
    let e = HTMLEscaping.escape
    var text = """
      <?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(e(site.language))">
        <title>\(e(site.title))</title>

      """
    if let description = site.description { text += "  <subtitle>\(e(description))</subtitle>\n" }
    text += "  <id>\(e(id(fileName)))</id>\n"
    if base != nil { text += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(e(link(fileName)))\"/>\n" }
    text += """
        <link rel="alternate" type="text/html" href="\(e(link("index.html")))"/>
        <updated>\(e(entries.first?.date ?? unknownDate))</updated>
        <author><name>\(e(site.title))</name></author>
        <generator>lessons</generator>

      """
    for entry in entries {
      let lesson = entry.lesson
      text += """
          <entry>
            <title>\(e(lesson.summary.title))</title>
            <link rel="alternate" type="text/html" href="\(e(link(lesson.pagePath)))"/>
            <id>\(e(id(lesson.pagePath)))</id>
            <updated>\(e(entry.date))</updated>

        """
      if let topic = topicTitles[lesson.topic] { text += "    <category term=\"\(e(topic))\"/>\n" }
      if let summary = lesson.summary.description { text += "    <summary>\(e(summary))</summary>\n" }
      text += "  </entry>\n"
    }
    return text + "</feed>\n"
  }
}
