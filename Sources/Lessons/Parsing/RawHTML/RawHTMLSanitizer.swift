/// Rewrites a piece of a lesson's raw HTML (an HTML block, or one inline tag) so that it cannot run script in the
/// published page, following `RawHTMLPolicy`: allowed tags are written again from what was read, each kept attribute
/// as `name="value"` with `"`, `<` and `>` in the value escaped; script-capable elements and attributes are removed;
/// other tags are shown as text. What the lesson writes the usual way comes out byte for byte as written.
///
/// Every removal is reported through `report` with the line (counted from the piece's first line), a key naming its
/// kind (so that a lesson is told once per kind) and a message.
struct RawHTMLSanitizer {
  /// A removal: the line in the piece (0 for its first), a key for the kind, and the message.
  typealias Report = (_ lineOffset: Int, _ kind: String, _ message: String) -> Void

  private var tokenizer: HTMLTagTokenizer
  private var output: [UInt8] = []
  private var removals: [(lineOffset: Int, kind: String, message: String)] = []
  /// Newlines before `countedUpTo`, counted as removals are reported.
  private var linesCounted = 0
  private var countedUpTo = 0

  /// `html` without what could run script; `html` itself when it holds no `<`.
  static func sanitize(_ html: String, report: Report) -> String {
    guard html.utf8.contains(UInt8(ascii: "<")) else { return html }
    var sanitizer = RawHTMLSanitizer(bytes: Array(html.utf8))
    sanitizer.run()
    for removal in sanitizer.removals { report(removal.lineOffset, removal.kind, removal.message) }
    return String(decoding: sanitizer.output, as: UTF8.self)
  }

  private init(bytes: [UInt8]) {
    tokenizer = HTMLTagTokenizer(bytes)
    output.reserveCapacity(bytes.count + 16)
  }

  private var bytes: [UInt8] { tokenizer.bytes }

  private mutating func run() {
    while let token = tokenizer.next() {
      switch token {
      case .text(let range):
        appendText(range)
      case .comment(let range):
        // A Liquid tag opened in a comment could close in what follows and leave the comment open in the page.
        if !LiquidSpans.hasOpener(bytes[range]) { output += bytes[range] }
      case .declaration(let range), .unterminated(let range):
        appendAsText(range)
      case .endTag(let name, let range, let plain):
        endTag(name, range: range, plain: plain)
      case .startTag(let tag):
        startTag(tag)
      }
    }
  }

  // MARK: Elements

  private mutating func startTag(_ tag: HTMLTagTokenizer.StartTag) {
    switch RawHTMLPolicy.element(tag.name) {
    case .allowed:
      write(tag)
    case .allowedRawText:
      // Its content is never shown. Without its end tag here, the rest of the page would be its content.
      if tokenizer.skipRawText(endingWith: tag.name).closed, case .endTag(_, let range, let plain)? = tokenizer.next() {
        write(tag)
        endTag(tag.name, range: range, plain: plain)
      } else {
        removed(
          at: tag.range.lowerBound, kind: "<\(tag.name)>",
          "<\(tag.name)> removed: its end tag is not in the same HTML block")
      }
    case .removedWithContent(let rawText):
      removed(
        at: tag.range.lowerBound, kind: "<\(tag.name)>",
        "<\(tag.name)> removed with its content: it could run script in the published page")
      if rawText {
        if tokenizer.skipRawText(endingWith: tag.name).closed { _ = tokenizer.next() }
      } else if !isSelfClosing(tag) {
        skipElement(named: tag.name)
      }
    case .removed:
      removed(
        at: tag.range.lowerBound, kind: "<\(tag.name)>",
        "<\(tag.name)> removed: it could change the page's address, load or send data, or run script")
    case .unknown:
      appendAsText(tag.range)
    }
  }

  private mutating func endTag(_ name: String, range: Range<Int>, plain: Bool) {
    switch RawHTMLPolicy.element(name) {
    case .allowed, .allowedRawText:
      if plain {
        output += bytes[range]
      } else {
        output += "</".utf8
        output += bytes[range.lowerBound + 2..<range.lowerBound + 2 + name.utf8.count]
        output.append(UInt8(ascii: ">"))
      }
    case .removedWithContent, .removed:
      break  // its start tag was reported
    case .unknown:
      appendAsText(range)
    }
  }

  /// Skips the tokens up to the end tag that closes `name` (counting nested ones), or to the end of the piece.
  private mutating func skipElement(named name: String) {
    var depth = 1
    while let token = tokenizer.next() {
      switch token {
      case .startTag(let inner) where inner.name == name && !isSelfClosing(inner):
        depth += 1
      case .endTag(let innerName, _, _) where innerName == name:
        depth -= 1
        if depth == 0 { return }
      default:
        break
      }
    }
  }

  private func isSelfClosing(_ tag: HTMLTagTokenizer.StartTag) -> Bool {
    tag.range.count >= 2 && bytes[tag.range.upperBound - 2] == UInt8(ascii: "/")
  }

  // MARK: Attributes

  /// Writes `tag` again: its name as written, each kept attribute as `name="value"` after the white space that
  /// preceded it (one space when none did), then what ended the tag (` />`).
  private mutating func write(_ tag: HTMLTagTokenizer.StartTag) {
    output.append(UInt8(ascii: "<"))
    output += bytes[tag.nameRange]
    var seen: Set<String> = []
    for attribute in tag.attributes {
      // A repeated attribute is ignored by browsers: only the first counts.
      guard seen.insert(attribute.name).inserted, keeps(attribute, of: tag) else { continue }
      if let separator = attribute.separator { output += bytes[separator] } else { output.append(UInt8(ascii: " ")) }
      output += bytes[attribute.nameRange]
      guard let value = attribute.value else { continue }
      output += "=\"".utf8
      for byte in bytes[value] {
        switch byte {
        case UInt8(ascii: "\""): output += "&quot;".utf8
        case UInt8(ascii: "<"): output += "&lt;".utf8
        case UInt8(ascii: ">"): output += "&gt;".utf8
        default: output.append(byte)
        }
      }
      output.append(UInt8(ascii: "\""))
    }
    output += bytes[tag.ending]
    output.append(UInt8(ascii: ">"))
  }

  /// Whether `attribute` stays on `tag`; reports it when it does not.
  private mutating func keeps(_ attribute: HTMLTagTokenizer.Attribute, of tag: HTMLTagTokenizer.StartTag) -> Bool {
    let at = attribute.nameRange.lowerBound
    let value = attribute.value.map { bytes[$0] } ?? []
    if !LiquidSpans.staysInside(value) {
      removed(
        at: at, kind: "liquid",
        "the \(attribute.name) attribute removed from <\(tag.name)>: a {% %} tag, or a {{ not closed in the value, "
          + "could write HTML into it when Liquid is resolved")
      return false
    }
    switch RawHTMLPolicy.attribute(attribute.name, of: tag.name) {
    case .allowed:
      return true
    case .url:
      let allowingData = tag.name == "img" && attribute.name == "src"
      if URLSafety.isSafe(value, allowingImageData: allowingData) { return true }
      let shown = String(decoding: value.prefix(24), as: UTF8.self) + (value.count > 24 ? "…" : "")
      removed(
        at: at, kind: "url \(attribute.name)",
        "\(attribute.name)=\"\(shown)\" removed from <\(tag.name)>: only relative, http(s), mailto, ftp and tel "
          + "addresses are kept\(allowingData ? " (and data:image/)" : "")")
      return false
    case .style:
      if RawHTMLPolicy.isSafeStyle(CharacterReferences.decode(value, stoppingAtLiquid: false).bytes) { return true }
      removed(at: at, kind: "style", "a style attribute removed from <\(tag.name)>: it holds CSS that could run script")
      return false
    case .dangerous:
      let name = attribute.name.hasPrefix("on") ? "on…" : attribute.name
      removed(
        at: at, kind: "attribute \(name)",
        "the \(attribute.name) attribute removed from <\(tag.name)>: it could run script or send data")
      return false
    case .unknown:
      removed(
        at: at, kind: "attribute \(attribute.name)",
        "the \(attribute.name) attribute removed from <\(tag.name)>: not one of the attributes raw HTML may use")
      return false
    }
  }

  // MARK: Output

  /// Text as written, except a `<` (always its first byte: text runs up to the next `<`), escaped: what follows it
  /// here could change once the piece is written — a tag after it removed (`<<script>…</script>img onerror=…>`),
  /// a Liquid tag after it resolved (`<{{ page.title }}>`), the page going on after the piece.
  private mutating func appendText(_ range: Range<Int>) {
    if bytes[range.lowerBound] == UInt8(ascii: "<") {
      output += "&lt;".utf8
      output += bytes[range.lowerBound + 1..<range.upperBound]
    } else {
      output += bytes[range]
    }
  }

  /// The bytes of `range` as text: `<` and `>` escaped.
  private mutating func appendAsText(_ range: Range<Int>) {
    for byte in bytes[range] {
      switch byte {
      case UInt8(ascii: "<"): output += "&lt;".utf8
      case UInt8(ascii: ">"): output += "&gt;".utf8
      default: output.append(byte)
      }
    }
  }

  private mutating func removed(at offset: Int, kind: String, _ message: String) {
    while countedUpTo < offset {
      if bytes[countedUpTo] == 0x0A { linesCounted += 1 }
      countedUpTo += 1
    }
    removals.append((linesCounted, kind, "raw HTML: " + message))
  }
}
