import Foundation
import Lessons

/// The titles of the tutorials a lesson's internal requirements and follow-up training name, read from their
/// front matter (GTN shows titles, not folder names); a tutorial that is not in the content folder is a warning
/// and is shown unlinked.
///
/// The titles a page shows are recorded in the build manifest (`BuildManifest.Lesson.requirementTitles`): a later
/// incremental build renders the page again when one of them changed, or a missing tutorial appeared, even though
/// the page's own files did not change.
enum RequirementTitles {
  /// What `resolve` finds for a lesson.
  struct Resolved {
    /// `topic/slug` → title, for every internal requirement that exists under the content root.
    var titles: [String: String] = [:]
    /// `topic/slug` → what the page shows for it: the title, or "" when there is no such tutorial.
    var shown: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
  }

  static func resolve(_ lesson: Lesson, root: ContentRoot) -> Resolved {
    var resolved = Resolved()
    let front = lesson.frontMatter
    for requirement in front.requirements + front.followUpTraining where requirement.type == "internal" {
      let topic = requirement.topicName ?? lesson.topic
      for slug in requirement.tutorials where resolved.shown["\(topic)/\(slug)"] == nil {
        let key = "\(topic)/\(slug)"
        guard let title = title(of: key, root: root) else {
          resolved.shown[key] = ""
          resolved.diagnostics.append(
            Diagnostic(.warning, file: lesson.file, "requirement \(key): no such tutorial in the content folder"))
          continue
        }
        resolved.titles[key] = title
        resolved.shown[key] = title
      }
    }
    return resolved
  }

  /// The title of tutorial `topic/slug` under `root` (its folder name when its front matter has none), or nil when
  /// there is no such tutorial.
  static func title(of key: String, root: ContentRoot) -> String? {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0 != ".." && $0 != "." }) else { return nil }
    let path = root.path + "/topics/\(parts[0])/tutorials/\(parts[1])/tutorial.md"
    guard let data = try? FileSystem.read(path, confinedTo: root.realPath) else { return nil }
    return LessonParser.title(of: String(decoding: data, as: UTF8.self)) ?? parts[1]
  }

  /// True when every requirement title `record` showed is still what the tutorial is called (a tutorial whose files
  /// are unchanged since `previous` is not read again).
  static func areCurrent(
    _ record: BuildManifest.Lesson, previous: BuildManifest, inputs: [String: [String: FileSystem.Status]],
    root: ContentRoot
  ) -> Bool {
    for (key, shown) in record.requirementTitles ?? [:] {
      let path = "topics/" + key.replacingOccurrences(of: "/", with: "/tutorials/")
      if let now = inputs[path], previous.lessons[path]?.inputs == now, !shown.isEmpty { continue }
      if (title(of: key, root: root) ?? "") != shown { return false }
    }
    return true
  }
}
