/// sitemap.xml for the pages of the site.
///
/// The sitemap protocol wants absolute addresses, which only the place the site is published at can give: with a
/// base URL (`--base-url` or `base_url:` in site.yaml) every `<loc>` is absolute; without one the locations are
/// paths relative to the site root, so the file still lists every page and the site stays relocatable.
enum Sitemap {
  /// The XML text; `pages` are paths relative to the site root, as on disk (they are percent-encoded here).
  static func xml(pages: [String], baseURL: String?) -> String {
    let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

      """
    for page in pages.sorted() {
      text += "  <url><loc>\(HTMLEscaping.escape(base + URLPath.encode(page)))</loc></url>\n"
    }
    return text + "</urlset>\n"
  }
}
