import Foundation

/// What one lesson gives the search, made when the lesson is rendered (on the build's worker threads, and only for
/// the lessons that changed):
///
/// - its **document**, the script `search/lessons/<lesson path>.js` with its title, topic, page and text by section,
///   which the search page loads only for the lessons it lists (for the section heading and the snippet);
/// - its **terms**, kept in the build manifest, from which `SearchShards` makes the index: for each term, in which
///   sections it occurs and how much it weighs there.
struct SearchLesson: Sendable {
  var document: String
  var terms: String

  /// Where the lesson's document goes, relative to the site root.
  static func documentPath(lesson relativePath: String) -> String { "search/lessons/" + relativePath + ".js" }

  /// Section lengths are measured against this many words (BM25's average length, fixed so that a lesson's
  /// weights do not depend on the other lessons: a changed lesson changes only its own postings).
  static let typicalSectionWords = 300.0

  /// The record of a lesson titled `title`, in `topic`, whose page is `url` (from the site root) and whose rendered
  /// body is `bodyHTML`.
  static func make(relativePath: String, title: String, topic: String, url: String, bodyHTML: String) -> SearchLesson {
    let sections = SearchSection.sections(ofBody: bodyHTML).map { section in
      SearchSection(heading: normalised(section.heading), anchor: section.anchor, text: normalised(section.text))
    }
    return SearchLesson(
      document: document(relativePath: relativePath, title: title, topic: topic, url: url, sections: sections),
      terms: terms(title: title, sections: sections))
  }

  /// Text in NFC, as queries are, so that the page's highlighting finds what the index found.
  private static func normalised(_ text: String) -> String {
    text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
  }

  /// The document script: `lessonsSearch.lesson(path, {title, topic, url, sections: [[heading, anchor, text]]})`.
  static func document(
    relativePath: String, title: String, topic: String, url: String, sections: [SearchSection]
  ) -> String {
    var script = "lessonsSearch.lesson(" + JavaScriptString.literal(relativePath) + ",{\"title\":"
      + JavaScriptString.literal(title) + ",\"topic\":" + JavaScriptString.literal(topic) + ",\"url\":"
      + JavaScriptString.literal(url) + ",\"sections\":["
    for (index, section) in sections.enumerated() {
      if index > 0 { script += "," }
      script += "[" + JavaScriptString.literal(section.heading) + "," + JavaScriptString.literal(section.anchor) + ","
        + JavaScriptString.literal(section.text) + "]"
    }
    return script + "]});\n"
  }

  /// The lesson's terms, one line each, sorted: `term TAB count,section,value,section,value…` where section 0 is
  /// the title and section n the n-th section of the document; value is 2 × (the term's frequency in the section's
  /// text, divided by the section's relative length, × 4, rounded, at least 1 when it occurs) + 1 when the section's
  /// heading holds the term. The page adds up these values for the terms a query's prefix matches and applies
  /// BM25's saturation and rarity weight to the sum.
  static func terms(title: String, sections: [SearchSection]) -> String {
    var postings: [String: [Int]] = [:]
    SearchTerms.forEach(in: title) { term in
      if postings[term] == nil { postings[term] = [0, 1] }
    }
    for (offset, section) in sections.enumerated() {
      var counts: [String: Int] = [:]
      var words = 0
      SearchTerms.forEach(in: section.text) { term in
        counts[term, default: 0] += 1
        words += 1
      }
      var inHeading: Set<String> = []
      SearchTerms.forEach(in: section.heading) { inHeading.insert($0) }
      let length = 0.25 + 0.75 * Double(words) / typicalSectionWords
      for term in Set(counts.keys).union(inHeading) {
        let frequency = counts[term] ?? 0
        let weight = frequency == 0 ? 0 : max(1, Int((Double(frequency) / length * 4).rounded()))
        postings[term, default: []] += [offset + 1, weight * 2 + (inHeading.contains(term) ? 1 : 0)]
      }
    }
    var lines = ""
    for term in postings.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      let list = postings[term] ?? []
      lines += term + "\t" + String(list.count / 2)
      for number in list { lines += "," + String(number) }
      lines += "\n"
    }
    return lines
  }
}
