/// The "Edit this page" link of a lesson: the forge's web editor for the lesson's file, from site.yaml's
/// `repository` and `branch` (GitHub's `…/edit/BRANCH/PATH`, GitLab's `…/-/edit/BRANCH/PATH`).
enum EditLink {
  /// The address every lesson's edit link starts with (`https://github.com/o/r/edit/main/content/`), nil when the
  /// site names no repository. `contentPath` is the content folder inside the repository (`""` at its top).
  static func base(repository: String?, branch: String, contentPath: String) -> String? {
    guard var repository, isWebAddress(repository), isPath(branch) else { return nil }
    while repository.hasSuffix("/") { repository.removeLast() }
    if repository.hasSuffix(".git") { repository.removeLast(4) }
    let edit = repository.contains("gitlab") ? "/-/edit/" : "/edit/"
    let folder = contentPath.split(separator: "/").map(String.init)
    return repository + edit + URLPath.encode(([branch] + folder).joined(separator: "/")) + "/"
  }

  /// The edit link of the file at `path` (relative to the content folder).
  static func url(base: String, file path: String) -> String {
    base + URLPath.encode(path)
  }

  /// Whether `text` is an http(s) address with a host and nothing that could leave an attribute or a URL
  /// (white space, quotes, angle brackets, control characters).
  static func isWebAddress(_ text: String) -> Bool {
    let lower = text.lowercased()
    guard let scheme = ["https://", "http://"].first(where: lower.hasPrefix) else { return false }
    let rest = text.dropFirst(scheme.count)
    guard rest.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" }).isEmpty == false else { return false }
    return text.unicodeScalars.allSatisfy { scalar in
      scalar.value > 0x20 && scalar.value != 0x7F && !"\"'<>\\`{}|^".unicodeScalars.contains(scalar)
    }
  }

  /// Whether `text` is a relative path of plain segments (a branch such as `main` or `release/1.2`, a folder such
  /// as `content`): no empty, `.` or `..` segment, no leading `-`, no white space or control characters.
  static func isPath(_ text: String) -> Bool {
    let segments = text.split(separator: "/", omittingEmptySubsequences: false)
    guard !text.isEmpty, !text.hasPrefix("-") else { return false }
    return segments.allSatisfy { segment in
      !segment.isEmpty && segment != "." && segment != ".."
        && segment.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value != 0x7F && !"\"'<>\\`".unicodeScalars.contains($0) }
    }
  }
}
