import Foundation

/// What the GTN passes share while they turn one lesson's tree into a `Document`: the diagnostics found so far,
/// which abbreviations have been used, figure numbers, heading ids and cells.
final class DialectContext {
  let file: String
  let folder: String
  let frontMatter: FrontMatter
  let source: SourceLines
  var diagnostics: [Diagnostic] = []
  var cells: [Cell] = []
  var tableOfContents: [HeadingReference] = []
  var usedAbbreviations: [Abbreviation] = []
  private var abbreviations: [String: Abbreviation] = [:]
  private var usedShorts: Set<String> = []
  private var headingIDs: Set<String> = []
  /// Next suffix to try for each id base, so that many equal headings stay linear.
  private var nextSuffix: [String: Int] = [:]
  private var figureCount = 0
  /// The entries of the lesson's `tutorial.bib` by key, and the file's path (nil when there is none).
  var bibliography: [String: Reference] = [:]
  var bibliographyFile: String?
  /// Keys `{% cite %}` named, in order of first citation.
  var citedKeys: [String] = []

  /// The cited references, sorted by label (first author, then year).
  func citedReferences() -> [Reference] {
    citedKeys.compactMap { bibliography[$0] }.sorted { ($0.label, $0.key) < ($1.label, $1.key) }
  }

  /// What becomes of the lesson's raw HTML (the site's `raw_html:` setting).
  var rawHTML = RawHTMLMode.sanitized
  /// The kinds of raw HTML removal already reported (each is reported once per lesson).
  var reportedRawHTML: Set<String> = []

  /// Branch names of "choose your own tutorial" (`ChooseYourOwnTutorial`).
  var choices: Set<String> = []
  /// Lines holding a snippet or include tag already reported by the include expansion (no second warning).
  var reportedIncludeLines: Set<Int> = []
  /// Labels of the footnotes the lesson defines (`[^label]: …`), found before the body is transformed.
  var footnoteLabels: Set<String> = []
  /// Footnote contents by label, as their definitions are transformed.
  var footnoteDefinitions: [String: (content: [Inline], line: Int)] = [:]
  /// Numbers of referenced footnotes, in order of first reference.
  private(set) var footnoteNumbers: [String: Int] = [:]

  /// The number of footnote `label`, given on its first reference.
  func footnoteNumber(_ label: String) -> Int {
    if let number = footnoteNumbers[label] { return number }
    let number = footnoteNumbers.count + 1
    footnoteNumbers[label] = number
    return number
  }

  /// The footnotes in number order; definitions never referenced are reported and left out.
  func footnotes() -> [Footnote] {
    for (label, definition) in footnoteDefinitions where footnoteNumbers[label] == nil {
      warn(definition.line, "footnote [^\(label)] is defined but never referenced")
    }
    return footnoteNumbers.sorted { $0.value < $1.value }.map { label, number in
      Footnote(label: label, number: number, content: footnoteDefinitions[label]?.content ?? [])
    }
  }

  init(file: String, frontMatter: FrontMatter, source: SourceLines) {
    self.file = file
    self.folder = PathText.deletingLastComponent(file)
    self.frontMatter = frontMatter
    self.source = source
    for abbreviation in frontMatter.abbreviations where abbreviations[abbreviation.short] == nil {
      abbreviations[abbreviation.short] = abbreviation
    }
  }

  func warn(_ line: Int?, _ message: String) {
    diagnostics.append(Diagnostic(.warning, file: file, line: line, message))
  }

  func error(_ line: Int?, _ message: String) {
    diagnostics.append(Diagnostic(.error, file: file, line: line, message))
  }

  /// `{short}` as an abbreviation when the front matter defines it, noting its first use.
  func abbreviation(_ short: Substring) -> Inline? {
    guard let abbreviation = abbreviations[String(short)] else { return nil }
    let first = usedShorts.insert(abbreviation.short).inserted
    if first { usedAbbreviations.append(abbreviation) }
    return .abbreviation(abbreviation, firstUse: first)
  }

  func nextFigureNumber() -> Int {
    figureCount += 1
    return figureCount
  }

  /// A page-unique id for a heading: `wanted` when given, else made from the text as kramdown does.
  func headingID(text: String, wanted: String?) -> String {
    var base = wanted ?? Self.slug(text)
    if base.isEmpty { base = "section" }
    var candidate = base
    var counter = nextSuffix[base] ?? 1
    while !headingIDs.insert(candidate).inserted {
      candidate = "\(base)-\(counter)"
      counter += 1
    }
    nextSuffix[base] = counter
    return candidate
  }

  /// kramdown's header id: leading characters up to the first letter dropped, then only letters, digits, spaces
  /// and `-` kept, each space written `-`, lowercased ("Pools & Parallelism" → `pools--parallelism`), so that links
  /// written for GTN's pages keep working. Letters outside ASCII are kept too (kramdown drops them).
  static func slug(_ text: String) -> String {
    if let ascii = asciiSlug(text) { return ascii }
    var result = ""
    var started = false
    for scalar in text.unicodeScalars {
      let isLetter: Bool
      let isDigit = scalar.isASCII && scalar.value >= 48 && scalar.value <= 57
      if scalar.isASCII {
        let value = scalar.value
        isLetter = (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
      } else {
        isLetter = scalar.properties.isAlphabetic
      }
      if !started {
        guard isLetter else { continue }
        started = true
      }
      if isLetter || isDigit {
        if scalar.isASCII {
          let value = UInt8(scalar.value)
          result.unicodeScalars.append(Unicode.Scalar(value >= 65 && value <= 90 ? value + 32 : value))
        } else {
          result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
      } else if scalar == " " || scalar == "-" {
        result.append("-")
      }
    }
    return result
  }

  /// `slug(_:)` of ASCII text, on its bytes (most headings); nil for text with other characters.
  private static func asciiSlug(_ text: String) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count)
    var started = false
    for byte in text.utf8 {
      guard byte < 0x80 else { return nil }
      let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
      let isDigit = byte >= 48 && byte <= 57
      if !started {
        guard isLetter else { continue }
        started = true
      }
      if isLetter || isDigit {
        bytes.append(byte >= 65 && byte <= 90 ? byte + 32 : byte)
      } else if byte == 32 || byte == UInt8(ascii: "-") {
        bytes.append(UInt8(ascii: "-"))
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Checks relative links against the content folder (nil: links are not checked).
  var links = LinkChecker(contentRoot: nil, folder: "")

  /// Warns when a relative link leads nowhere in the site.
  func checkLink(_ url: String, line: Int) {
    if let missing = links.missingTarget(url) {
      warn(line, "link '\(url)' leads nowhere in the site (\(missing))")
    }
  }

  /// Warns when a relative image path does not name a file beside the tutorial.
  func checkImage(_ url: String, line: Int) {
    guard !url.isEmpty, !url.contains("://"), !url.hasPrefix("data:"), !url.hasPrefix("/"), !url.hasPrefix("#"),
      !url.hasPrefix("mailto:"), !url.contains("{{")
    else { return }
    var path = Substring(url)
    if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
    let decoded = String(path).removingPercentEncoding ?? String(path)
    let full = folder.isEmpty ? decoded : folder + "/" + decoded
    // Not looked for outside the content folder: its existence must not show in a build log.
    if links.leavesContent(decoded) {
      warn(line, "image '\(url)' is outside the content folder: not published")
    } else if !FileManager.default.fileExists(atPath: full) {
      warn(line, "image '\(url)' not found (looked for \(full))")
    }
  }
}
