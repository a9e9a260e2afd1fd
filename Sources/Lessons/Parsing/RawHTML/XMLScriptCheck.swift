import Foundation

/// Whether an SVG image or other XML file beside a lesson can run script when opened from the published site, read
/// the way a browser's XML parser would read it. Such a file is published verbatim on the site's own origin, so a
/// pull request's `figure.svg` holding `<script>` or `onload=` would be stored cross-site scripting.
///
/// The check refuses on any doubt rather than rewrite: a file is published byte for byte, or not at all. It reads
/// tags with the raw-HTML sanitiser's tokenizer (an XML file's tags, attributes, comments and quoted values are
/// split the same way; where the two readings differ, as in a CDATA section, this one sees more tags, never fewer)
/// and refuses:
/// - elements that run script or load a document (`script`, `iframe`, `object`, `embed`, `form`, `meta`, `base`, …),
///   with or without a namespace prefix (`svg:script`);
/// - event-handler attributes (`onload`, `x:onclick`), `srcdoc`, and animations that set one or an address
///   (`<set attributeName="href" to="javascript:…">`);
/// - addresses (`href`, `xlink:href`, `src`, `action`, `xml:base`, …) that are not relative or http(s), mailto, ftp
///   or tel (`data:image/…` allowed, as Inkscape embeds its bitmaps so; never in `<use>`), read as `URLSafety` does;
/// - processing instructions other than the XML declaration (`<?xml-stylesheet?>` runs XSLT), a DOCTYPE internal
///   subset holding anything but plain text entities (`DoctypeSubset`: Adobe Illustrator declares its namespaces so,
///   but an entity holding markup hides it from this check, and `<!ATTLIST>` can add `onload` to every element),
///   any other declaration;
/// - encodings in which ASCII bytes may not mean ASCII characters (UTF-16 and UTF-32, seen by a byte-order mark or a
///   NUL byte, Shift_JIS and the like named in the XML declaration), and a tag the file ends inside.
///
/// `<foreignObject>` is allowed: draw.io puts every text label in one (`<div xmlns="http://www.w3.org/1999/xhtml">`),
/// and what it holds is checked by the same rules as the rest of the file.
public enum XMLScriptCheck {
  /// What was found that could run script: a description for a warning and the line it is on.
  public struct Finding: Sendable, Hashable {
    /// What was found, e.g. "a <script> element" or "an event handler attribute (onload)".
    public var what: String
    /// Its line, from 1.
    public var line: Int
  }

  /// The first part of `bytes` (an SVG or XML file) that could run script when a browser opens the file; nil when
  /// there is none and the file can be published as it is.
  public static func firstFinding(in bytes: [UInt8]) -> Finding? {
    if let encoding = unreadableEncoding(bytes) { return Finding(what: encoding, line: 1) }
    var tokenizer = HTMLTagTokenizer(bytes)
    while let token = tokenizer.next() {
      switch token {
      case .text, .comment, .endTag: continue
      case .unterminated(let range):
        return Finding(what: "a tag or comment the file ends inside", line: line(of: range.lowerBound, in: bytes))
      case .declaration(let range):
        if let subset = internalSubsetStart(bytes[range]) {
          switch DoctypeSubset.end(of: bytes, from: subset) {
          case .success(let end): tokenizer.resume(at: end)
          case .failure(let problem): return Finding(what: problem.what, line: line(of: problem.offset, in: bytes))
          }
        } else if let what = declarationProblem(bytes[range]) {
          return Finding(what: what, line: line(of: range.lowerBound, in: bytes))
        }
      case .startTag(let tag):
        if let what = tagProblem(tag, bytes: bytes) { return Finding(what: what, line: line(of: tag.range.lowerBound, in: bytes)) }
      }
    }
    return nil
  }

  /// Elements that run script, load another document into the image, or send the reader somewhere on their own.
  private static let refusedElements: Set<String> = [
    "script", "handler", "listener", "iframe", "frame", "frameset", "embed", "object", "applet", "base", "meta",
    "link", "form", "portal",
  ]

  /// Attributes whose value is an address a browser may load or follow (`base` is `xml:base`'s local name).
  private static let addressAttributes: Set<String> = [
    "href", "src", "action", "formaction", "data", "poster", "background", "codebase", "lowsrc", "dynsrc", "base",
  ]

  private static func tagProblem(_ tag: HTMLTagTokenizer.StartTag, bytes: [UInt8]) -> String? {
    let element = localName(tag.name)
    if refusedElements.contains(element) { return "the element <\(tag.name)>" }
    for attribute in tag.attributes {
      let name = localName(attribute.name)
      let value = attribute.value.map { bytes[$0] } ?? []
      if name.hasPrefix("on") { return "an event handler attribute (\(attribute.name))" }
      if name == "srcdoc" { return "a srcdoc attribute" }
      if name == "attributename" {
        // Read as the parser does: `&#104;ref` is `href`; a reference this code cannot decode is a doubt.
        let decoded = CharacterReferences.decode(value, stoppingAtLiquid: false)
        let target = localName(String(decoding: decoded.bytes.map(HTMLTagTokenizer.lowercased), as: UTF8.self))
        if !decoded.complete || target.hasPrefix("on") || addressAttributes.contains(target) {
          return "an animation that sets \(target) (<\(tag.name) attributeName=…>)"
        }
      }
      if addressAttributes.contains(name), !URLSafety.isSafe(value, allowingImageData: element != "use") {
        return "an address that is not relative or http(s) in \(attribute.name)= of <\(tag.name)>"
      }
    }
    return nil
  }

  /// Where the internal subset of a `<!DOCTYPE … [` declaration (the tokenizer's token, up to its first `>`)
  /// starts: just after its `[`; nil for any other declaration.
  private static func internalSubsetStart(_ text: ArraySlice<UInt8>) -> Int? {
    guard text.count > 9, text.prefix(9).map(HTMLTagTokenizer.lowercased).elementsEqual("<!doctype".utf8) else { return nil }
    return text.firstIndex(of: UInt8(ascii: "[")).map { $0 + 1 }
  }

  /// What is wrong with a `<!…>` or `<?…?>` token (up to its first `>`), nil when nothing.
  private static func declarationProblem(_ text: ArraySlice<UInt8>) -> String? {
    let lowered = String(decoding: text.prefix(512).map(HTMLTagTokenizer.lowercased), as: UTF8.self)
    if lowered.hasPrefix("<![cdata[") { return nil }
    if lowered.hasPrefix("<!doctype") { return nil }
    if lowered.hasPrefix("<?xml ") || lowered.hasPrefix("<?xml?") { return nil }
    let name = text.dropFirst(2).prefix { !HTMLTagTokenizer.isSpace($0) && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: "?") }
    let shown = String(decoding: text.prefix(2) + name.prefix(40), as: UTF8.self)
    return lowered.hasPrefix("<?") ? "the processing instruction \(shown)…?>" : "the declaration \(shown)…>"
  }

  /// Encodings a browser may read with ASCII bytes meaning other characters, so that this byte-level check would
  /// not see what the browser sees: a description of the one found, nil for UTF-8, ASCII and Latin-1.
  private static func unreadableEncoding(_ bytes: [UInt8]) -> String? {
    let hasNUL = bytes.withUnsafeBufferPointer { ByteSearch.firstOffset(of: 0, in: $0) != nil }
    if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) || hasNUL {
      return "a UTF-16 or UTF-32 text (byte-order mark or NUL byte), which this check cannot read"
    }
    guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.firstIndex(of: UInt8(ascii: ">")) else { return nil }
    let declaration = String(decoding: bytes[..<end].map(HTMLTagTokenizer.lowercased), as: UTF8.self)
    guard let range = declaration.range(of: "encoding") else { return nil }
    let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\"" || $0 == "'" || $0 == "\t" }
    let name = rest.prefix { $0 != "\"" && $0 != "'" && $0 != " " && $0 != "?" }
    let readable: Set<Substring> = ["utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin1", "windows-1252"]
    return readable.contains(name) ? nil : "the encoding \(name), which this check cannot read"
  }

  /// The name after its namespace prefix (`svg:script` → `script`).
  private static func localName(_ name: String) -> String {
    guard let colon = name.utf8.lastIndex(of: UInt8(ascii: ":")) else { return name }
    return String(name[name.utf8.index(after: colon)...])
  }

  private static func line(of offset: Int, in bytes: [UInt8]) -> Int {
    bytes[..<offset].withUnsafeBufferPointer { ByteSearch.count(of: UInt8(ascii: "\n"), in: $0) } + 1
  }
}
