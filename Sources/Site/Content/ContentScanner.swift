import Lessons

/// Finds the topics and tutorials under a content root laid out as GTN's:
/// `topics/<topic>/metadata.yaml`, `topics/<topic>/images/…`, `topics/<topic>/tutorials/<slug>/tutorial.md`.
///
/// Only `stat` and `readdir` are used, so that a build with nothing changed can compare a thousand lessons with
/// the manifest in milliseconds. A folder that cannot be read becomes an error diagnostic and the scan goes on.
enum ContentScanner {
  /// Scans `root`; throws only when `root/topics` itself cannot be listed.
  static func scan(_ root: String) throws(SiteError) -> ContentInventory {
    let topicsFolder = root + "/topics"
    guard let status = try FileSystem.status(topicsFolder), status.isDirectory else {
      throw SiteError(
        .unreadable, file: topicsFolder,
        reason: "no topics folder: lessons go in topics/<topic>/tutorials/<tutorial>/tutorial.md under the content folder")
    }
    var inventory = ContentInventory(
      topics: [], tutorials: [], settings: try? FileSystem.status(root + "/site.yaml"), problems: [])
    for name in try FileSystem.contents(of: topicsFolder) {
      let folder = topicsFolder + "/" + name
      do {
        guard try FileSystem.status(folder)?.isDirectory == true else { continue }
        try scanTopic(name: name, folder: folder, into: &inventory)
      } catch {
        inventory.problems.append(error.diagnostic)
      }
    }
    return inventory
  }

  private static func scanTopic(name: String, folder: String, into inventory: inout ContentInventory) throws(SiteError) {
    var topic = TopicSource(
      name: name, folder: folder, metadata: try FileSystem.status(folder + "/metadata.yaml"), images: [:])
    let imagesFolder = folder + "/images"
    if try FileSystem.status(imagesFolder)?.isDirectory == true {
      do {
        topic.images = try statuses(under: imagesFolder, prefix: "images/")
      } catch {
        inventory.problems.append(error.diagnostic)
      }
    }
    inventory.topics.append(topic)

    let tutorialsFolder = folder + "/tutorials"
    guard try FileSystem.status(tutorialsFolder)?.isDirectory == true else { return }
    for slug in try FileSystem.contents(of: tutorialsFolder) {
      let tutorialFolder = tutorialsFolder + "/" + slug
      do {
        guard try FileSystem.status(tutorialFolder)?.isDirectory == true,
          try FileSystem.status(tutorialFolder + "/tutorial.md") != nil
        else { continue }
        inventory.tutorials.append(
          TutorialSource(
            topic: name, slug: slug, relativePath: "topics/\(name)/tutorials/\(slug)", folder: tutorialFolder,
            inputs: try statuses(under: tutorialFolder, prefix: "")))
      } catch {
        inventory.problems.append(error.diagnostic)
      }
    }
  }

  /// The status of every file under `folder`, keyed by `prefix` + its path relative to `folder`.
  static func statuses(under folder: String, prefix: String) throws(SiteError) -> [String: FileSystem.Status] {
    var result: [String: FileSystem.Status] = [:]
    for (file, status) in try FileSystem.tree(under: folder) { result[prefix + file] = status }
    return result
  }
}
