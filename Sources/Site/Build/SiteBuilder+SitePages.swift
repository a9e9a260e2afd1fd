import Lessons

/// The site's own pages (index, topic, tag and contributor pages, search index, feed, sitemap) written while the
/// lessons are published: they read only the lessons' summaries, known once the lessons are prepared, so the build
/// no longer waits for them after the last lesson.
struct EarlySitePages {
  var pages: SitePages
  var inventory: ContentInventory
  var metadata: [String: TopicMetadata]
  var faqs: FAQCatalog
  var people: ContributorDirectory
  var templatesFolder: String
  /// The records the pages are written from: the lessons' records as they will be once published.
  var expected: [String: BuildManifest.Lesson]
  /// Nil with one job (`--jobs 1`): the pages are then written after the lessons, on the calling thread.
  private var writing: Background<Result<SitePages.Written, SiteError>>?

  init(
    pages: SitePages, inventory: ContentInventory, metadata: [String: TopicMetadata], faqs: FAQCatalog,
    people: ContributorDirectory, templatesFolder: String, expected: [String: BuildManifest.Lesson]
  ) {
    (self.pages, self.inventory, self.metadata, self.faqs, self.people) = (pages, inventory, metadata, faqs, people)
    (self.templatesFolder, self.expected) = (templatesFolder, expected)
    guard pages.jobs > 1 else { return }
    let writer = self
    writing = Background {
      do throws(SiteError) {
        return .success(try writer.write(expected))
      } catch {
        return .failure(error)
      }
    }
  }

  /// The records the lessons will have once published, as far as the site's own pages read them: `records` carried
  /// over, and each prepared page's summary with its date (`dates`).
  static func expectedRecords(
    _ records: [String: BuildManifest.Lesson], prepared: [LessonProcessor.Prepared], dates: [String: String]
  ) -> [String: BuildManifest.Lesson] {
    var expected = records
    for index in prepared.indices where prepared[index].page != nil {
      guard var summary = prepared[index].summary else { continue }
      let path = prepared[index].outcome.source.relativePath
      summary.modified = dates[path]
      expected[path] = BuildManifest.Lesson(inputs: [:], outputs: [], summary: summary, warnings: [])
    }
    return expected
  }

  /// The paths written, relative to the site root, once the lessons are published with `records`. When a lesson
  /// failed to publish (the summaries differ from the expected ones), every file the first writing made is removed
  /// and the pages are written again from `records`: a partial build leaves a search file alone when the published
  /// site has its bytes already, so an early version left in staging would replace the right one.
  func outputs(records: [String: BuildManifest.Lesson]) throws(SiteError) -> [String] {
    try written(records: records).files
  }

  /// What `outputs(records:)` returns, with the warnings of the content files left out (`SitePages.Written`).
  func written(records: [String: BuildManifest.Lesson]) throws(SiteError) -> SitePages.Written {
    guard let early = writing?.value else { return try write(records) }
    if Self.sameSummaries(expected, records) { return try early.get() }
    for file in (try? early.get())?.files ?? [] { FileSystem.remove(pages.staging + "/" + file) }
    return try write(records)
  }

  /// Whether the lessons with a summary and their summaries are the same in `left` and `right`
  /// (`left.compactMapValues(\.summary) == right.compactMapValues(\.summary)`, without making the two dictionaries).
  static func sameSummaries(_ left: [String: BuildManifest.Lesson], _ right: [String: BuildManifest.Lesson]) -> Bool {
    guard left.values.count(where: { $0.summary != nil }) == right.values.count(where: { $0.summary != nil }) else {
      return false
    }
    return right.allSatisfy { path, lesson in
      guard let summary = lesson.summary else { return true }
      return left[path]?.summary == summary
    }
  }

  private func write(_ records: [String: BuildManifest.Lesson]) throws(SiteError) -> SitePages.Written {
    try pages.write(
      inventory: inventory, records: records, metadata: metadata, faqs: faqs, people: people, templatesFolder: templatesFolder)
  }
}
