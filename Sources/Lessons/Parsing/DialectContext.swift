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

  init(file: String, frontMatter: FrontMatter, source: SourceLines) {
    self.file = file
    self.folder = (file as NSString).deletingLastPathComponent
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

  /// Lowercase letters and digits, spaces and dashes as `-`, other characters dropped.
  static func slug(_ text: String) -> String {
    var result = ""
    var lastWasDash = false
    for scalar in text.unicodeScalars {
      if scalar.isASCII {
        let value = UInt8(scalar.value)
        if (value >= 97 && value <= 122) || (value >= 48 && value <= 57) {
          result.unicodeScalars.append(scalar)
          lastWasDash = false
          continue
        }
        if value >= 65 && value <= 90 {
          result.unicodeScalars.append(Unicode.Scalar(value + 32))
          lastWasDash = false
          continue
        }
      }
      if !scalar.isASCII && scalar.properties.isAlphabetic {
        result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        lastWasDash = false
      } else if scalar == " " || scalar == "-" || scalar == "_", !result.isEmpty, !lastWasDash {
        result.append("-")
        lastWasDash = true
      }
    }
    while result.last == "-" { result.removeLast() }
    return result
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
    if !FileManager.default.fileExists(atPath: full) {
      warn(line, "image '\(url)' not found (looked for \(full))")
    }
  }
}
