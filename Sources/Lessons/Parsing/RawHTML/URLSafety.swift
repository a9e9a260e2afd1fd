/// Whether an address in a raw HTML attribute (`href`, `src`, …) is safe to publish: relative, or with a scheme
/// that only fetches or opens something (http, https, mailto, ftp, tel); `data:image/…` only for an image's `src`.
///
/// The check reads the value as a browser does before it looks at the scheme: character references decoded
/// (`&#106;avascript:`, `&colon;`, `&Tab;`), tabs and line breaks anywhere dropped (`java&#9;script:`), leading
/// control characters and spaces dropped, the scheme compared without regard to case (`JaVaScRiPt:`). A character
/// reference this code does not know, or a Liquid tag (`{{ … }}`, `{% … %}`, resolved later), before the scheme is
/// settled makes the address unsafe: what it turns into is unknown here.
enum URLSafety {
  private static let safeSchemes: Set<String> = ["http", "https", "mailto", "ftp", "tel"]

  /// Whether `raw` (an attribute value as written, entities not decoded) is a safe address.
  static func isSafe(_ raw: ArraySlice<UInt8>, allowingImageData: Bool) -> Bool {
    let decoded = CharacterReferences.decode(raw, stoppingAtLiquid: true)
    // The URL parser drops leading C0 controls and spaces, and tabs and line breaks anywhere.
    var text: [UInt8] = []
    text.reserveCapacity(decoded.bytes.count)
    for byte in decoded.bytes where byte != 0x09 && byte != 0x0A && byte != 0x0D {
      if text.isEmpty, byte <= 0x20 { continue }
      text.append(byte)
    }
    var index = 0
    if index < text.count, HTMLTagTokenizer.isLetter(text[index]) {
      while index < text.count, isSchemeByte(text[index]) { index += 1 }
      if index < text.count, text[index] == UInt8(ascii: ":") {
        let scheme = String(decoding: text[..<index].map(HTMLTagTokenizer.lowercased), as: UTF8.self)
        if safeSchemes.contains(scheme) { return true }
        guard allowingImageData, scheme == "data" else { return false }
        let rest = text[(index + 1)...].prefix(6).map(HTMLTagTokenizer.lowercased)
        return rest.elementsEqual("image/".utf8)
      }
      // Still spelling a scheme when the known text ends: what follows could complete it.
      if index == text.count, !decoded.complete { return false }
    } else if text.isEmpty, !decoded.complete {
      return false
    }
    return true
  }

  private static func isSchemeByte(_ byte: UInt8) -> Bool {
    HTMLTagTokenizer.isLetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
  }
}
