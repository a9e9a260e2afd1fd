/// sitemap.xml for the pages of the site.
///
/// The sitemap protocol wants absolute addresses, which only the place the site is published at can give: with a
/// base URL (`--base-url` or `base_url:` in site.yaml) every `<loc>` is absolute; without one the locations are
/// paths relative to the site root, so the file still lists every page and the site stays relocatable. Pages with a
/// known date (a lesson's last change; a topic page's and the index's newest lesson) carry it as `<lastmod>`.
enum Sitemap {
  /// The XML text; `pages` are paths relative to the site root, as on disk (they are percent-encoded here).
  static func xml(pages: [String], baseURL: String?, lastModified: [String: String] = [:]) -> String {
    let base = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? ""
    var text = """
      <?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

      """
    for page in pages.sorted() {
      let date = lastModified[page].flatMap { PageDate.isValid($0) ? "<lastmod>\($0)</lastmod>" : nil } ?? ""
      text += "  <url><loc>\(HTMLEscaping.escape(base + URLPath.encode(page)))</loc>\(date)</url>\n"
    }
    return text + "</urlset>\n"
  }
}
