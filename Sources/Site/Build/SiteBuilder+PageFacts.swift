import Foundation
import Lessons

/// What a lesson's page needs from the whole site, worked out by the build (the one place that reads files and
/// runs git) and handed to rendering as values: its neighbours in the topic, its date, its edit link.
extension SiteBuilder {
  /// The last-modified date of each of `sources`' `tutorial.md`: its last commit when the content is in a git work
  /// tree and the file is committed without later changes, else the file's modification time. One `git log` for
  /// all the lessons, not one per lesson.
  func lessonDates(_ sources: [TutorialSource], workTree: GitWorkTree?) -> [String: String] {
    let committed =
      workTree == nil
      ? [:]
      : GitWorkTree.lastCommitDates(
        of: sources.map { $0.relativePath + "/tutorial.md" }, contentFolder: configuration.contentFolder)
    var dates: [String: String] = [:]
    for source in sources {
      if let date = committed[source.relativePath + "/tutorial.md"], PageDate.isValid(date) {
        dates[source.relativePath] = date
      } else if let status = source.inputs["tutorial.md"] {
        dates[source.relativePath] = PageDate.iso(nanosecondsSince1970: status.modified)
      }
    }
    return dates
  }

  /// The start of every lesson's edit link, nil when site.yaml names no repository. The content folder's place in
  /// the repository is `content_path`, else its place in the git work tree, else its own name.
  func editLinkBase(_ site: SiteSettings, workTree: GitWorkTree?) -> String? {
    guard site.repository != nil else { return nil }
    let ownName = ((FileSystem.realPath(configuration.contentFolder) ?? configuration.contentFolder) as NSString)
      .lastPathComponent
    let contentPath = site.contentPath ?? workTree?.contentPrefix ?? ownName
    return EditLink.base(repository: site.repository, branch: site.branch, contentPath: contentPath)
  }
}
