import Lessons

/// The titles of the tutorials a lesson's internal requirements and follow-up training name, read from their
/// front matter (GTN shows titles, not folder names); a tutorial that is not in the content folder is a warning
/// and is shown unlinked.
enum RequirementTitles {
  /// `topic/slug` → title, for every internal requirement of `lesson` that exists under `root`.
  static func resolve(_ lesson: Lesson, root: ContentRoot) -> (titles: [String: String], diagnostics: [Diagnostic]) {
    var titles: [String: String] = [:]
    var diagnostics: [Diagnostic] = []
    let front = lesson.frontMatter
    for requirement in front.requirements + front.followUpTraining where requirement.type == "internal" {
      let topic = requirement.topicName ?? lesson.topic
      for slug in requirement.tutorials where titles["\(topic)/\(slug)"] == nil {
        let safe = [topic, slug].allSatisfy { !$0.isEmpty && !$0.contains("/") && $0 != ".." && $0 != "." }
        let path = root.path + "/topics/\(topic)/tutorials/\(slug)/tutorial.md"
        guard safe, let data = try? FileSystem.read(path, confinedTo: root.realPath) else {
          diagnostics.append(
            Diagnostic(.warning, file: lesson.file, "requirement \(topic)/\(slug): no such tutorial in the content folder"))
          continue
        }
        titles["\(topic)/\(slug)"] = LessonParser.title(of: String(decoding: data, as: UTF8.self)) ?? slug
      }
    }
    return (titles, diagnostics)
  }
}
