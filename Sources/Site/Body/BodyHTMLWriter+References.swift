import Lessons

/// Citations and the references list: `{% cite key %}` as "Ewels et al. 2016" linked to its entry, the entries
/// formatted from BibTeX.
extension BodyHTMLWriter {
  /// `<cite>` with one link per key (`{% cite a b %}` → "A 2020; B 2021"); an unknown key is shown as written.
  mutating func writeCitation(_ keys: String) {
    html += "<cite class=\"citation\">"
    for (index, key) in keys.split(separator: " ").enumerated() {
      if index > 0 { html += "; " }
      if let reference = lesson.document.references.first(where: { $0.key == key }) {
        html += "<a href=\"#ref-\(AttributeHTML.className(reference.key))\">"
        HTMLEscaping.escape(reference.label, into: &html)
        html += "</a>"
      } else {
        HTMLEscaping.escape(String(key), into: &html)
      }
    }
    html += "</cite>"
  }

  /// The References section, once: where `{% bibliography %}` stands, else at the end of the body.
  mutating func writeReferences() {
    let references = lesson.document.references
    guard !referencesWritten, !references.isEmpty else { return }
    referencesWritten = true
    html += "<section class=\"references\" id=\"references\">\n<h2>References</h2>\n<ol class=\"bibliography\">\n"
    for reference in references {
      html += "<li id=\"ref-\(AttributeHTML.className(reference.key))\">"
      writeEntry(reference)
      html += "</li>\n"
    }
    html += "</ol>\n</section>\n"
  }

  /// "Authors, Year Title. <em>Journal</em> 32(19): 3047–3048. Publisher. https://doi.org/…"
  private mutating func writeEntry(_ reference: Reference) {
    if !reference.authors.isEmpty {
      HTMLEscaping.escape(reference.authors, into: &html)
      html += ", "
    }
    HTMLEscaping.escape(reference.year ?? "n.d.", into: &html)
    if let title = reference.title {
      html += " <span class=\"reference-title\">"
      HTMLEscaping.escape(title, into: &html)
      if !title.hasSuffix(".") && !title.hasSuffix("?") && !title.hasSuffix("!") { html += "." }
      html += "</span>"
    }
    if let container = reference.container {
      html += " <em>"
      HTMLEscaping.escape(container, into: &html)
      html += "</em>"
      if let details = reference.details {
        html += " "
        HTMLEscaping.escape(details, into: &html)
      }
      html += "."
    }
    if let publisher = reference.publisher {
      html += " "
      HTMLEscaping.escape(publisher, into: &html)
      html += "."
    }
    if let link = reference.doiURL ?? reference.url {
      html += " <a href=\""
      HTMLEscaping.escape(link, into: &html)
      html += "\">"
      HTMLEscaping.escape(link, into: &html)
      html += "</a>"
    }
  }
}
