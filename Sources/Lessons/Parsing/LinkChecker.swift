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

  /// Nil when `url` leads somewhere (or is not checked: absolute, a fragment, mail, Liquid left in it); else the
  /// path looked for, for the warning.
  func missingTarget(_ url: String) -> String? {
    guard let contentRoot, !url.isEmpty, !url.contains("://"), !url.hasPrefix("#"), !url.hasPrefix("/"),
      !url.hasPrefix("mailto:"), !url.hasPrefix("data:"), !url.hasPrefix("tel:"), !url.contains("{{"),
      !url.contains("{%")
    else { return nil }
    var path = Substring(url)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    guard !path.isEmpty else { return nil }
    let decoded = String(path).removingPercentEncoding ?? String(path)
    let target = URL(fileURLWithPath: folder + "/" + decoded).standardizedFileURL.path
    let root = URL(fileURLWithPath: contentRoot).standardizedFileURL.path
    let exists = { (candidate: String) in FileManager.default.fileExists(atPath: candidate) }
    if exists(target) { return nil }
    if target.hasSuffix(".html"), exists(String(target.dropLast(5)) + ".md") { return nil }
    let name = (target as NSString).lastPathComponent
    let parent = (target as NSString).deletingLastPathComponent
    if name == "index.html", exists(parent) { return nil }
    let relative = target.hasPrefix(root + "/") ? String(target.dropFirst(root.count + 1)) : nil
    if let relative, relative == "sitemap.xml" || relative.hasPrefix("assets/") { return nil }
    return relative.map { "content/" + $0 } ?? target
  }
}
