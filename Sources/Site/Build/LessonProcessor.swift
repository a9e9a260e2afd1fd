import Execution
import Lessons

/// Turns one tutorial folder into its page: parse, execute (or reuse frozen results), render the body, put it in
/// the templates, write the page and the files beside it into the staging folder.
///
/// Safe to run for several lessons at once: it shares only immutable values.
struct LessonProcessor: Sendable {
  var templates: TemplateSet
  var site: SiteSettings
  var strict: Bool
  /// Topic folder name → title, for the breadcrumbs.
  var topicTitles: [String: String]
  /// Topic folder name → its FAQs, linked from its lessons.
  var topicFAQs: [String: [FAQLink]] = [:]
  /// Tutorial folder (`topics/<topic>/tutorials/<name>`) → the FAQs in its `faqs/` folder, linked from it first.
  var tutorialFAQs: [String: [FAQLink]] = [:]
  /// Full names and pages of contributors (`CONTRIBUTORS.yaml`).
  var people = ContributorDirectory()
  /// Nil in `lessons check`: cells are not executed there (pages show the code without output).
  var execution: ExecutionOptions?
  /// The content folder: files are copied only while their real path lies inside it.
  var contentRoot: ContentRoot
  /// Whether lessons are indexed for search; nil: when the templates have a search page (`lessons check`, which
  /// writes nothing, says false).
  var indexesSearch: Bool? = nil

  /// What became of one lesson.
  struct Outcome: Sendable {
    var source: TutorialSource
    /// Nil when the lesson failed (it is then left out of the site and tried again by the next build).
    var record: BuildManifest.Lesson?
    var diagnostics: [Diagnostic]
  }

  /// A lesson parsed, executed and rendered to its body, waiting for what only the whole site knows (its
  /// neighbours in the topic's order, its date) to become its page.
  struct Prepared: Sendable {
    /// Diagnostics so far; `record` is nil until the page is published.
    var outcome: Outcome
    /// Nil when the lesson failed or is disabled (`outcome.record` says which).
    var page: TutorialPage?
    var notebook: (name: String, json: String)?
    var summary: BuildManifest.LessonSummary?
    /// The internal requirements' titles the page shows (`RequirementTitles.Resolved.shown`), for the manifest.
    var requirementTitles: [String: String] = [:]
    /// Whether the lesson has cells to run and an executor was asked for their results: only then may files beside
    /// the lesson have changed since the scan (frozen results saved, a lesson program writing), and the folder is
    /// listed again when the lesson is published.
    var executed = false
    /// The GTN slides beside the lesson that are published as pages (`slidesPage`), by file name, made once for
    /// the page's links, the files published and what `lessons check` reports.
    var slides: [String: Result<SlidesPage, SiteError>] = [:]
  }

  /// What only the whole site knows about a lesson's page.
  struct SiteFacts: Sendable {
    var navigation: LessonNeighbours?
    /// ISO 8601; nil when unknown.
    var modified: String?
    /// The edit links' start (`https://github.com/o/r/edit/main/content/`), nil without a repository.
    var editBase: String?
  }

  /// Processes `source` as a whole; writes into `staging` unless it is nil (checking only). `onStep` hears what
  /// the lesson's execution does (compiling, each cell as it begins), when its cells run.
  func process(
    _ source: TutorialSource, staging: String?, facts: SiteFacts = SiteFacts(),
    onStep: (@Sendable (ExecutionStep) -> Void)? = nil
  ) -> Outcome {
    publish(prepare(source, onStep: onStep), facts: facts, staging: staging)
  }

  /// Parses, executes (or reuses frozen results) and renders the body of `source`; writes nothing. `onStep` hears
  /// what the lesson's execution does, when its cells run.
  func prepare(_ source: TutorialSource, onStep: (@Sendable (ExecutionStep) -> Void)? = nil) -> Prepared {
    var prepared = Prepared(outcome: Outcome(source: source, record: nil, diagnostics: []))
    let lesson: Lesson
    do {
      lesson = try LessonParser.parse(
        file: source.file, relativePath: source.relativePath, site: site.liquidVariables, rawHTML: site.rawHTML)
    } catch {
      prepared.outcome.diagnostics.append(Diagnostic(.error, file: source.file, "cannot read the lesson: \(error)"))
      return prepared
    }
    prepared.outcome.diagnostics = lesson.diagnostics
    guard lesson.frontMatter.enabled else {
      prepared.outcome.record = BuildManifest.Lesson(inputs: source.inputs, outputs: [], summary: nil, warnings: [])
      prepared.outcome = finish(prepared.outcome)
      return prepared
    }
    guard !hasErrors(prepared.outcome.diagnostics) else {
      prepared.outcome = finish(prepared.outcome)
      return prepared
    }

    var results: LessonResults?
    prepared.executed = execution != nil && lesson.cells.contains(where: \.options.run)
    if var execution {
      execution.passedEnvironment += site.environment
      execution.onStep = onStep
      let (executed, problems) = Executor.results(for: lesson, options: execution)
      results = executed
      prepared.outcome.diagnostics += problems
    }
    let cellResults = Dictionary((results?.cells ?? []).map { ($0.index, $0) }, uniquingKeysWith: { first, _ in first })
    let body = BodyRenderer.render(lesson, galaxyURL: site.galaxyURL) { cell in CellRenderer.render(cell, result: cellResults[cell.index]) }
    prepared.outcome.diagnostics += body.diagnostics
    prepared.outcome = finish(prepared.outcome)
    guard !hasErrors(prepared.outcome.diagnostics) else { return prepared }

    // A lesson with Swift cells is also published as a Jupyter notebook, with the captured outputs.
    if !lesson.cells.isEmpty {
      do {
        let root = contentRoot.realPath
        let notebook = try NotebookExport.notebook(for: lesson, results: results) { path in
          FileSystem.readRegular(path, confinedTo: root, limit: NotebookMarkdown.maximumImageBytes)
        }
        prepared.notebook = (lesson.slug + ".ipynb", notebook)
      } catch {
        prepared.outcome.diagnostics.append(Diagnostic(.warning, file: source.file, "cannot export the notebook: \(error)"))
      }
    }
    let required = RequirementTitles.resolve(lesson, root: contentRoot)
    prepared.outcome.diagnostics += required.diagnostics
    prepared.requirementTitles = required.shown
    prepared.slides = slidesPages(source)
    var page = TutorialPage(
      lesson: lesson, body: body, results: results,
      assets: publishedAssets(source, slides: prepared.slides) + (prepared.notebook.map { [$0.name] } ?? []), site: site,
      topicTitle: topicTitles[source.topic] ?? source.topic, faqs: (tutorialFAQs[source.relativePath] ?? []) + (topicFAQs[source.topic] ?? []), people: people,
      requirementTitles: required.titles)
    page.describe()
    let front = lesson.frontMatter
    prepared.summary = BuildManifest.LessonSummary(
      title: front.title, level: front.level, minutes: front.timeEstimation?.minutes, draft: front.draft,
      contributors: front.everyContributor, tags: front.tags, description: page.description)
    if indexesSearch ?? templates.names.contains("search"), !front.draft {
      prepared.summary?.searchTerms = SearchLesson.make(title: front.title, bodyHTML: body.html).terms
    }
    prepared.page = page
    return prepared
  }

  /// Renders the prepared lesson's page with `facts` and writes it, with the files beside it, into `staging`
  /// (nothing when nil); the outcome's record says what was written.
  func publish(_ prepared: Prepared, facts: SiteFacts, staging: String?) -> Outcome {
    var outcome = prepared.outcome
    let source = outcome.source
    guard var page = prepared.page, var summary = prepared.summary else { return outcome }
    page.navigation = facts.navigation
    page.modified = facts.modified
    page.editLink = facts.editBase.map { EditLink.url(base: $0, file: source.relativePath + "/tutorial.md") }
    let html = templates.pageUTF8("tutorial", context: page.context())
    let pagePath = source.relativePath + "/tutorial.html"
    var outputs = [pagePath]
    if let staging {
      do {
        // The page's folder is new in the staging folder: made first, so that the page is opened once.
        try FileSystem.createDirectory(staging + "/" + source.relativePath)
        try FileSystem.write(html, to: staging + "/" + pagePath)
        if let notebook = prepared.notebook {
          let target = source.relativePath + "/" + notebook.name
          try FileSystem.write(notebook.json, to: staging + "/" + target)
          outputs.append(target)
        }
        let writer = StagingWriter(staging: staging, published: nil)
        for asset in source.assets {
          let target = source.relativePath + "/" + asset
          if let slides = try prepared.slides[asset]?.get() {
            try FileSystem.write(slides.html, to: staging + "/" + target)
            outcome.diagnostics += slides.diagnostics
          } else if let refused = try writer.publishContentFile(
            source.folder + "/" + asset, to: target, confinedTo: contentRoot.realPath, rawHTML: site.rawHTML)
          {
            // A file that could run script on the site's origin (`ScriptCapableFiles`): left out, with a warning.
            outcome.diagnostics += strict ? Self.strict([refused]) : [refused]
            continue
          }
          outputs.append(target)
        }
      } catch {
        outcome.diagnostics.append(error.diagnostic)
        return outcome
      }
    } else {
      outcome.diagnostics += checkedAssets(source, slides: prepared.slides)
    }
    summary.modified = facts.modified
    // Listed lessons are searched when the site is written (drafts are not listed; `lessons check` writes nothing).
    if staging == nil { summary.searchTerms = nil }
    outcome.record = BuildManifest.Lesson(
      inputs: prepared.executed ? inputsAfterExecution(source) : source.inputs, outputs: outputs, summary: summary,
      warnings: outcome.diagnostics.filter { $0.severity == .warning }, navigation: facts.navigation,
      requirementTitles: prepared.requirementTitles.isEmpty ? nil : prepared.requirementTitles)
    return outcome
  }

  /// What publishing the files beside the lesson would report, for `lessons check`, which writes nothing: the
  /// slides' problems and the files a build would leave out (`ScriptCapableFiles`).
  private func checkedAssets(_ source: TutorialSource, slides: [String: Result<SlidesPage, SiteError>]) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for asset in source.assets {
      switch slides[asset] {
      case .success(let page):
        diagnostics += page.diagnostics
        continue
      case .failure(let error):
        diagnostics.append(error.diagnostic)
        continue
      case nil:
        break
      }
      guard site.rawHTML == .sanitized,
        let refused = ScriptCapableFiles.refusal(of: source.folder + "/" + asset, as: asset, confinedTo: contentRoot.realPath)
      else { continue }
      diagnostics += strict ? Self.strict([refused]) : [refused]
    }
    return diagnostics
  }

  /// The lesson's files as they are now, for a lesson whose cells were executed (`Prepared.executed`): the
  /// execution step may have written frozen results beside the lesson, which must not make the next build think
  /// the lesson changed. When the lesson itself changed meanwhile, the files as they were before are kept, so that
  /// the next build sees the change.
  private func inputsAfterExecution(_ source: TutorialSource) -> [String: FileSystem.Status] {
    var ignored: [Diagnostic] = []
    guard let now = try? ContentScanner.statuses(under: source.folder, prefix: "", root: contentRoot, refused: &ignored),
      now["tutorial.md"] == source.inputs["tutorial.md"]
    else { return source.inputs }
    return now
  }

  /// Applies `--strict` (warnings become errors) and drops the record of a lesson that has errors.
  private func finish(_ outcome: Outcome) -> Outcome {
    var outcome = outcome
    if strict { outcome.diagnostics = Self.strict(outcome.diagnostics) }
    if hasErrors(outcome.diagnostics) { outcome.record = nil }
    return outcome
  }

  /// The diagnostics with every warning made an error, as `--strict` asks.
  static func strict(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.map { diagnostic in
      var diagnostic = diagnostic
      diagnostic.severity = .error
      return diagnostic
    }
  }

  private func hasErrors(_ diagnostics: [Diagnostic]) -> Bool {
    diagnostics.contains { $0.severity == .error }
  }
}
