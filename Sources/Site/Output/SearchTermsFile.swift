import Foundation
import Lessons

/// The lessons' search terms (`BuildManifest.LessonSummary.searchTerms`), kept beside the build manifest as plain
/// bytes rather than inside its JSON: they were nine tenths of a 12 MB manifest, which a build with nothing to do
/// decoded (unescaping every term) only to compare file times, and which a one-lesson build decoded and encoded
/// again whole.
///
/// The file is every lesson with a summary, one after the other in path order: `path TAB byte count LF`, the
/// terms' bytes, `LF` (a lesson without terms, a draft: `path TAB - LF LF`), so that a manifest can tell the file
/// is its own; a `\`, tab or line break in a path (a folder may be named so) is written `\\`, `\t`, `\n`, `\r`.
enum SearchTermsFile {
  /// The file's name inside the output folder.
  static let fileName = ".lessons-search-terms"

  /// The file's bytes for the terms of `lessons` that have a summary, in path order.
  static func pieces(_ lessons: [String: BuildManifest.Lesson]) -> [String] {
    var pieces: [String] = []
    for path in lessons.keys.sorted(by: { $0.utf8Precedes($1) }) {
      guard let summary = lessons[path]?.summary else { continue }
      guard let terms = summary.searchTerms else {
        pieces.append("\(escaped(path))\t-\n\n")
        continue
      }
      pieces.append("\(escaped(path))\t\(terms.utf8.count)\n")
      pieces.append(terms)
      pieces.append("\n")
    }
    return pieces
  }

  /// The terms by lesson path (nil: the lesson has none), as `pieces` wrote them; nil when the file is missing or
  /// malformed.
  static func read(from outputFolder: String) -> [String: String?]? {
    guard let data = try? FileSystem.read(outputFolder + "/" + fileName) else { return nil }
    return data.withUnsafeBytes { bytes -> [String: String?]? in
      var terms: [String: String?] = [:]
      var index = 0
      while index < bytes.count {
        guard let tab = bytes[index...].firstIndex(of: 0x09), let end = bytes[tab...].firstIndex(of: 0x0A) else {
          return nil
        }
        let path = unescaped(String(decoding: bytes[index..<tab], as: UTF8.self))
        let field = String(decoding: bytes[(tab + 1)..<end], as: UTF8.self)
        if field == "-" {
          guard end + 1 < bytes.count, bytes[end + 1] == 0x0A else { return nil }
          terms[path] = .some(nil)
          index = end + 2
          continue
        }
        // A count past the file's end (a damaged file) is refused before any arithmetic on it.
        guard let count = Int(field), count >= 0, count < bytes.count - end - 1, bytes[end + 1 + count] == 0x0A else {
          return nil
        }
        terms[path] = String(decoding: bytes[(end + 1)..<(end + 1 + count)], as: UTF8.self)
        index = end + 2 + count
      }
      return terms
    }
  }

  /// `path` with `\`, tab and line breaks escaped, so that it fits on the entry's line.
  static func escaped(_ path: String) -> String {
    guard path.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return path }
    var result = ""
    for character in path.unicodeScalars {
      switch character {
      case "\\": result += "\\\\"
      case "\t": result += "\\t"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      default: result.unicodeScalars.append(character)
      }
    }
    return result
  }

  /// The path `escaped` wrote.
  static func unescaped(_ text: String) -> String {
    guard text.utf8.contains(0x5C) else { return text }
    var result = ""
    var escaping = false
    for character in text.unicodeScalars {
      if escaping {
        switch character {
        case "t": result += "\t"
        case "n": result += "\n"
        case "r": result += "\r"
        default: result.unicodeScalars.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        result.unicodeScalars.append(character)
      }
    }
    return result
  }
}
