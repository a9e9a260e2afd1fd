/// The site-wide settings of `site.yaml` at the content root (all optional):
/// ```yaml
/// title: Swift training
/// base_url: https://training.example.org/swift/
/// ```
public struct SiteSettings: Sendable, Hashable, Codable {
  /// Shown in every page's header and title.
  public var title: String
  /// The address the site is published at; makes sitemap.xml's locations absolute.
  public var baseURL: String?

  /// Settings with a generic title and no base URL, as when there is no site.yaml.
  public init(title: String = "Training material", baseURL: String? = nil) {
    self.title = title
    self.baseURL = baseURL
  }

  /// Reads `site.yaml` in `contentRoot` when it exists.
  static func load(contentRoot: String) throws(SiteError) -> SiteSettings {
    let path = contentRoot + "/site.yaml"
    guard try FileSystem.status(path) != nil else { return SiteSettings() }
    let values = try YAMLFile.strings(at: path)
    return SiteSettings(title: values["title"] ?? SiteSettings().title, baseURL: values["base_url"])
  }
}
