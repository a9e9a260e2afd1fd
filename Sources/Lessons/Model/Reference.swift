/// A bibliography entry a lesson cites (`{% cite key %}` with `tutorial.bib` beside the lesson), formatted from
/// BibTeX with LaTeX accents decoded.
public struct Reference: Sendable, Hashable {
  /// The BibTeX key.
  public var key: String
  /// How the text cites it: "Ewels et al. 2016", "Leger and Leonardi 2019", "Marcel 2011".
  public var label: String
  /// The authors as the list shows them: "Ewels, P., M. Magnusson, S. Lundin, and M. Käller".
  public var authors: String
  /// The year, or nil when the entry has none.
  public var year: String?
  /// The title.
  public var title: String?
  /// The journal, book or series it appeared in.
  public var container: String?
  /// Volume, issue and pages: "32(19): 3047–3048".
  public var details: String?
  /// The publisher, when not already the container.
  public var publisher: String?
  /// `https://doi.org/…`, when the entry has a DOI.
  public var doiURL: String?
  /// The entry's `url` (http or https only), used when there is no DOI.
  public var url: String?

  /// Creates a reference.
  public init(key: String, label: String, authors: String) {
    self.key = key
    self.label = label
    self.authors = authors
  }
}
