import Dispatch
import Execution
import Lessons
import Synchronization

/// Builds the site: content folder → output folder, through parsing, execution and the templates.
///
/// The build is atomic (a staging folder swapped in at the end; a build that throws leaves the old site as it
/// was) and incremental (a manifest in the output folder: with nothing changed the build stops after comparing
/// file sizes and times; with some lessons changed only those are rendered again). A lesson with errors is
/// reported and left out; the others are still built.
public struct SiteBuilder: Sendable {
  public var configuration: BuildConfiguration

  public init(configuration: BuildConfiguration) {
    self.configuration = configuration
  }

  /// Builds the site. Throws only when the build as a whole cannot go on (no content, broken templates, output not
  /// writable); lesson problems are in the report.
  public func build(progress: @Sendable (BuildEvent) -> Void = { _ in }) throws(SiteError) -> BuildReport {
    let start = DispatchTime.now()
    var report = BuildReport()
    let inventory = try ContentScanner.scan(configuration.contentFolder)
    report.lessons = inventory.tutorials.count
    let settings = try currentSettings(inventory)
    let previous = BuildManifest.load(from: configuration.outputFolder)
    let topicRecords = Dictionary(
      uniqueKeysWithValues: inventory.topics.map {
        ($0.name, BuildManifest.TopicRecord(metadata: $0.metadata, images: $0.images))
      })

    if let previous, isUpToDate(previous, inventory: inventory, settings: settings, topics: topicRecords) {
      report.upToDate = true
      report.reused = inventory.tutorials.count
      report.disabled = previous.lessons.values.count { $0.summary == nil }
      report.diagnostics = Self.ordered(
        previous.siteDiagnostics + previous.lessons.keys.sorted().flatMap { previous.lessons[$0]?.warnings ?? [] })
      report.seconds = Self.seconds(since: start)
      return report
    }

    let templates = try TemplateSet(folder: configuration.templatesFolder)
    var site = SiteSettings()
    do {
      site = try SiteSettings.load(contentRoot: configuration.contentFolder)
    } catch {
      report.diagnostics.append(error.diagnostic)
    }
    if let baseURL = configuration.baseURL { site.baseURL = baseURL }
    report.diagnostics += inventory.problems

    let staging = try StagingFolder(output: configuration.outputFolder)
    do {
      var records: [String: BuildManifest.Lesson] = [:]
      var dirty: [TutorialSource] = []
      for source in inventory.tutorials {
        // A lesson's page also shows its topic's title and may point at the topic's images.
        if let old = previous?.lessons[source.relativePath], previous?.settings == settings, old.inputs == source.inputs,
          previous?.topics[source.topic] == topicRecords[source.topic], !isRefreshed(source),
          carryOver(old, from: staging.output, to: staging.path)
        {
          records[source.relativePath] = old
          report.diagnostics += old.warnings
          report.reused += 1
        } else {
          dirty.append(source)
        }
      }

      let metadata = Self.topicMetadata(inventory, diagnostics: &report.diagnostics)
      let siteDiagnostics = report.diagnostics
      let processor = LessonProcessor(
        templates: templates, site: site, strict: configuration.strict,
        topicTitles: metadata.mapValues(\.title), execution: configuration.execution)
      let outcomes = Self.process(dirty, jobs: configuration.jobs, progress: progress) { source in
        processor.process(source, staging: staging.path)
      }
      for outcome in outcomes {
        report.diagnostics += outcome.diagnostics
        report.rendered += 1
        if let record = outcome.record {
          records[outcome.source.relativePath] = record
        } else {
          report.failed.append(outcome.source.relativePath)
        }
      }
      report.disabled = records.values.count { $0.summary == nil }

      try SitePages(templates: templates, site: site, staging: staging.path).write(
        inventory: inventory, records: records, metadata: metadata, templatesFolder: configuration.templatesFolder)
      let manifest = BuildManifest(
        settings: settings, siteDiagnostics: siteDiagnostics, topics: topicRecords, lessons: records)
      try FileSystem.write(try manifest.encoded(), to: staging.path + "/" + BuildManifest.fileName)
      try staging.swapIn()
    } catch {
      staging.discard()
      throw error
    }
    report.diagnostics = Self.ordered(report.diagnostics)
    report.seconds = Self.seconds(since: start)
    return report
  }

  /// Parses and renders every lesson without executing cells or writing anything: what `lessons check` reports.
  public func check(progress: @Sendable (BuildEvent) -> Void = { _ in }) throws(SiteError) -> BuildReport {
    let start = DispatchTime.now()
    var report = BuildReport()
    let inventory = try ContentScanner.scan(configuration.contentFolder)
    report.lessons = inventory.tutorials.count
    report.diagnostics += inventory.problems
    let templates = try TemplateSet(folder: configuration.templatesFolder)
    var site = SiteSettings()
    do {
      site = try SiteSettings.load(contentRoot: configuration.contentFolder)
    } catch {
      report.diagnostics.append(error.diagnostic)
    }
    let metadata = Self.topicMetadata(inventory, diagnostics: &report.diagnostics)
    let processor = LessonProcessor(
      templates: templates, site: site, strict: configuration.strict, topicTitles: metadata.mapValues(\.title),
      execution: nil)
    for outcome in Self.process(inventory.tutorials, jobs: configuration.jobs, progress: progress, {
      processor.process($0, staging: nil)
    }) {
      report.rendered += 1
      report.diagnostics += outcome.diagnostics
      if outcome.record == nil { report.failed.append(outcome.source.relativePath) }
      if outcome.record?.summary == nil && outcome.record != nil { report.disabled += 1 }
    }
    report.diagnostics = Self.ordered(report.diagnostics)
    report.seconds = Self.seconds(since: start)
    return report
  }

  // MARK: - Deciding what to render

  private func currentSettings(_ inventory: ContentInventory) throws(SiteError) -> BuildManifest.Settings {
    guard try FileSystem.status(configuration.templatesFolder)?.isDirectory == true else {
      throw SiteError(.template, file: configuration.templatesFolder, reason: "the templates folder does not exist")
    }
    return BuildManifest.Settings(
      builder: BuilderVersion.current, templates: try FileSystem.tree(under: configuration.templatesFolder),
      siteFile: inventory.settings, baseURL: configuration.baseURL, strict: configuration.strict)
  }

  private func isUpToDate(
    _ manifest: BuildManifest, inventory: ContentInventory, settings: BuildManifest.Settings,
    topics: [String: BuildManifest.TopicRecord]
  ) -> Bool {
    guard manifest.settings == settings, manifest.topics == topics, inventory.problems.isEmpty,
      configuration.execution.refresh == .none, !configuration.execution.live,
      manifest.lessons.count == inventory.tutorials.count
    else { return false }
    return inventory.tutorials.allSatisfy { manifest.lessons[$0.relativePath]?.inputs == $0.inputs }
  }

  /// Whether `--refresh` names the lesson (or everything), or `--live` asks for fresh results.
  private func isRefreshed(_ source: TutorialSource) -> Bool {
    if configuration.execution.live { return true }
    switch configuration.execution.refresh {
    case .none: return false
    case .all: return true
    case .lessons(let names): return names.contains(source.slug) || names.contains(source.relativePath)
    }
  }

  /// Links a lesson's files from the current site into the staging folder; false when one is missing.
  private func carryOver(_ record: BuildManifest.Lesson, from output: String, to staging: String) -> Bool {
    do {
      for file in record.outputs {
        guard try FileSystem.status(output + "/" + file) != nil else { return false }
        try FileSystem.linkOrCopy(output + "/" + file, to: staging + "/" + file)
      }
      return true
    } catch {
      return false
    }
  }

  // MARK: - Helpers

  /// Every topic's metadata; a broken metadata.yaml is an error diagnostic and the topic keeps its folder name.
  private static func topicMetadata(
    _ inventory: ContentInventory, diagnostics: inout [Diagnostic]
  ) -> [String: TopicMetadata] {
    var result: [String: TopicMetadata] = [:]
    for topic in inventory.topics {
      do {
        result[topic.name] = try TopicMetadata.load(topic)
      } catch {
        diagnostics.append(error.diagnostic)
        result[topic.name] = TopicMetadata(title: topic.name)
      }
    }
    return result
  }

  private static func process(
    _ sources: [TutorialSource], jobs: Int, progress: @Sendable (BuildEvent) -> Void,
    _ work: @Sendable (TutorialSource) -> LessonProcessor.Outcome
  ) -> [LessonProcessor.Outcome] {
    progress(.started(total: sources.count))
    let done = Mutex(0)
    return parallelMap(sources, jobs: jobs) { source in
      let outcome = work(source)
      done.withLock { count in
        count += 1
        progress(.lessonFinished(relativePath: source.relativePath, done: count, total: sources.count))
      }
      return outcome
    }
  }

  private static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.enumerated().sorted { left, right in
      if left.element.file != right.element.file { return left.element.file < right.element.file }
      if (left.element.line ?? 0) != (right.element.line ?? 0) {
        return (left.element.line ?? 0) < (right.element.line ?? 0)
      }
      return left.offset < right.offset
    }.map(\.element)
  }

  private static func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }
}
