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
    // Each term is hashed once per occurrence: its number indexes the per-section counts and the postings.
    var numbers: [String: Int] = [:]
    var names: [String] = []
    var postings: [[Int]] = []
    func number(of term: String) -> Int {
      if let known = numbers[term] { return known }
      numbers[term] = names.count
      names.append(term)
      postings.append([])
      return names.count - 1
    }
    SearchTerms.forEach(in: title) { term in
      let term = number(of: term)
      if postings[term].isEmpty { postings[term] = [0, 1] }
    }
    var counts: [Int] = []
    var inHeading: [Bool] = []
    var touched: [Int] = []
    func touch(_ term: Int) {
      if term >= counts.count {
        counts += repeatElement(0, count: term + 1 - counts.count)
        inHeading += repeatElement(false, count: term + 1 - inHeading.count)
      }
      if counts[term] == 0, !inHeading[term] { touched.append(term) }
    }
    for (offset, section) in sections.enumerated() {
      var words = 0
      SearchTerms.forEach(in: section.text) { term in
        let term = number(of: term)
        touch(term)
        counts[term] += 1
        words += 1
      }
      SearchTerms.forEach(in: section.heading) { term in
        let term = number(of: term)
        touch(term)
        inHeading[term] = true
      }
      let length = 0.25 + 0.75 * Double(words) / typicalSectionWords
      for term in touched {
        let frequency = counts[term]
        let weight = frequency == 0 ? 0 : max(1, Int((Double(frequency) / length * 4).rounded()))
        postings[term] += [offset + 1, weight * 2 + (inHeading[term] ? 1 : 0)]
        counts[term] = 0
        inHeading[term] = false
      }
      touched.removeAll(keepingCapacity: true)
    }
    var lines: [UInt8] = []
    for term in names.indices.sorted(by: { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }) {
      lines += names[term].utf8
      lines.append(0x09)
      lines += String(postings[term].count / 2).utf8
      for number in postings[term] {
        lines.append(0x2C)
        lines += String(number).utf8
      }
      lines.append(0x0A)
    }
    return String(decoding: lines, as: UTF8.self)
  }
}
