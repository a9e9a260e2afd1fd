import Lessons

/// Finds the topics and tutorials under a content root laid out as GTN's:
/// `topics/<topic>/metadata.yaml`, `topics/<topic>/images/…`, `topics/<topic>/tutorials/<slug>/tutorial.md`.
///
/// Only `stat`, `lstat`, `readdir` and `realpath` are used, so that a build with nothing changed can compare a
/// thousand lessons with the manifest in milliseconds. A folder that cannot be read becomes an error diagnostic and
/// the scan goes on. Nothing whose real path is outside the content root is taken (see `ContentRoot`): such links
/// become warnings, except a lesson's own `tutorial.md`, whose loss is an error.
enum ContentScanner {
  /// Scans `root`; throws only when `root/topics` itself cannot be listed. The tutorial folders are looked at on
  /// up to `jobs` threads.
  static func scan(_ root: String, jobs: Int = 1) throws(SiteError) -> ContentInventory {
    var inventory = try open(root)
    try scanTopics(into: &inventory, jobs: jobs)
    return inventory
  }

  /// The content root checked and `site.yaml`'s status, before any topic is looked at (what the build settings
  /// need, so that they can be worked out while the topics are scanned); throws as `scan` does.
  static func open(_ root: String) throws(SiteError) -> ContentInventory {
    let topicsFolder = root + "/topics"
    guard try FileSystem.status(topicsFolder)?.isDirectory == true else {
      throw SiteError(
        .unreadable, file: topicsFolder,
        reason: "no topics folder: lessons go in topics/<topic>/tutorials/<tutorial>/tutorial.md under the content folder")
    }
    let content = try ContentRoot(root)
    guard case .folder = try content.entry(topicsFolder) else {
      throw SiteError(
        .unreadable, file: topicsFolder, reason: "the topics folder is a symbolic link that leaves the content folder")
    }
    var inventory = ContentInventory(root: content, topics: [], tutorials: [], settings: nil, problems: [], refused: [])
    inventory.settings = try? file(root + "/site.yaml", in: &inventory)
    return inventory
  }

  /// Adds the topics and tutorials under `inventory`'s root (opened by `open`). The topic folders are walked in
  /// order, then every tutorial folder found is looked at (a few system calls each, a thousand folders on a big
  /// site) on up to `jobs` threads; what they find is added in the order of a walk on one thread.
  /// Throws when the topics folder cannot be listed.
  static func scanTopics(into inventory: inout ContentInventory, jobs: Int) throws(SiteError) {
    let topicsFolder = inventory.root.path + "/topics"
    var topics: [TopicFindings] = []
    for name in try FileSystem.contents(of: topicsFolder) {
      var findings = TopicFindings()
      let folder = topicsFolder + "/" + name
      do {
        guard try isFolder(folder, refused: &findings.refused, root: inventory.root) else {
          topics.append(findings)
          continue
        }
        try scanTopic(name: name, folder: folder, root: inventory.root, into: &findings)
      } catch {
        findings.problems.append(error.diagnostic)
      }
      topics.append(findings)
    }
    let candidates = topics.flatMap(\.candidates)
    // A few chunks per thread: folders differ in size, and a chunk is handed out as one task.
    let root = inventory.root
    let examined = parallelMap(candidates, jobs: jobs, chunksize: max(1, candidates.count / max(1, jobs * 8))) {
      examine($0, root: root)
    }
    var next = examined.makeIterator()
    for findings in topics {
      inventory.refused += findings.refused
      inventory.problems += findings.problems
      if let topic = findings.topic { inventory.topics.append(topic) }
      for _ in findings.candidates {
        guard let tutorial = next.next() else { break }
        inventory.refused += tutorial.refused
        inventory.problems += tutorial.problems
        if let source = tutorial.source { inventory.tutorials.append(source) }
      }
    }
  }

  /// What the walk found in one topic folder before its tutorials are looked at.
  private struct TopicFindings {
    var topic: TopicSource?
    var refused: [Diagnostic] = []
    var problems: [Diagnostic] = []
    /// The folders under `tutorials/`, to look at.
    var candidates: [Candidate] = []
  }

  /// A folder under a topic's `tutorials/` that may hold a lesson.
  private struct Candidate: Sendable {
    var topic: String
    var slug: String
    var folder: String
  }

  /// What one tutorial folder holds: its lesson, or nothing, and the links refused and problems met on the way.
  private struct TutorialFindings: Sendable {
    var source: TutorialSource?
    var refused: [Diagnostic] = []
    var problems: [Diagnostic] = []
  }

  private static func scanTopic(
    name: String, folder: String, root: ContentRoot, into findings: inout TopicFindings
  ) throws(SiteError) {
    var topic = TopicSource(
      name: name, folder: folder, metadata: try file(folder + "/metadata.yaml", refused: &findings.refused, root: root),
      images: [:])
    let imagesFolder = folder + "/images"
    if try isFolder(imagesFolder, refused: &findings.refused, root: root) {
      do {
        topic.images = try statuses(under: imagesFolder, prefix: "images/", root: root, refused: &findings.refused)
      } catch {
        findings.problems.append(error.diagnostic)
      }
    }
    findings.topic = topic

    let tutorialsFolder = folder + "/tutorials"
    guard try isFolder(tutorialsFolder, refused: &findings.refused, root: root) else { return }
    findings.candidates = try FileSystem.contents(of: tutorialsFolder).map { slug in
      Candidate(topic: name, slug: slug, folder: tutorialsFolder + "/" + slug)
    }
  }

  /// Looks at one tutorial folder: a lesson when its `tutorial.md` is a file inside the content root.
  private static func examine(_ candidate: Candidate, root: ContentRoot) -> TutorialFindings {
    var findings = TutorialFindings()
    do {
      guard try isFolder(candidate.folder, refused: &findings.refused, root: root) else { return findings }
      // The folder's files are listed first: when `tutorial.md` is among them, that listing looked at it as the
      // separate look below would (one `lstat` less per lesson).
      var refused: [Diagnostic] = []
      if let inputs = try? statuses(under: candidate.folder, prefix: "", root: root, refused: &refused),
        inputs["tutorial.md"] != nil
      {
        findings.refused += refused
        findings.source = source(candidate, inputs: inputs)
        return findings
      }
      switch try root.entry(candidate.folder + "/tutorial.md") {
      case .missing, .folder: return findings
      case .refused(let problem):
        // The lesson itself is lost: an error, not a warning.
        findings.problems.append(Diagnostic(.error, file: problem.file, problem.message + "; the lesson is not built"))
        return findings
      case .file: break
      }
      findings.source = source(
        candidate, inputs: try statuses(under: candidate.folder, prefix: "", root: root, refused: &findings.refused))
    } catch {
      findings.problems.append(error.diagnostic)
    }
    return findings
  }

  private static func source(_ candidate: Candidate, inputs: [String: FileSystem.Status]) -> TutorialSource {
    TutorialSource(
      topic: candidate.topic, slug: candidate.slug, relativePath: "topics/\(candidate.topic)/tutorials/\(candidate.slug)",
      folder: candidate.folder, inputs: inputs)
  }

  /// Whether `path` is a folder inside the content root; a link leaving it is recorded as refused.
  private static func isFolder(_ path: String, refused: inout [Diagnostic], root: ContentRoot) throws(SiteError) -> Bool {
    switch try root.entry(path) {
    case .folder: return true
    case .refused(let warning): refused.append(warning)
    case .missing, .file: break
    }
    return false
  }

  /// The status of the file `path` when it is one inside the content root; a link leaving it is recorded as refused.
  private static func file(_ path: String, in inventory: inout ContentInventory) throws(SiteError) -> FileSystem.Status? {
    try file(path, refused: &inventory.refused, root: inventory.root)
  }

  private static func file(
    _ path: String, refused: inout [Diagnostic], root: ContentRoot
  ) throws(SiteError) -> FileSystem.Status? {
    switch try root.entry(path) {
    case .file(let status): return status
    case .refused(let warning): refused.append(warning)
    case .missing, .folder: break
    }
    return nil
  }

  /// The status of every file under `folder` that lies inside the content root, keyed by `prefix` + its path
  /// relative to `folder`; links leaving the root are added to `refused`.
  static func statuses(
    under folder: String, prefix: String, root: ContentRoot, refused: inout [Diagnostic]
  ) throws(SiteError) -> [String: FileSystem.Status] {
    var result: [String: FileSystem.Status] = [:]
    for (file, status) in try root.tree(under: folder, refused: &refused) { result[prefix + file] = status }
    return result
  }
}
