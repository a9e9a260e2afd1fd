/// Reads the internal subset of an XML DOCTYPE (`<!DOCTYPE svg … [ … ]>`) for `XMLScriptCheck`, which accepts only
/// what Adobe Illustrator writes there: comments and internal entities whose text is plain
/// (`<!ENTITY ns_ai "http://ns.adobe.com/AdobeIllustrator/10.0/">`), used in namespace declarations.
///
/// Anything else is refused: an entity whose text holds `<`, `&` or `%` (its markup would reach the document where
/// this check does not look: `<!ENTITY x "&#60;script>…">`), an external or parameter entity, `<!ATTLIST>` (default
/// attributes such as `onload` on every element), `<!ELEMENT>`, `<!NOTATION>`, a processing instruction.
/// Entities of plain text used in attribute values stay safe: an address written `&x;` is refused by the address
/// check, which does not know the entity.
enum DoctypeSubset {
  /// Something refused, with the offset it starts at.
  struct Problem: Error {
    var what: String
    var offset: Int
  }

  /// The offset just after the subset's closing `]>`, the subset starting at `start` (just after `[`).
  static func end(of bytes: [UInt8], from start: Int) -> Result<Int, Problem> {
    var index = start
    func skipSpace() { while index < bytes.count, HTMLTagTokenizer.isSpace(bytes[index]) { index += 1 } }
    func has(_ text: String) -> Bool {
      let utf8 = Array(text.utf8)
      return index + utf8.count <= bytes.count && bytes[index..<index + utf8.count].elementsEqual(utf8)
    }
    while true {
      skipSpace()
      guard index < bytes.count else { return .failure(Problem(what: "a DOCTYPE the file ends inside", offset: start)) }
      let declaration = index
      if bytes[index] == UInt8(ascii: "]") {
        index += 1
        skipSpace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
          return .failure(Problem(what: "a DOCTYPE that does not end after its internal subset", offset: declaration))
        }
        return .success(index + 1)
      }
      if has("<!--") {
        let from = index + 4
        guard let close = bytes.withUnsafeBufferPointer({ ByteSearch.firstOffset(of: "-->", in: $0, from: from) }) else {
          return .failure(Problem(what: "a comment the file ends inside", offset: declaration))
        }
        index = close + 3
        continue
      }
      guard has("<!ENTITY"), index + 8 < bytes.count, HTMLTagTokenizer.isSpace(bytes[index + 8]) else {
        let shown = String(decoding: bytes[index..<min(index + 10, bytes.count)], as: UTF8.self)
        return .failure(Problem(what: "a DOCTYPE internal subset declaring \(shown)…", offset: declaration))
      }
      index += 8
      skipSpace()
      while index < bytes.count, !HTMLTagTokenizer.isSpace(bytes[index]), bytes[index] != UInt8(ascii: "%") { index += 1 }
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") else {
        return .failure(Problem(what: "an external or parameter entity in the DOCTYPE", offset: declaration))
      }
      let quote = bytes[index]
      let valueStart = index + 1
      guard let valueEnd = bytes[valueStart...].firstIndex(of: quote) else {
        return .failure(Problem(what: "a DOCTYPE the file ends inside", offset: declaration))
      }
      if bytes[valueStart..<valueEnd].contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "%") }) {
        return .failure(Problem(what: "an entity whose text holds markup or references (<!ENTITY … \"<…\">)", offset: declaration))
      }
      index = valueEnd + 1
      skipSpace()
      guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else {
        return .failure(Problem(what: "an entity declaration with more than a name and a text", offset: declaration))
      }
      index += 1
    }
  }
}
