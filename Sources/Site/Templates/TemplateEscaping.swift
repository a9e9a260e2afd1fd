import Lessons
import Mustache

/// The escaping of `{{…}}` in the site's templates: `<`, `>`, `&`, `"` and `'` become entities, every one of them,
/// done on bytes.
///
/// swift-mustache's own HTML content type compares whole characters, so a `"` followed by a combining mark (one
/// character, `"\u{301}`) is not a `"` to it and is left as it is: lesson text could end an attribute value
/// (`content="…"`) and add attributes of its own. Here every such byte is escaped whatever follows it; for any
/// other text the output is what Mustache's escaper gives. It is also faster: Mustache looks every character of
/// every value up in a dictionary. `TemplateSet` puts every template under this content type (a `CONTENT_TYPE`
/// pragma line before its text).
struct TemplateEscaping: MustacheContentType {
  /// The content type's name in the pragma.
  static let name = "LESSONS_HTML"
  /// The line put before every template's text: standalone, so that it leaves no trace in the output.
  static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

  /// Registers the content type with Mustache (once per process; registering again changes nothing).
  static func register() {
    _ = registration
  }

  private static let registration: Void = MustacheContentTypes.register(TemplateEscaping(), named: name)

  /// The five markup characters as entities, on bytes (`MarkupEscaping`, shared with the parser).
  func escapeText(_ text: String) -> String {
    MarkupEscaping.escape(text)
  }
}
