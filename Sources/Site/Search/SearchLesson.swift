import Foundation

/// What one lesson gives the search, made when the lesson is rendered (on the build's worker threads, and only for
/// the lessons that changed): its **terms**, kept in the build manifest, from which `SearchShards` makes the index:
/// for each term, in which sections it occurs, how much it weighs there, and the window of text the results show
/// for it (`SearchWindows`). Titles and topics reach the index from the lessons' summaries.
struct SearchLesson: Sendable {
  var terms: String

  /// Section lengths are measured against this many words (BM25's average length, fixed so that a lesson's
  /// weights do not depend on the other lessons: a changed lesson changes only its own postings).
  static let typicalSectionWords = 300.0

  /// The record of a lesson titled `title` whose rendered body is `bodyHTML`.
  static func make(title: String, bodyHTML: String) -> SearchLesson {
    SearchLesson(terms: terms(title: title, sections: SectionTexts(body: bodyHTML).normalised()))
  }

  /// The lesson's windows (`SearchWindows`), one line each after a tab, in text order, each section's first after
  /// a line with the section's head (two tabs, then `section,head`); then its terms, one line
  /// each, sorted: `term TAB count,section,value,section,value… TAB window` where section 0 is the title and
  /// section n the n-th section of the document; value is 2 × (the term's frequency in the section's text, divided
  /// by the section's relative length, × 4, rounded, at least 1 when it occurs) + 1 when the section's heading holds
  /// the term; window is the number of the term's window line (none when the lesson has no section). The page adds
  /// up these values for the terms a query's prefix matches and applies BM25's saturation and rarity weight to the
  /// sum.
  static func terms(title: String, sections: [SearchSection]) -> String {
    terms(title: title, sections: SectionTexts(sections))
  }

  private static func terms(title: String, sections: SectionTexts) -> String {
    var counter = TermCounter()
    var collected = CollectedTerms()
    SearchTerms.collect(in: title, into: &collected)
    counter.forEachNumber(of: collected) { counter, term in
      if counter.head[term] < 0 { counter.add(term, section: 0, value: 1, chunk: -1) }
    }
    var chunks: [[Range<Int>]] = []
    chunks.reserveCapacity(sections.parts.count)
    sections.bytes.withUnsafeBufferPointer { bytes in
      for (offset, part) in sections.parts.enumerated() {
        let text = UnsafeBufferPointer(rebasing: bytes[part.text])
        let sectionChunks = SearchWindows.chunks(of: text)
        var words = 0
        if SearchTerms.isASCII(text) {
          // One pass; the words come in order, so their chunk follows their offset.
          var number = 0
          words = counter.forEachTerm(in: text, scratch: &collected) { counter, term, start in
            while number + 1 < sectionChunks.count, start >= sectionChunks[number].upperBound { number += 1 }
            counter.touch(term)
            if counter.counts[term] == 0 { counter.firstChunk[term] = Int32(number) }
            counter.counts[term] += 1
          }
        } else {
          // Chunk by chunk (every word lies whole in one): the terms of other scripts have no offsets.
          for (number, chunk) in sectionChunks.enumerated() {
            words += counter.forEachTerm(in: UnsafeBufferPointer(rebasing: text[chunk]), scratch: &collected) {
              counter, term, _ in
              counter.touch(term)
              if counter.counts[term] == 0 { counter.firstChunk[term] = Int32(number) }
              counter.counts[term] += 1
            }
          }
        }
        chunks.append(sectionChunks)
        counter.forEachTerm(in: UnsafeBufferPointer(rebasing: bytes[part.heading]), scratch: &collected) { counter, term, _ in
          counter.touch(term)
          counter.inHeading[term] = true
        }
        let length = 0.25 + 0.75 * Double(words) / typicalSectionWords
        for term in counter.touched {
          let frequency = Int(counter.counts[term])
          let weight = frequency == 0 ? 0 : max(1, Int((Double(frequency) / length * 4).rounded()))
          counter.add(
            term, section: offset + 1, value: weight * 2 + (counter.inHeading[term] ? 1 : 0),
            chunk: frequency == 0 ? -1 : Int(counter.firstChunk[term]))
          counter.counts[term] = 0
          counter.inHeading[term] = false
        }
        counter.touched.removeAll(keepingCapacity: true)
      }
    }
    return counter.lines(sections: sections, chunks: chunks)
  }
}

/// A lesson's terms while `SearchLesson.terms` counts them: each term is hashed once per occurrence into a number,
/// which indexes the per-section counts; the postings are one list of (section, value) entries, chained per term in
/// the order they are made.
private struct TermCounter {
  var table = TermTable(capacity: 1024)
  /// Section, value and chunk (of the first occurrence in the section's text; -1 when only its heading holds it)
  /// of each entry.
  var entries: [Int32] = []
  /// The term's next entry, -1 at its end.
  var next: [Int32] = []
  var head: [Int32] = []
  var tail: [Int32] = []
  var counts: [Int32] = []
  /// Each term's best section so far (its heading first, then its weight, the first of equals: as the page ranks a
  /// section for one word), as key, section and chunk, for its window.
  var bestKey: [Int] = []
  var bestSection: [Int32] = []
  var bestChunk: [Int32] = []
  /// The chunk of the term's first occurrence in the current section.
  var firstChunk: [Int32] = []
  var inHeading: [Bool] = []
  /// The terms met in the current section, in the order met.
  var touched: [Int] = []

  /// Calls `body` with the number of each collected term, in order.
  mutating func forEachNumber(of collected: CollectedTerms, _ body: (inout TermCounter, Int) -> Void) {
    collected.bytes.withUnsafeBufferPointer { bytes in
      var start = 0
      for end in collected.ends {
        body(&self, number(of: UnsafeBufferPointer(rebasing: bytes[start..<end])))
        start = end
      }
    }
  }

  /// Calls `body` with the number of each term of `text` (`SearchTerms.collect(in:into:)`'s terms) and its offset
  /// in `text` (-1 for text that is not ASCII), in order, and returns how many there were. ASCII text (most lessons) is cut in place: a word is looked up in the text itself,
  /// or lower-cased into `scratch` when it has capitals, without collecting the section's terms first.
  @discardableResult
  mutating func forEachTerm(
    in text: UnsafeBufferPointer<UInt8>, scratch: inout CollectedTerms, _ body: (inout TermCounter, Int, Int) -> Void
  ) -> Int {
    guard SearchTerms.isASCII(text) else {
      scratch.removeAll()
      SearchTerms.collect(in: text, into: &scratch)
      forEachNumber(of: scratch) { counter, term in body(&counter, term, -1) }
      return scratch.ends.count
    }
    var words = 0
    var index = 0
    let kinds = Self.byteKinds
    while index < text.count {
      guard kinds[Int(text[index])] != 0 else {
        index += 1
        continue
      }
      let start = index
      var found: UInt8 = 0
      while index < text.count {
        let kind = kinds[Int(text[index])]
        if kind == 0 { break }
        found |= kind
        index += 1
      }
      let capitals = found & 2 != 0
      let word = UnsafeBufferPointer(rebasing: text[start..<index])
      let term: Int
      if capitals {
        scratch.bytes.removeAll(keepingCapacity: true)
        for byte in word { scratch.bytes.append(byte &- 65 < 26 ? byte + 32 : byte) }
        term = scratch.bytes.withUnsafeBufferPointer { number(of: $0) }
      } else {
        term = number(of: word)
      }
      words += 1
      body(&self, term, start)
    }
    return words
  }

  /// For each ASCII byte: 0 outside terms, 1 for a lower-case letter, digit or `_`, 2 for a capital.
  private static let byteKinds: [UInt8] = (0...255).map { (value: Int) -> UInt8 in
    let byte = UInt8(value)
    if byte &- 65 < 26 { return 2 }
    return byte &- 97 < 26 || byte &- 48 < 10 || byte == 95 ? 1 : 0
  }

  /// The number of `term`, with its per-term slots made when it is new.
  private mutating func number(of term: UnsafeBufferPointer<UInt8>) -> Int {
    let number = table.number(of: SearchTerms.capped(term))
    if number == head.count {
      head.append(-1)
      tail.append(-1)
      counts.append(0)
      bestKey.append(-1)
      bestSection.append(0)
      bestChunk.append(-1)
      firstChunk.append(0)
      inHeading.append(false)
    }
    return number
  }

  mutating func touch(_ term: Int) {
    if counts[term] == 0, !inHeading[term] { touched.append(term) }
  }

  mutating func add(_ term: Int, section: Int, value: Int, chunk: Int) {
    let entry = Int32(next.count)
    entries.append(Int32(section))
    entries.append(Int32(value))
    entries.append(Int32(chunk))
    let key = (value & 1) << 40 | value >> 1
    if section > 0, key > bestKey[term] {
      bestKey[term] = key
      bestSection[term] = Int32(section)
      bestChunk[term] = Int32(chunk)
    }
    next.append(-1)
    if tail[term] >= 0 { next[Int(tail[term])] = entry } else { head[term] = entry }
    tail[term] = entry
  }

  /// The window lines, then one line per term, in term order: `term TAB count,section,value… TAB window`
  /// (`SearchLesson.terms`).
  func lines(sections: SectionTexts, chunks: [[Range<Int>]]) -> String {
    let order = table.sortedNumbers()
    // Windows by (section, chunk + 1; 0: the section has no text) in text order: `first[s]` is section s + 1's first.
    var first: [Int] = [0]
    first.reserveCapacity(chunks.count + 1)
    for sectionChunks in chunks { first.append(first[first.count - 1] + sectionChunks.count + 1) }
    // Each term's window (its slot in that order; -1 without section), and each slot's window number (-1: unused).
    var windowOf: [Int] = []
    windowOf.reserveCapacity(order.count)
    var numbers = [Int32](repeating: -1, count: first[first.count - 1])
    for term in order {
      var slot = -1
      if bestSection[term] > 0 {
        let section = Int(bestSection[term])
        let chunk = max(0, Int(bestChunk[term]))
        slot = first[section - 1] + (chunk < chunks[section - 1].count ? chunk + 1 : 0)
      } else if !chunks.isEmpty {
        slot = chunks[0].isEmpty ? 0 : 1
      }
      windowOf.append(slot)
      if slot >= 0 { numbers[slot] = 0 }
    }
    var count: Int32 = 0
    for slot in numbers.indices where numbers[slot] == 0 {
      numbers[slot] = count
      count += 1
    }
    var lines: [UInt8] = []
    lines.reserveCapacity(
      table.bytes.count + entries.count * 2 + table.count * 8 + sections.bytes.count * 9 / 8 + Int(count) * 24)
    sections.bytes.withUnsafeBufferPointer { bytes in
      var headOf = 0
      var section = 1
      for slot in numbers.indices where numbers[slot] >= 0 {
        while first[section] <= slot { section += 1 }
        let part = sections.parts[section - 1]
        if headOf != section {
          headOf = section
          lines += [0x09, 0x09]
          DecimalBytes.append(section, to: &lines)
          lines.append(0x2C)
          lines += SearchWindows.head(heading: UnsafeBufferPointer(rebasing: bytes[part.heading]), anchor: part.anchor)
          lines.append(0x0A)
        }
        let chunk = slot - first[section - 1]
        lines.append(0x09)
        SearchWindows.append(
          section: section, text: UnsafeBufferPointer(rebasing: bytes[part.text]),
          chunk: chunk == 0 ? nil : chunks[section - 1][chunk - 1], to: &lines)
        lines.append(0x0A)
      }
    }
    for (position, term) in order.enumerated() {
      lines += table.term(term)
      lines.append(0x09)
      var count = 0
      var entry = head[term]
      while entry >= 0 {
        count += 1
        entry = next[Int(entry)]
      }
      DecimalBytes.append(count, to: &lines)
      entry = head[term]
      while entry >= 0 {
        lines.append(0x2C)
        DecimalBytes.append(Int(entries[3 * Int(entry)]), to: &lines)
        lines.append(0x2C)
        DecimalBytes.append(Int(entries[3 * Int(entry) + 1]), to: &lines)
        entry = next[Int(entry)]
      }
      if windowOf[position] >= 0 {
        lines.append(0x09)
        DecimalBytes.append(Int(numbers[windowOf[position]]), to: &lines)
      }
      lines.append(0x0A)
    }
    return String(decoding: lines, as: UTF8.self)
  }

}
