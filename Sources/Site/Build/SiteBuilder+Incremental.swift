import Execution
import Foundation
import Lessons

/// How a build decides what to render: the settings that decide every page, whether the site is up to date,
/// which lessons `--refresh` names, and whether the output folder may be replaced.
extension SiteBuilder {
  /// The settings that decide every page, and the FAQ folders that exist (`FAQCatalog.existingFolders`, found
  /// here once for the settings and the FAQ catalog). Needs only what `ContentScanner.open` found (the root and
  /// `site.yaml`), so that it can be worked out while the topics are scanned. An include folder that cannot be
  /// read whole (a symbolic link loop, folders nested too deep) is an error of its own in `problems`, not the end
  /// of the build: one file of a pull request must not stop every lesson from being published.
  func currentSettings(
    _ inventory: ContentInventory
  ) throws(SiteError) -> (BuildManifest.Settings, faqFolders: [String], problems: [Diagnostic]) {
    guard try FileSystem.status(configuration.templatesFolder)?.isDirectory == true else {
      throw SiteError(.template, file: configuration.templatesFolder, reason: "the templates folder does not exist")
    }
    var includes: [String: FileSystem.Status] = [:]
    var refused: [Diagnostic] = []  // links out of the content folder are never read by includes either
    var problems: [Diagnostic] = []
    func include(_ folder: String) {
      do {
        let statuses = try ContentScanner.statuses(
          under: configuration.contentFolder + "/" + folder, prefix: folder + "/", root: inventory.root, refused: &refused)
        includes.merge(statuses) { first, _ in first }
      } catch {
        problems.append(error.diagnostic)
      }
    }
    for folder in ["snippets", "_includes", "contributors"]
    where try FileSystem.status(configuration.contentFolder + "/" + folder)?.isDirectory == true {
      include(folder)
    }
    let faqFolders = try FAQCatalog.existingFolders(contentRoot: configuration.contentFolder)
    for folder in faqFolders { include(folder) }
    // Every lesson shows its contributors' names from CONTRIBUTORS.yaml.
    if let status = try FileSystem.status(configuration.contentFolder + "/" + ContributorDirectory.fileName) {
      includes[ContributorDirectory.fileName] = status
    }
    let settings = BuildManifest.Settings(
      builder: BuilderVersion.current, templates: try FileSystem.tree(under: configuration.templatesFolder),
      includes: includes, siteFile: inventory.settings, baseURL: configuration.baseURL, strict: configuration.strict)
    return (settings, faqFolders, problems)
  }

  func isUpToDate(
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
  func isRefreshed(_ source: TutorialSource) -> Bool {
    if configuration.execution.live { return true }
    switch configuration.execution.refresh {
    case .none: return false
    case .all: return true
    case .lessons(let names): return names.contains(source.slug) || names.contains(source.relativePath)
    }
  }

  /// Refuses an output folder whose replacement would destroy the inputs (the content or templates folder, a
  /// folder holding them, or the current folder: `--out .`), and one inside the content or templates folder (inside
  /// a lesson folder, every build would publish the site into itself again).
  func checkOutputIsSafeToReplace() throws(SiteError) {
    let output = Self.realPath(ofPossiblyMissing: configuration.outputFolder)
    let protected = [configuration.contentFolder, configuration.templatesFolder, FileManager.default.currentDirectoryPath]
    for folder in protected.map(Self.realPath(ofPossiblyMissing:)) where FileSystem.isInside(folder, root: output) {
      throw SiteError(
        .invalidSetting, file: configuration.outputFolder,
        reason: "the output folder would replace \(folder), which the build reads or runs in; choose another --out")
    }
    for (name, folder) in [("content", configuration.contentFolder), ("templates", configuration.templatesFolder)] {
      let input = Self.realPath(ofPossiblyMissing: folder)
      guard FileSystem.isInside(output, root: input) else { continue }
      throw SiteError(
        .invalidSetting, file: configuration.outputFolder,
        reason: "the output folder is inside the \(name) folder \(folder), so each build would publish the site into "
          + "itself; choose an --out outside it")
    }
  }

  /// The real path of `path`, which may not exist yet: its deepest existing ancestor resolved (links and all), the
  /// rest of the path appended.
  static func realPath(ofPossiblyMissing path: String) -> String {
    var existing = URL(fileURLWithPath: path).standardizedFileURL.path
    var rest: [String] = []
    while FileSystem.realPath(existing) == nil, existing != "/" {
      rest.insert((existing as NSString).lastPathComponent, at: 0)
      existing = (existing as NSString).deletingLastPathComponent
    }
    let base = FileSystem.realPath(existing) ?? existing
    return rest.reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
  }

  /// An error for each `--refresh` name that no lesson has (a typo would otherwise refresh nothing, silently).
  func unknownRefreshNames(_ inventory: ContentInventory) -> [Diagnostic] {
    guard case .lessons(let names) = configuration.execution.refresh else { return [] }
    return names.filter { name in !inventory.tutorials.contains { $0.slug == name || $0.relativePath == name } }
      .map { Diagnostic(.error, file: configuration.contentFolder, "--refresh \($0): no lesson has this name or path") }
  }

  /// Whether every file a lesson wrote is still in the site (someone may have deleted pages by hand).
  static func outputsExist(_ record: BuildManifest.Lesson, in output: String) -> Bool {
    record.outputs.allSatisfy { (try? FileSystem.status(output + "/" + $0)) != nil }
  }
}
