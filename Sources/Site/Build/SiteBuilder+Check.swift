import Dispatch
import Lessons

extension SiteBuilder {
  /// Parses and renders every lesson without executing cells or writing anything: what `lessons check` reports.
  public func check(progress: @escaping @Sendable (BuildEvent) -> Void = { _ in }) throws(SiteError) -> BuildReport {
    let start = DispatchTime.now()
    var report = BuildReport()
    let inventory = try ContentScanner.scan(configuration.contentFolder)
    report.lessons = inventory.tutorials.count
    report.diagnostics += inventory.problems + refusedLinks(inventory)
    let templates = try TemplateSet(folder: configuration.templatesFolder)
    report.diagnostics += templates.warnings
    let site = siteSettings(inventory, diagnostics: &report.diagnostics)
    let metadata = Self.topicMetadata(inventory, diagnostics: &report.diagnostics)
    let faqs = FAQCatalog.load(root: inventory.root, site: site, diagnostics: &report.diagnostics)
    let people = ContributorDirectory.load(contentRoot: configuration.contentFolder, diagnostics: &report.diagnostics)
    let processor = LessonProcessor(
      templates: templates, site: site, strict: configuration.strict, topicTitles: metadata.mapValues(\.title),
      topicFAQs: faqs.linksByTopic, tutorialFAQs: faqs.linksByTutorial, people: people, execution: nil, contentRoot: inventory.root,
      indexesSearch: false)
    for outcome in Self.process(inventory.tutorials, jobs: configuration.jobs, progress: progress, { source, _ in
      processor.process(source, staging: nil)
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
}
