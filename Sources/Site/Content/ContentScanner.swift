import Lessons

/// Finds the topics and tutorials under a content root laid out as GTN's:
/// `topics/<topic>/metadata.yaml`, `topics/<topic>/images/…`, `topics/<topic>/tutorials/<slug>/tutorial.md`.
///
/// Only `stat`, `lstat`, `readdir` and `realpath` are used, so that a build with nothing changed can compare a
/// thousand lessons with the manifest in milliseconds. A folder that cannot be read becomes an error diagnostic and
/// the scan goes on. Nothing whose real path is outside the content root is taken (see `ContentRoot`): such links
/// become warnings, except a lesson's own `tutorial.md`, whose loss is an error.
enum ContentScanner {
  /// Scans `root`; throws only when `root/topics` itself cannot be listed.
  static func scan(_ root: String) throws(SiteError) -> ContentInventory {
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
    for name in try FileSystem.contents(of: topicsFolder) {
      let folder = topicsFolder + "/" + name
      do {
        guard try isFolder(folder, in: &inventory) else { continue }
        try scanTopic(name: name, folder: folder, into: &inventory)
      } catch {
        inventory.problems.append(error.diagnostic)
      }
    }
    return inventory
  }

  private static func scanTopic(name: String, folder: String, into inventory: inout ContentInventory) throws(SiteError) {
    var topic = TopicSource(
      name: name, folder: folder, metadata: try file(folder + "/metadata.yaml", in: &inventory), images: [:])
    let imagesFolder = folder + "/images"
    if try isFolder(imagesFolder, in: &inventory) {
      do {
        topic.images = try statuses(under: imagesFolder, prefix: "images/", root: inventory.root, refused: &inventory.refused)
      } catch {
        inventory.problems.append(error.diagnostic)
      }
    }
    inventory.topics.append(topic)

    let tutorialsFolder = folder + "/tutorials"
    guard try isFolder(tutorialsFolder, in: &inventory) else { return }
    for slug in try FileSystem.contents(of: tutorialsFolder) {
      let tutorialFolder = tutorialsFolder + "/" + slug
      do {
        guard try isFolder(tutorialFolder, in: &inventory) else { continue }
        switch try inventory.root.entry(tutorialFolder + "/tutorial.md") {
        case .missing, .folder: continue
        case .refused(let problem):
          // The lesson itself is lost: an error, not a warning.
          inventory.problems.append(Diagnostic(.error, file: problem.file, problem.message + "; the lesson is not built"))
          continue
        case .file: break
        }
        inventory.tutorials.append(
          TutorialSource(
            topic: name, slug: slug, relativePath: "topics/\(name)/tutorials/\(slug)", folder: tutorialFolder,
            inputs: try statuses(under: tutorialFolder, prefix: "", root: inventory.root, refused: &inventory.refused)))
      } catch {
        inventory.problems.append(error.diagnostic)
      }
    }
  }

  /// Whether `path` is a folder inside the content root; a link leaving it is recorded as refused.
  private static func isFolder(_ path: String, in inventory: inout ContentInventory) throws(SiteError) -> Bool {
    switch try inventory.root.entry(path) {
    case .folder: return true
    case .refused(let warning): inventory.refused.append(warning)
    case .missing, .file: break
    }
    return false
  }

  /// The status of the file `path` when it is one inside the content root; a link leaving it is recorded as refused.
  private static func file(_ path: String, in inventory: inout ContentInventory) throws(SiteError) -> FileSystem.Status? {
    switch try inventory.root.entry(path) {
    case .file(let status): return status
    case .refused(let warning): inventory.refused.append(warning)
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
