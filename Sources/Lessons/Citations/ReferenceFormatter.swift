/// Makes `Reference`s of BibTeX entries: the author–year label the text shows and the parts of the list entry.
enum ReferenceFormatter {
  /// One author: family name and given names, LaTeX decoded.
  struct Name: Equatable {
    var family: String
    var given: String
  }

  static func reference(_ entry: BibTeXParser.Entry) -> Reference {
    let names = authors(entry.fields["author"] ?? entry.fields["editor"] ?? "")
    let year = entry.fields["year"].map(LaTeXText.plain)
    var reference = Reference(key: entry.key, label: label(names, year: year), authors: list(names))
    reference.year = year
    reference.title = entry.fields["title"].map(LaTeXText.plain)
    let container = (entry.fields["journal"] ?? entry.fields["booktitle"] ?? entry.fields["series"]).map(LaTeXText.plain)
    reference.container = container
    let publisher = (entry.fields["publisher"] ?? entry.fields["institution"] ?? entry.fields["school"]).map(LaTeXText.plain)
    reference.publisher = publisher == container ? nil : publisher
    var details = entry.fields["volume"].map(LaTeXText.plain) ?? ""
    if let number = entry.fields["number"].map(LaTeXText.plain) { details += "(\(number))" }
    if let pages = entry.fields["pages"].map(LaTeXText.plain) { details += details.isEmpty ? pages : ": \(pages)" }
    reference.details = details.isEmpty ? nil : details
    if let doi = entry.fields["doi"].map(LaTeXText.plain), !doi.isEmpty {
      var bare = Substring(doi)
      for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"]
      where bare.lowercased().hasPrefix(prefix) {
        bare = bare.dropFirst(prefix.count)
      }
      reference.doiURL = "https://doi.org/" + bare
    }
    if let url = entry.fields["url"], url.hasPrefix("https://") || url.hasPrefix("http://") { reference.url = url }
    return reference
  }

  /// "Ewels et al. 2016", "Leger and Leonardi 2019", "Marcel 2011".
  static func label(_ names: [Name], year: String?) -> String {
    let when = year ?? "n.d."
    switch names.count {
    case 0: return when
    case 1: return "\(names[0].family) \(when)"
    case 2: return "\(names[0].family) and \(names[1].family) \(when)"
    default: return "\(names[0].family) et al. \(when)"
    }
  }

  /// "Ewels, P., M. Magnusson, S. Lundin, and M. Käller": the first author family name first, then initials first.
  static func list(_ names: [Name]) -> String {
    let written = names.enumerated().map { index, name in
      let initials = name.given.split(whereSeparator: { $0 == " " || $0 == "." }).map { part in
        part.split(separator: "-").map { "\($0.prefix(1))." }.joined(separator: "-")
      }.joined(separator: " ")
      if initials.isEmpty { return name.family }
      return index == 0 ? "\(name.family), \(initials)" : "\(initials) \(name.family)"
    }
    switch written.count {
    case 0: return ""
    case 1: return written[0]
    case 2: return "\(written[0]) and \(written[1])"
    default: return written.dropLast().joined(separator: ", ") + ", and " + written[written.count - 1]
    }
  }

  /// The names of a BibTeX `author` field: `Last, First and First Last and {Group Name}`; `others` is dropped.
  static func authors(_ field: String) -> [Name] {
    splitAtTopLevel(field, separator: " and ").compactMap { raw in
      let trimmed = raw.trimmingSpaces
      guard !trimmed.isEmpty, trimmed != "others" else { return nil }
      let parts = splitAtTopLevel(String(trimmed), separator: ",")
      if parts.count >= 2 {
        return Name(family: LaTeXText.plain(parts[0]), given: LaTeXText.plain(parts.dropFirst().joined(separator: " ")))
      }
      let words = splitAtTopLevel(String(trimmed), separator: " ").filter { !$0.isEmpty }
      guard let last = words.last else { return nil }
      // Lowercase particles go with the family name: "Ludwig van Beethoven" → "van Beethoven".
      var familyStart = words.count - 1
      while familyStart > 1, let first = words[familyStart - 1].first, first.isLowercase { familyStart -= 1 }
      let family = words[familyStart...].joined(separator: " ")
      return Name(
        family: LaTeXText.plain(words.count == 1 ? last : family),
        given: LaTeXText.plain(words[..<familyStart].joined(separator: " ")))
    }
  }

  /// `text` split at `separator` where it is outside braces.
  static func splitAtTopLevel(_ text: String, separator: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "{" { depth += 1 }
      if character == "}" { depth -= 1 }
      if depth == 0, text[index...].hasPrefix(separator) {
        parts.append(current)
        current = ""
        index = text.index(index, offsetBy: separator.count)
        continue
      }
      current.append(character)
      index = text.index(after: index)
    }
    parts.append(current)
    return parts
  }
}
