import Lessons

/// The site-wide settings of `site.yaml` at the content root (all optional):
/// ```yaml
/// title: Swift training
/// base_url: https://training.example.org/swift/
/// env: [GALAXY_API_KEY]   # builder environment variables every lesson program may see
/// galaxy_url: https://usegalaxy.eu   # where {% tool %} links open the tool
/// description: Lessons on concurrency in Swift   # the index page's <meta name="description">
/// lang: en                     # <html lang> of every page (a lesson's front matter `lang` wins)
/// repository: https://github.com/org/repo   # with branch: each lesson gets an "Edit this page" link
/// branch: main
/// content_path: content        # the content folder inside the repository (default: found with git)
/// raw_html: trusted            # publish lessons' raw HTML, and files that run script, as written (default: sanitized)
/// ```
public struct SiteSettings: Sendable, Hashable, Codable {
  /// Shown in every page's header and title.
  public var title: String
  /// The address the site is published at; makes sitemap.xml's locations absolute.
  public var baseURL: String?
  /// Names of the builder's environment variables every lesson program may see (`env:`), beyond the small set
  /// lesson programs always get; a lesson adds its own with `env:` in its front matter.
  public var environment: [String] = []
  /// The Galaxy server `{% tool %}` links open the tool on (`galaxy_url: https://usegalaxy.eu`); http(s) only.
  public var galaxyURL: String?
  /// What the index page says about the site (`description:`), for search engines and link previews.
  public var description: String?
  /// The language of the pages (`lang:`, a BCP 47 tag); English when absent or invalid.
  public var language: String = "en"
  /// The repository the content is edited in (`repository:`, http(s) only) and its `branch:` (default `main`):
  /// with them every lesson links to its source in the forge's editor.
  public var repository: String?
  public var branch: String = "main"
  /// `content_path:`, the content folder's path inside the repository; nil: found from the git work tree.
  public var contentPath: String?
  /// `raw_html:`: `sanitized` (the default) removes what could run script from lessons' raw HTML, and leaves out the
  /// content files that could (`ScriptCapableFiles`: `.html`, an SVG with `onload=`); `trusted` publishes both as
  /// written, for a site whose every author (and every pull request built) is trusted. One setting for both: they
  /// answer one question (may the authors run script on the site's origin?), and either half open is the same hole.
  /// Only this file sets it: a lesson's front matter cannot.
  public var rawHTML = RawHTMLMode.sanitized
  /// A `raw_html:` value that is neither, reported by `droppingInvalidValues`.
  var unknownRawHTML: String?

  /// Settings with a generic title and no base URL, as when there is no site.yaml.
  public init(title: String = "Training material", baseURL: String? = nil) {
    self.title = title
    self.baseURL = baseURL
  }

  /// What snippets read as `{{ site.x }}` (`site.baseurl` and `site.url` are left to the link rewriting).
  var liquidVariables: [String: String] { ["title": title] }

  /// Reads `site.yaml` in `contentRoot` when it exists.
  static func load(contentRoot: String) throws(SiteError) -> SiteSettings {
    let path = contentRoot + "/site.yaml"
    guard try FileSystem.status(path) != nil else { return SiteSettings() }
    let values = try YAMLFile.strings(at: path)
    var settings = SiteSettings(title: values["title"] ?? SiteSettings().title, baseURL: values["base_url"])
    if let galaxy = values["galaxy_url"], galaxy.hasPrefix("https://") || galaxy.hasPrefix("http://") {
      settings.galaxyURL = galaxy
    }
    settings.description = values["description"]
    settings.language = values["lang"] ?? settings.language
    settings.repository = values["repository"]
    settings.branch = values["branch"] ?? settings.branch
    settings.contentPath = values["content_path"]
    if let rawHTML = values["raw_html"] {
      if let mode = RawHTMLMode(rawValue: rawHTML) { settings.rawHTML = mode } else { settings.unknownRawHTML = rawHTML }
    }
    settings.environment = try YAMLFile.stringLists(at: path)["env"] ?? values["env"].map { [$0] } ?? []
    return settings
  }

  /// Clears the values that cannot be used (a `lang` that is no language tag, a `repository` that is not an
  /// http(s) address, a `branch` or `content_path` that would leave the edit link's path) and returns a warning for
  /// each, naming `file`.
  mutating func droppingInvalidValues(file: String) -> [Diagnostic] {
    var warnings: [Diagnostic] = []
    if let unknownRawHTML {
      warnings.append(
        Diagnostic(.warning, file: file, "raw_html '\(unknownRawHTML)' is neither sanitized nor trusted; lessons' raw HTML is sanitized"))
      self.unknownRawHTML = nil
    }
    if !LanguageTag.isValid(language) {
      warnings.append(Diagnostic(.warning, file: file, "lang '\(language)' is not a language tag such as en or pt-BR; using en"))
      language = "en"
    }
    if let repository, !EditLink.isWebAddress(repository) {
      warnings.append(Diagnostic(.warning, file: file, "repository '\(repository)' is not an http(s) address; no edit links"))
      self.repository = nil
    }
    if !EditLink.isPath(branch) {
      warnings.append(Diagnostic(.warning, file: file, "branch '\(branch)' is not a branch name; no edit links"))
      repository = nil
    }
    if let contentPath, !contentPath.isEmpty, !EditLink.isPath(contentPath) {
      warnings.append(Diagnostic(.warning, file: file, "content_path '\(contentPath)' is not a relative path; no edit links"))
      repository = nil
    }
    return warnings
  }
}
