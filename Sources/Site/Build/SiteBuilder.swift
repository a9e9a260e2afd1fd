import Dispatch
import Execution
import Lessons

/// Builds the site: content folder → output folder, through parsing, execution and the templates.
///
/// The build is atomic (everything is rendered into a staging folder before the site changes; a build that throws
/// leaves the old site as it was) and incremental (a manifest in the output folder: with nothing changed the build
/// stops after comparing file sizes and times; with some lessons changed only those are rendered again). A lesson with errors is
/// reported and left out; the others are still built.
public struct SiteBuilder: Sendable {
  /// What to read, where to write, and how.
  public var configuration: BuildConfiguration

  /// A builder for `configuration`; nothing is read until `build` or `check`.
  public init(configuration: BuildConfiguration) {
    self.configuration = configuration
  }

  /// Builds the site. Throws only when the build as a whole cannot go on (no content, broken templates, output not
  /// writable); lesson problems are in the report.
  public func build(progress: @escaping @Sendable (BuildEvent) -> Void = { _ in }) throws(SiteError) -> BuildReport {
    let start = DispatchTime.now()
    var report = BuildReport()
    var scanned = try ContentScanner.open(configuration.contentFolder)
    // The settings (templates, includes, a look for a `faqs` folder in every tutorial folder) are worked out while
    // the topics are scanned: they need only the content root and `site.yaml`.
    let opened = scanned
    let settingsWork =
      configuration.jobs > 1
      ? Background { [self] in Result { () throws(SiteError) in try currentSettings(opened) } } : nil
    // The templates too, on a thread of their own: a build with nothing to do never asks for them.
    let templatesWork =
      configuration.jobs > 1
      ? Background { [configuration] in
        Result { () throws(SiteError) in try TemplateSet(folder: configuration.templatesFolder) }
      } : nil
    try ContentScanner.scanTopics(into: &scanned, jobs: configuration.jobs)
    let inventory = restrictedToShard(scanned)
    report.lessons = inventory.tutorials.count
    let (settings, faqFolders, settingsProblems) = try { () throws(SiteError) in
      guard let settingsWork else { return try currentSettings(inventory) }
      return try settingsWork.value.get()
    }()
    let last = BuildManifest.load(from: configuration.outputFolder)
    let topicRecords = Dictionary(
      uniqueKeysWithValues: inventory.topics.map {
        ($0.name, BuildManifest.TopicRecord(metadata: $0.metadata, images: $0.images))
      })

    if let last, isUpToDate(last, inventory: inventory, settings: settings, topics: topicRecords) {
      report.upToDate = true
      report.reused = inventory.tutorials.count
      report.disabled = last.lessons.values.count { $0.summary == nil }
      report.diagnostics = Self.ordered(
        last.siteDiagnostics + refusedLinks(inventory)
          + last.lessons.keys.sorted().flatMap { last.lessons[$0]?.warnings ?? [] })
      report.seconds = Self.seconds(since: start)
      return report
    }
    // Lessons carried over (same settings) keep their search terms: without them (their file lost) everything is
    // built again. A build with other settings renders everything and needs none.
    let previous = last.flatMap { $0.settings == settings ? $0.withSearchTerms(from: configuration.outputFolder) : $0 }

    let templates = try { () throws(SiteError) in
      guard let templatesWork else { return try TemplateSet(folder: configuration.templatesFolder) }
      return try templatesWork.value.get()
    }()
    report.diagnostics += settingsProblems + templates.warnings
    let site = siteSettings(inventory, diagnostics: &report.diagnostics)
    report.diagnostics += inventory.problems
    let faqs = FAQCatalog.load(root: inventory.root, site: site, existing: faqFolders, diagnostics: &report.diagnostics)
    let people = ContributorDirectory.load(contentRoot: configuration.contentFolder, diagnostics: &report.diagnostics)

    try checkOutputIsSafeToReplace()
    let staging = try StagingFolder(output: configuration.outputFolder)
    // With the same settings as the current site, only the changed lessons are rendered and the current site is
    // updated file by file; otherwise a whole new site is built and swapped in.
    let partial = previous.map { $0.settings == settings } ?? false
    do {
      var records: [String: BuildManifest.Lesson] = [:]
      var dirty: [TutorialSource] = []
      let currentInputs = Dictionary(inventory.tutorials.map { ($0.relativePath, $0.inputs) }) { first, _ in first }
      for source in inventory.tutorials {
        // A lesson's page also shows its topic's title, may point at the topic's images, and shows the titles of
        // the tutorials it requires.
        if partial, let previous, let old = previous.lessons[source.relativePath], old.inputs == source.inputs,
          previous.topics[source.topic] == topicRecords[source.topic], !isRefreshed(source),
          Self.outputsExist(old, in: staging.output),
          RequirementTitles.areCurrent(old, previous: previous, inputs: currentInputs, root: inventory.root)
        {
          records[source.relativePath] = old
        } else {
          dirty.append(source)
        }
      }

      let metadata = Self.topicMetadata(inventory, diagnostics: &report.diagnostics)
      let siteDiagnostics = report.diagnostics
      report.diagnostics += unknownRefreshNames(scanned) + refusedLinks(inventory)
      let processor = LessonProcessor(
        templates: templates, site: site, strict: configuration.strict,
        topicTitles: metadata.mapValues(\.title), topicFAQs: faqs.linksByTopic, tutorialFAQs: faqs.linksByTutorial,
        people: people, execution: configuration.execution,
        contentRoot: inventory.root)
      // Each page links to its neighbours in the topic's order, known once every changed lesson of the topic has
      // its title (each topic is ordered as soon as it is, while other lessons are still prepared): a page
      // carried over whose neighbours changed (a lesson added, removed or renamed beside it) is rendered again.
      let topicNavigation = TopicNavigation(inventory, records: records, changed: dirty)
      var prepared = Self.process(dirty, jobs: configuration.jobs, progress: progress) { source, onStep in
        let lesson = processor.prepare(source, onStep: onStep)
        topicNavigation.prepared(source, summary: lesson.summary)
        return lesson
      }
      let navigation = topicNavigation.neighbours
      let moved = inventory.tutorials.filter { source in
        guard let old = records[source.relativePath], old.summary != nil else { return false }
        return old.navigation != navigation[source.relativePath]
      }
      for source in moved { records[source.relativePath] = nil }
      prepared += parallelMap(moved, jobs: configuration.jobs) { processor.prepare($0) }
      for record in records.values {
        report.diagnostics += record.warnings
        report.reused += 1
      }

      let workTree = GitWorkTree.containing(configuration.contentFolder)
      let dates = lessonDates(prepared.compactMap { $0.page == nil ? nil : $0.outcome.source }, workTree: workTree)
      let editBase = editLinkBase(site, workTree: workTree)
      let sitePages = EarlySitePages(
        pages: SitePages(
          templates: templates, site: site, staging: staging.path, published: partial ? staging.output : nil,
          jobs: configuration.jobs),
        inventory: inventory, metadata: metadata, faqs: faqs, people: people,
        templatesFolder: configuration.templatesFolder,
        expected: EarlySitePages.expectedRecords(records, prepared: prepared, dates: dates))
      // Each lesson's parsed document and body are freed by the thread that publishes it.
      var handoffs: [Handoff<LessonProcessor.Prepared>] = []
      handoffs.reserveCapacity(prepared.count)
      while let lesson = prepared.popLast() { handoffs.append(Handoff(lesson)) }
      handoffs.reverse()
      let outcomes = parallelMap(handoffs, jobs: configuration.jobs) { handoff in
        guard let lesson = handoff.take() else { preconditionFailure("a lesson is published once") }
        let path = lesson.outcome.source.relativePath
        let facts = LessonProcessor.SiteFacts(navigation: navigation[path], modified: dates[path], editBase: editBase)
        let outcome = processor.publish(lesson, facts: facts, staging: staging.path)
        // The lesson's entry in the manifest, encoded here in parallel rather than with the whole manifest at the end.
        return (outcome, outcome.record.map { BuildManifest.entry(path, $0) })
      }
      var manifestEntries: [String: String] = [:]
      manifestEntries.reserveCapacity(outcomes.count)
      records.reserveCapacity(records.count + outcomes.count)
      for (outcome, entry) in outcomes {
        if let entry { manifestEntries[outcome.source.relativePath] = entry }
        report.diagnostics += outcome.diagnostics
        report.rendered += 1
        if let record = outcome.record {
          records[outcome.source.relativePath] = record
        } else {
          report.failed.append(outcome.source.relativePath)
        }
      }
      report.disabled = records.values.count { $0.summary == nil }

      let written = try sitePages.written(records: records)
      let siteOutputs = written.files
      // Topic images and avatars left out: reported again by a build with nothing to do, like the site's settings.
      let refusedFiles = configuration.strict ? LessonProcessor.strict(written.warnings) : written.warnings
      report.diagnostics += refusedFiles
      let manifest = BuildManifest(
        settings: settings, siteDiagnostics: siteDiagnostics + refusedFiles, siteOutputs: siteOutputs, topics: topicRecords,
        lessons: records)
      try FileSystem.write(
        pieces: try manifest.encodedPieces(entries: manifestEntries), to: staging.path + "/" + BuildManifest.fileName)
      try FileSystem.write(pieces: SearchTermsFile.pieces(records), to: staging.path + "/" + SearchTermsFile.fileName)
      if partial, let previous {
        let produced = Set(siteOutputs + records.values.flatMap(\.outputs))
        let before = Set(previous.siteOutputs + previous.lessons.values.flatMap(\.outputs))
        try staging.commit(removing: before.subtracting(produced).sorted())
      } else {
        if let note = try staging.swapIn().note { report.notes.append(note) }
      }
      releaseElsewhere(
        (
          consume outcomes, consume manifestEntries, consume records, consume manifest, consume sitePages,
          consume navigation, consume dates, consume handoffs, consume topicNavigation
        ))
    } catch {
      staging.discard()
      throw error
    }
    report.diagnostics = Self.ordered(report.diagnostics)
    report.seconds = Self.seconds(since: start)
    return report
  }
}
