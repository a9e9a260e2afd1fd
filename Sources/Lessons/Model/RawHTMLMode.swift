/// What happens to the raw HTML a lesson writes (`<div>`, `<a href>`, `<img>` in its Markdown), set for the whole
/// site by `raw_html:` in site.yaml and never by a lesson (a lesson is untrusted: a pull request's lesson is built
/// on CI and published).
public enum RawHTMLMode: String, Sendable, Hashable, Codable {
  /// The default: elements and attributes GTN lessons use are kept, what could run script is removed (with a
  /// warning), other tags are shown as text.
  case sanitized
  /// `raw_html: trusted`: raw HTML is published as written, for sites whose every author is trusted.
  case trusted
}
