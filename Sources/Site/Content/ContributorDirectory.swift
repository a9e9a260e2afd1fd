import Foundation
import Lessons

/// GTN's `CONTRIBUTORS.yaml` at the content root: each contributor's id (as lessons' front matter names them)
/// with `name`, `orcid`, `joined`, `affiliations`. Lessons show full names linking to a page per contributor.
struct ContributorDirectory: Sendable {
  /// One contributor as the file describes them.
  struct Person: Sendable, Hashable {
    var id: String
    var name: String?
    var orcid: String?
    var joined: String?
    var affiliations: [String] = []
  }

  var people: [String: Person] = [:]

  static let fileName = "CONTRIBUTORS.yaml"

  /// Reads `CONTRIBUTORS.yaml` under `contentRoot` when there is one; a broken file is a warning and no names.
  /// A link leaving the content folder is not read (a warning names it), as every other content file: names and
  /// affiliations from a YAML file elsewhere on the machine would be published on the lesson and contributor pages.
  static func load(contentRoot: String, diagnostics: inout [Diagnostic]) -> ContributorDirectory {
    let path = contentRoot + "/" + fileName
    switch try? ContentRoot(contentRoot).entry(path) {
    case .file?: break
    case .refused(let warning)?: diagnostics.append(warning); return ContributorDirectory()
    case .missing?, .folder?, nil: return ContributorDirectory()
    }
    do {
      var directory = ContributorDirectory()
      for (id, fields) in try YAMLFile.nestedStrings(at: path) {
        directory.people[id] = Person(
          id: id, name: fields.values["name"], orcid: fields.values["orcid"], joined: fields.values["joined"],
          affiliations: fields.lists["affiliations"] ?? fields.values["affiliations"].map { [$0] } ?? [])
      }
      return directory
    } catch {
      diagnostics.append(
        Diagnostic(.warning, file: path, line: error.diagnostic.line, "contributors not read: \(error.diagnostic.message)"))
      return ContributorDirectory()
    }
  }

  /// The name to show for `id`: the full name when the file has one.
  func name(_ id: String) -> String { people[id]?.name ?? id }

  /// The contributor page's path relative to the site root, or nil when `id` cannot name a file.
  static func pagePath(_ id: String) -> String? {
    // ASCII letters, digits, `-`, `_` and `.`, checked on bytes: each is a character of its own.
    guard (1...100).contains(id.utf8.count), id.utf8.first != UInt8(ascii: "."), id.utf8.allSatisfy(isNameByte)
    else { return nil }
    return "contributors/\(id).html"
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
      true
    default: false
    }
  }

  /// A person as a template shows them: name, link (relative to `root`) and id.
  func entry(_ id: String, root: String) -> [String: Any] {
    var entry: [String: Any] = ["id": id, "name": name(id)]
    if let path = Self.pagePath(id) { entry["link"] = root + path }
    return entry
  }
}

extension FrontMatter {
  /// Every contributor the lesson names, in order of first mention: `contributors`, then the contribution roles
  /// in GTN's order.
  var everyContributor: [String] {
    var seen: Set<String> = []
    let roles = TutorialPage.roleOrder.compactMap { contributions[$0] }
      + contributions.keys.filter { !TutorialPage.roleOrder.contains($0) }.sorted().compactMap { contributions[$0] }
    return (contributors + roles.flatMap { $0 }).filter { seen.insert($0).inserted }
  }
}
