import Foundation
import Yams

/// Finds and reads the files `{% snippet %}` and `{% include %}` name, in GTN's places under the content root:
/// `faqs/**`, `topics/**` (a topic's `faqs/`, a tutorial's parts), `snippets/**` and `_includes/**` (also
/// reached without the `_includes/` prefix, as Jekyll's include folder is).
///
/// Nothing outside the content root is read: absolute paths and `..` are refused, and a symbolic link that leads
/// out is refused too. Files over 1 MB or not UTF-8 are refused with a reason.
struct IncludeFiles {
  /// An included file: its path, and its text split from its front matter.
  struct File {
    var path: String
    /// The text after the front matter, the front matter's lines left empty so line numbers stay the file's.
    var body: String
    /// `title` and `box_type` from the front matter, when it has one.
    var title: String?
    var boxType: String?
    var hasFrontMatter: Bool
  }

  static let places: Set<String> = ["faqs", "topics", "snippets", "_includes"]
  static let maximumBytes = 1024 * 1024

  let root: String
  private let realRoot: String

  init(root: String) {
    self.root = root
    self.realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
  }

  /// The file `path` names, or why it cannot be used.
  func load(_ path: String) -> Result<File, IncludeFailure> {
    let components = path.split(separator: "/", omittingEmptySubsequences: false)
    guard !path.isEmpty, !path.hasPrefix("/"), !components.contains(".."), !path.contains("\\") else {
      return .failure(.refused("only paths inside the content folder can be included"))
    }
    var candidates: [String] = []
    if let first = components.first, Self.places.contains(String(first)) { candidates.append(path) }
    candidates.append("_includes/" + path)
    for candidate in candidates {
      let full = root + "/" + candidate
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue else {
        continue
      }
      let real = URL(fileURLWithPath: full).resolvingSymlinksInPath().path
      guard real.hasPrefix(realRoot + "/") else {
        return .failure(.refused("\(candidate) leads outside the content folder"))
      }
      return read(full)
    }
    let looked = candidates.map { "content/" + $0 }.joined(separator: ", ")
    return .failure(.missing("no such file (looked for \(looked))"))
  }

  private func read(_ full: String) -> Result<File, IncludeFailure> {
    let data: Data
    switch RegularFile.read(full, limit: Self.maximumBytes) {
    case .success(let read): data = read
    case .failure(.notRegular): return .failure(.refused("\(full) is not a regular file"))
    case .failure(.tooLarge): return .failure(.refused("\(full) is larger than 1 MB"))
    case .failure(.unreadable), .failure(.missing), .failure(.symbolicLink):
      return .failure(.refused("\(full) cannot be read"))
    }
    guard let text = String(validating: data, as: UTF8.self) else {
      return .failure(.refused("\(full) is not valid UTF-8"))
    }
    let split = FrontMatterSplitter.split(text)
    guard let yaml = split.yaml else {
      return .success(File(path: full, body: split.body, title: nil, boxType: nil, hasFrontMatter: false))
    }
    let node = try? BoundedYAML.composeWithTextKeys(yaml, limits: .frontMatter)
    let title = node?["title"]?.string
    let boxType = node?["box_type"]?.string
    return .success(File(path: full, body: split.body, title: title, boxType: boxType, hasFrontMatter: true))
  }
}

/// Why an include was not expanded.
enum IncludeFailure: Error, Equatable {
  /// No file at any of GTN's places: a warning.
  case missing(String)
  /// A path or file that may not be used: a warning.
  case refused(String)

  var reason: String {
    switch self {
    case .missing(let reason), .refused(let reason): return reason
    }
  }
}
