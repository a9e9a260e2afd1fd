import Foundation
import Lessons

/// The lesson's Markdown as a notebook's markdown cells should hold it, as GTN's own notebooks do: without the
/// markup only the site understands. The agenda box goes (its list is made by the site), box titles
/// (`<question-title>Why?</question-title>`) become bold text ("**Question: Why?**"), `{GIL}` abbreviations are
/// written out on first use, `{% icon %}` goes, `{% tool [Label](id) %}` becomes **Label**, `{% cite key %}` its
/// author–year label, and images beside the lesson are embedded as data URIs so that a downloaded notebook shows
/// them. Code fences are left as written.
struct NotebookMarkdown {
  let lesson: Lesson
  private var usedAbbreviations: Set<String> = []
  /// Images above this size are left as links.
  static let maximumImageBytes = 1024 * 1024

  /// The bytes of an image file at a path, or nil: the build's confined reader (`FileSystem.readRegular`).
  let images: @Sendable (String) -> Data?

  init(lesson: Lesson, images: @escaping @Sendable (String) -> Data? = { _ in nil }) {
    self.lesson = lesson
    self.images = images
  }

  /// A markdown cell's text cleaned, or nil when nothing but blank lines is left (an agenda alone).
  mutating func cleanCell(_ text: String) -> String? {
    let cleaned = clean(text).trimmingScalars(in: .whitespacesAndNewlines)
    return cleaned.isEmpty ? nil : cleaned + "\n"
  }

  /// `text` cleaned; abbreviations are written out only the first time across calls.
  ///
  /// Works on the UTF-8 bytes: splitting into lines, prefix checks, `firstRange(of:)` and joining through String
  /// and Character APIs cost more than the cleaning itself. (A prefix is matched on scalars, as cmark matches it: a
  /// combining mark right after a fence's backticks no longer hides the fence.)
  mutating func clean(_ text: String) -> String {
    var text = text
    var output: [UInt8] = []
    text.withUTF8 { clean($0, into: &output) }
    return String(decoding: output, as: UTF8.self)
  }

  private mutating func clean(_ text: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    output.reserveCapacity(text.count + 64)
    var fence: (marker: UInt8, length: Int)?
    var inAgenda = false
    var wroteLine = false
    var lineStart = 0
    while lineStart <= text.count {
      let lineEnd = ByteSearch.firstOffset(of: UInt8(ascii: "\n"), in: text, from: lineStart) ?? text.count
      let line = UnsafeBufferPointer(rebasing: text[lineStart..<lineEnd])
      lineStart = lineEnd + 1
      var contentStart = 0
      while contentStart < line.count, Self.isQuoteOrIndent(line[contentStart]) { contentStart += 1 }
      let content = UnsafeBufferPointer(rebasing: line[contentStart...])
      let first = content.first ?? 0
      var isText = true
      if let open = fence {
        if Self.run(of: open.marker, in: content) >= open.length { fence = nil }
        isText = false
      } else if first == UInt8(ascii: "`") || first == UInt8(ascii: "~"), Self.run(of: first, in: content) >= 3 {
        fence = (first, Self.run(of: first, in: content))
        isText = false
      } else {
        if inAgenda {
          if line.first == UInt8(ascii: ">") { continue }
          inAgenda = false
        }
        if NotebookBytes.hasPrefix(content, "<agenda-title>")
          || (first == UInt8(ascii: "#") && NotebookBytes.hasPrefixIgnoringCase(content, "### agenda"))
        {
          inAgenda = true
          continue
        }
      }
      if wroteLine { output.append(UInt8(ascii: "\n")) }
      wroteLine = true
      // Code and its fences are left as written.
      if isText { cleanLine(line, into: &output) } else { output.append(contentsOf: line) }
    }
  }

  private static func isQuoteOrIndent(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ">") || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
  }

  /// How many `byte`s `bytes` starts with.
  private static func run(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    while count < bytes.count, bytes[count] == byte { count += 1 }
    return count
  }

  /// The line with its site markup replaced. One pass finds which markup it has: most lines have none and are
  /// copied as they are.
  private mutating func cleanLine(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    var titles = false
    var braces = false
    var images = false
    var index = 0
    while index < line.count {
      // Eight bytes at a time past text without `{`, `[` or `>`, which is most text.
      if index + 8 <= line.count,
        !NotebookBytes.word(UnsafeRawPointer(line.baseAddress! + index).loadUnaligned(as: UInt64.self), hasAnyOf: 0x7B, 0x5B, 0x3E)
      {
        index += 8
        continue
      }
      for at in index..<min(index + 8, line.count) {
        switch line[at] {
        case UInt8(ascii: "{"): braces = true
        case UInt8(ascii: "["): images = images || (at > 0 && line[at - 1] == UInt8(ascii: "!"))
        case UInt8(ascii: ">"):
          titles = titles || (at >= 6 && NotebookBytes.hasPrefix(UnsafeBufferPointer(rebasing: line[(at - 6)...]), "-title>"))
        default: break
        }
      }
      index += 8
    }
    guard titles || braces || images else { return output.append(contentsOf: line) }
    var text: String
    if titles {
      var replaced: [UInt8] = []
      Self.titleTags(line, into: &replaced)
      guard braces || images else { return output.append(contentsOf: replaced) }
      text = String(decoding: replaced, as: UTF8.self)
    } else {
      text = String(decoding: line, as: UTF8.self)
    }
    if text.containsBytes("{%") { text = liquidTags(text) }
    if text.containsBytes("{") { text = abbreviations(text) }
    if text.containsBytes("![") { text = embedImages(text) }
    output.append(contentsOf: text.utf8)
  }

  /// `<question-title>Why?</question-title>` → `**Question: Why?**`, found on the bytes (this runs on every line
  /// with a title tag; `firstRange(of:)` made it a third of the cleaning).
  private static func titleTags(_ line: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
    var copied = 0
    var from = 0
    while let open = ByteSearch.firstOffset(of: UInt8(ascii: "<"), in: line, from: from),
      let end = ByteSearch.firstOffset(of: "-title>", in: line, from: open + 1)
    {
      let name = UnsafeBufferPointer(rebasing: line[(open + 1)..<end])
      let closing = Array("</".utf8) + name + Array("-title>".utf8)
      guard isTagName(name), let close = closing.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: $0, in: line, from: end + 7) })
      else {
        from = open + 1
        continue
      }
      output.append(contentsOf: line[copied..<open])
      let label = BoxType(String(decoding: name, as: UTF8.self)).label
      let title = String(decoding: line[(end + 7)..<close], as: UTF8.self).trimmingScalars(in: .whitespaces)
      output.append(contentsOf: (title.isEmpty ? "**\(label)**" : "**\(label): \(title)**").utf8)
      copied = close + closing.count
      from = copied
    }
    output.append(contentsOf: line[copied...])
  }

  /// A box name: letters, digits, `_` and `-` (Unicode letters and digits too, checked on Characters).
  private static func isTagName(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
    guard !name.isEmpty else { return false }
    var ascii = true
    for byte in name {
      switch byte {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "_"), UInt8(ascii: "-"):
        continue
      case 0x80...: ascii = false
      default: return false
      }
    }
    return ascii || String(decoding: name, as: UTF8.self).allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
  }

  /// `{% icon x %}` → nothing, `{% tool [Label](id) %}` / `{% tool Label|id %}` → **Label**, `{% cite key %}` →
  /// its label; other tags stay.
  func liquidTags(_ line: String) -> String {
    var output = ""
    var rest = Substring(line)
    while let open = rest.firstRange(of: "{%"), let close = rest[open.upperBound...].firstRange(of: "%}") {
      output += rest[..<open.lowerBound]
      let body = rest[open.upperBound..<close.lowerBound].trimmingScalars(in: CharacterSet(charactersIn: " -\t"))
      let name = body.prefix { !$0.isWhitespace }
      let argument = body.dropFirst(name.count).trimmingScalars(in: .whitespaces)
      switch name {
      case "icon":
        rest = rest[close.upperBound...]
        if rest.first == " " { rest = rest.dropFirst() }
        continue
      case "tool":
        var label = argument
        if argument.hasPrefix("["), let end = argument.firstIndex(of: "]") {
          label = String(argument[argument.index(after: argument.startIndex)..<end])
        } else if let bar = argument.firstIndex(of: "|") {
          label = argument[..<bar].trimmingScalars(in: .whitespaces)
        }
        output += "**\(label)**"
      case "cite":
        let key = argument.prefix { !$0.isWhitespace }
        output += lesson.document.references.first { $0.key == key }?.label ?? String(key)
      default:
        output += rest[open.lowerBound..<close.upperBound]
      }
      rest = rest[close.upperBound...]
    }
    return output + rest
  }

  /// `{GIL}` → "Global Interpreter Lock (GIL)" the first time, then "GIL".
  mutating func abbreviations(_ line: String) -> String {
    var line = line
    for abbreviation in lesson.frontMatter.abbreviations where line.contains("{\(abbreviation.short)}") {
      var result = ""
      var rest = Substring(line)
      while let range = rest.firstRange(of: "{\(abbreviation.short)}") {
        result += rest[..<range.lowerBound]
        let first = usedAbbreviations.insert(abbreviation.short).inserted
        result += first ? "\(abbreviation.expansion) (\(abbreviation.short))" : abbreviation.short
        rest = rest[range.upperBound...]
      }
      line = result + rest
    }
    return line
  }

  /// `![alt](picture.png)` of a file beside the lesson → `![alt](data:image/png;base64,…)`, its bytes from
  /// `images` (given the path from the lesson's folder; nil leaves the link as it is).
  func embedImages(_ line: String) -> String {
    let folder = (lesson.file as NSString).deletingLastPathComponent
    var output = ""
    var rest = Substring(line)
    while let open = rest.firstRange(of: "!["), let middle = rest[open.upperBound...].firstRange(of: "]("),
      let close = rest[middle.upperBound...].firstIndex(of: ")")
    {
      output += rest[..<middle.upperBound]
      let target = rest[middle.upperBound..<close]
      let path = String(target.prefix { !$0.isWhitespace })
      let title = target.dropFirst(path.count)
      let decoded = path.removingPercentEncoding ?? path
      if !decoded.contains("://"), !decoded.hasPrefix("data:"), !decoded.hasPrefix("/"), !decoded.contains("\0"),
        let type = Self.mediaType(of: decoded),
        let data = images((folder.isEmpty ? "." : folder) + "/" + decoded),
        data.count <= Self.maximumImageBytes
      {
        output += "data:\(type);base64,\(data.base64EncodedString())" + title
      } else {
        output += target
      }
      output += ")"
      rest = rest[rest.index(after: close)...]
    }
    return output + rest
  }

  private static func mediaType(of path: String) -> String? {
    switch (path as NSString).pathExtension.lowercased() {
    case "png": return "image/png"
    case "jpg", "jpeg": return "image/jpeg"
    case "gif": return "image/gif"
    case "svg": return "image/svg+xml"
    case "webp": return "image/webp"
    default: return nil
    }
  }
}
