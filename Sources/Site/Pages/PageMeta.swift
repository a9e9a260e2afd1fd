/// What the layout's `<head>` says about a page: its language (`<html lang>`), a description (`<meta
/// name="description">`, OpenGraph's `og:description`), its canonical address and OpenGraph type.
///
/// The values are plain text: the layout's `{{…}}` escapes them. The canonical address (and `og:url`) exists only
/// when the site names the address it is published at (`base_url`, http(s)); without one the site stays
/// relocatable and says nothing absolute.
struct PageMeta {
  /// The longest description, in characters; longer text is cut at a word and ends with `…`.
  static let descriptionLimit = 160

  /// The page's path relative to the site root (`topics/t/index.html`).
  var path: String
  /// The description as the page shows it: already cut (`description(_:)`), never empty.
  var description: String?
  /// OpenGraph's type: `article` for a lesson, `website` for the other pages.
  var type: String
  /// The page's language tag (already valid).
  var language: String

  /// The head of the page at `path`, described by `text` (cut by `description(_:)`).
  init(path: String, description text: String?, type: String = "website", language: String) {
    self.path = path
    description = Self.description(text)
    self.type = type
    self.language = language
  }

  /// `text` as a page's description: white space collapsed, cut to `descriptionLimit` characters (`trimmed`); nil
  /// when nothing is left. The one place a description is cut: cut twice, a text cut at 159 characters lost its
  /// last word the second time (the `…` made it 160), so the page and the feed said different things.
  static func description(_ text: String?) -> String? {
    guard let text else { return nil }
    let description = trimmed(text)
    return description.isEmpty ? nil : description
  }

  /// The keys the layout reads: `lang`, `description`, `canonical`, `ogType`, `feedTitle`.
  func context(site: SiteSettings) -> [String: Any] {
    var context: [String: Any] = [:]
    add(to: &context, site: site)
    return context
  }

  /// Sets the keys of `context(site:)` in `context` (replacing those it has).
  func add(to context: inout [String: Any], site: SiteSettings) {
    context["lang"] = language
    context["ogType"] = type
    if let description, !description.isEmpty { context["description"] = description }
    if let base = Self.absoluteBase(site.baseURL) { context["canonical"] = base + URLPath.encode(path) }
  }

  /// `baseURL` ending in `/`, when it is an http(s) address; nil otherwise.
  static func absoluteBase(_ baseURL: String?) -> String? {
    guard let baseURL, EditLink.isWebAddress(baseURL) else { return nil }
    return baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
  }

  /// `text` with its white space collapsed, cut to `descriptionLimit` characters at a word boundary.
  static func trimmed(_ text: String) -> String {
    // ASCII text (the usual case, also once cut and ended with `…`) is cut on its bytes; other text by characters.
    isASCIIOrEllipsis(text) ? trimmedASCII(text) : trimmedByCharacters(text)
  }

  /// `trimmed` by characters, for any text.
  static func trimmedByCharacters(_ text: String) -> String {
    let words = text.split(whereSeparator: { $0.isWhitespace || $0.isNewline })
    var result = ""
    for word in words {
      let next = result.isEmpty ? String(word) : result + " " + word
      if next.count > descriptionLimit - 1 {
        if result.isEmpty { result = String(word.prefix(descriptionLimit - 1)) }
        return result + "…"
      }
      result = next
    }
    return result
  }

  /// The UTF-8 of `…`, the one character besides ASCII that `trimmedASCII` knows (it ends every cut description,
  /// and lesson text has it often).
  private static let ellipsis: [UInt8] = [0xE2, 0x80, 0xA6]

  /// Whether `text` is ASCII but for `…`: then a character is a byte, or the three bytes of `…`.
  private static func isASCIIOrEllipsis(_ text: String) -> Bool {
    var bytes = text.utf8[...]
    while let index = bytes.firstIndex(where: { $0 >= 0x80 }) {
      guard bytes[index...].starts(with: ellipsis) else { return false }
      bytes = bytes[bytes.index(index, offsetBy: 3)...]
    }
    return true
  }

  /// `trimmed` for text that is ASCII but for `…`, in one pass over its bytes (building each candidate `String` and
  /// counting its characters made it quadratic).
  private static func trimmedASCII(_ text: String) -> String {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    /// Characters in `bytes`: `…` is three bytes, and its first byte is the only 0xE2.
    func characters(_ bytes: Substring.UTF8View) -> Int { bytes.count - 2 * bytes.count { $0 == 0xE2 } }
    var result: [UInt8] = []
    result.reserveCapacity(3 * descriptionLimit)
    var length = 0
    var bytes = text.utf8[...]
    while true {
      // White space as `Character.isWhitespace` has it in ASCII: tab, line feed, vertical tab, form feed, return, space.
      bytes = bytes.drop(while: isSpace)
      guard !bytes.isEmpty else { break }
      let word = bytes.prefix { !isSpace($0) }
      bytes = bytes[word.endIndex...]
      let wordLength = characters(word)
      let next = result.isEmpty ? wordLength : length + 1 + wordLength
      if next > descriptionLimit - 1 {
        if result.isEmpty {
          // The word's first characters, `…` whole.
          var end = word.startIndex
          for _ in 0..<(descriptionLimit - 1) where end < word.endIndex {
            end = word.index(end, offsetBy: word[end] == 0xE2 ? 3 : 1)
          }
          result = Array(word[..<end])
        }
        return String(decoding: result + ellipsis, as: UTF8.self)
      }
      if !result.isEmpty { result.append(0x20) }
      result += word
      length = next
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// The text of the first paragraph of a rendered body (`<p>…</p>`, tags removed, entities decoded), the
  /// description of a page whose author wrote none; nil when the body has no paragraph with text.
  static func firstParagraph(ofBody html: String) -> String? {
    // A byte search rather than a Regex or a Character search, which cost a lesson page milliseconds.
    let bytes = Array(html.utf8)
    var from = 0
    while let open = find(Array("<p".utf8), in: bytes, from: from) {
      let next = open + 2
      guard next < bytes.count else { return nil }
      guard [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\t")].contains(bytes[next]),
        let tagEnd = find([UInt8(ascii: ">")], in: bytes, from: next)
      else {  // <pre>, <path>, …
        from = next
        continue
      }
      guard let close = find(Array("</p>".utf8), in: bytes, from: tagEnd + 1) else { return nil }
      let text = SearchSection.plainText(String(decoding: bytes[(tagEnd + 1)..<close], as: UTF8.self)[...])
      if !text.isEmpty { return text }
      from = close + 4
    }
    return nil
  }

  /// The index of the first `needle` in `bytes` at or after `from`.
  private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
    guard let first = needle.first, needle.count <= bytes.count else { return nil }
    var index = from
    while index <= bytes.count - needle.count {
      if bytes[index] == first && bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
      index += 1
    }
    return nil
  }
}
