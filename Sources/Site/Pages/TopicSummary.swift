import Lessons

/// A topic's `summary` (metadata.yaml) as HTML: GTN renders it as Markdown, so links, emphasis, code and
/// paragraphs in it are kept. It goes through the lesson parser and body renderer, so it is escaped and well
/// formed as a lesson body is.
enum TopicSummary {
  static func html(_ summary: String, topic: String, rawHTML: RawHTMLMode = .sanitized) -> String {
    let lesson = LessonParser.parse(
      text: "---\ntitle: summary\n---\n" + summary, file: "metadata.yaml", relativePath: "topics/\(topic)",
      rawHTML: rawHTML)
    return BodyRenderer.render(lesson) { _ in "" }.html
  }
}
