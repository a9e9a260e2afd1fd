/// Resolves the Liquid that builds site links — `{{ site.baseurl }}`, `{{ site.url }}` and `{% link path.md %}` —
/// in the body text before Markdown parsing, as Jekyll does (Liquid runs before kramdown there). This matters
/// because these tags sit inside link destinations (`[intro]({% link topics/x/tutorials/y/tutorial.md %})`), where
/// CommonMark would not even see a link while the tag is there.
///
/// Links become relative to the lesson's page (`<relativePath>/tutorial.html`), so the site works from any
/// sub-path and from `file://`. No line breaks are added or removed: line numbers stay the file's.
enum SiteLinkRewriter {
  /// `text` with the site-link tags replaced; `relativePath` is the lesson's folder relative to the content root.
  static func rewrite(_ text: String, relativePath: String) -> String {
    guard containsSiteLinkTag(text) else { return text }
    let depth = relativePath.split(separator: "/").count
    let root = depth == 0 ? "." : Array(repeating: "..", count: depth).joined(separator: "/")
    var output = ""
    output.reserveCapacity(text.utf8.count)
    var rest = text[...]
    while let open = rest.firstIndex(ofASCII: UInt8(ascii: "{")) {
      output += rest[..<open]
      let candidate = rest[open...]
      if let (replacement, length) = tag(at: candidate, root: root) {
        output += replacement
        rest = candidate.dropFirst(length)
      } else {
        output += "{"
        rest = candidate.dropFirst()
      }
    }
    output += rest
    return output
  }

  /// True when `{{ site.` or `{% link` (with any spaces) occurs: a byte scan, as most lessons have neither.
  private static func containsSiteLinkTag(_ text: String) -> Bool {
    let found: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
      var from = 0
      while let index = ByteSearch.firstOffset(of: UInt8(ascii: "{"), in: bytes, from: from), index + 1 < bytes.count {
        from = index + 1
        guard bytes[index + 1] == UInt8(ascii: "{") || bytes[index + 1] == UInt8(ascii: "%") else { continue }
        var cursor = index + 2
        while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
        let word = bytes[cursor..<min(cursor + 5, bytes.count)]
        if word.elementsEqual("site.".utf8) || word.elementsEqual("link ".utf8) { return true }
      }
      return false
    }
    return found ?? (text.firstRange(of: "site.") != nil || text.firstRange(of: "link ") != nil)
  }

  /// The replacement for a site-link tag at the start of `text`, and the tag's length in characters.
  private static func tag(at text: Substring, root: String) -> (String, Int)? {
    let isOutput = text.hasPrefix("{{")
    guard isOutput || text.hasPrefix("{%"),
      let close = text.dropFirst(2).prefix(300).firstRange(of: isOutput ? "}}" : "%}")
    else { return nil }
    let body = text[text.index(text.startIndex, offsetBy: 2)..<close.lowerBound]
    let words = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
    let length = text.distance(from: text.startIndex, to: close.upperBound)
    if isOutput {
      switch words.first.map(String.init) {
      case "site.baseurl": return (root, length)
      case "site.url": return ("", length)
      default: return nil
      }
    }
    guard words.count == 2, words[0] == "link" else { return nil }
    var path = String(words[1])
    if path.hasPrefix("/") { path.removeFirst() }
    if path.hasSuffix(".md") { path = String(path.dropLast(3)) + ".html" }
    return (root + "/" + path, length)
  }
}
