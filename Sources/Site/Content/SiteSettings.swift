/// The site-wide settings of `site.yaml` at the content root (all optional):
/// ```yaml
/// title: Swift training
/// base_url: https://training.example.org/swift/
/// env: [GALAXY_API_KEY]   # builder environment variables every lesson program may see
/// galaxy_url: https://usegalaxy.eu   # where {% tool %} links open the tool
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
    settings.environment = try YAMLFile.stringLists(at: path)["env"] ?? values["env"].map { [$0] } ?? []
    return settings
  }
}
