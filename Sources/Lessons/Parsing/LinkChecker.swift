import Foundation

/// Checks that a relative link in a lesson leads somewhere in the built site, as the content folder mirrors it:
/// a file that is published as it is, a page made from a `.md` beside the `.html` the link names (a tutorial, an
/// FAQ), a folder (`topics/<t>/` pages), the site's `index.html`, `sitemap.xml` or `assets/`. Links written with
/// `{% link %}` and `{{ site.baseurl }}` are checked too, since they were made relative before parsing.
struct LinkChecker {
  /// The content folder, or nil when the lesson is not under one (then nothing is checked).
  let contentRoot: String?
  /// The lesson's folder.
  let folder: String

  /// Nil when `url` leads somewhere (or is not checked: absolute, a fragment, mail, Liquid left in it); else why
  /// not, for the warning: `nothing at <the path looked for>`, or that it leaves the content folder.
  ///
  /// A path that leaves the content folder is not looked for: whether `../../../../../../home/x/.ssh/id_rsa` exists
  /// must not show in a build log (CI logs of pull requests are public).
  func missingTarget(_ url: String) -> String? {
    guard let contentRoot, !url.isEmpty, !url.contains("://"), !url.hasPrefix("#"), !url.hasPrefix("/"),
      !url.hasPrefix("mailto:"), !url.hasPrefix("data:"), !url.hasPrefix("tel:"), !url.contains("{{"),
      !url.contains("{%")
    else { return nil }
    var path = Substring(url)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    guard !path.isEmpty else { return nil }
    let decoded = String(path).removingPercentEncoding ?? String(path)
    let (target, root) = standardized(decoded, contentRoot: contentRoot)
    guard Self.isInside(target, root: root) else { return Self.outside }
    let exists = { (candidate: String) in FileManager.default.fileExists(atPath: candidate) }
    if exists(target) { return nil }
    if target.hasSuffix(".html"), exists(String(target.dropLast(5)) + ".md") { return nil }
    let name = (target as NSString).lastPathComponent
    let parent = (target as NSString).deletingLastPathComponent
    if name == "index.html", exists(parent) { return nil }
    let relative = target.hasPrefix(root + "/") ? String(target.dropFirst(root.count + 1)) : nil
    if let relative, relative == "sitemap.xml" || relative.hasPrefix("assets/") { return nil }
    return "nothing at " + (relative.map { "content/" + $0 } ?? target)
  }

  /// Why a path that leaves the content folder leads nowhere.
  static let outside = "it leaves the content folder, which the site mirrors"

  /// Whether the relative path `path` (decoded), from the lesson's folder, leaves the content folder (by its
  /// `..`, without looking at the file system); false when the content folder is not known.
  func leavesContent(_ path: String) -> Bool {
    guard let contentRoot else { return false }
    let (target, root) = standardized(path, contentRoot: contentRoot)
    return !Self.isInside(target, root: root)
  }

  /// The absolute, `..`-free paths of `path` from the lesson's folder and of the content root.
  private func standardized(_ path: String, contentRoot: String) -> (target: String, root: String) {
    (URL(fileURLWithPath: folder + "/" + path).standardizedFileURL.path, URL(fileURLWithPath: contentRoot).standardizedFileURL.path)
  }

  private static func isInside(_ path: String, root: String) -> Bool {
    path == root || path.hasPrefix(root == "/" ? "/" : root + "/")
  }
}
