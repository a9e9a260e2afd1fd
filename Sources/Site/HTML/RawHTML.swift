import Lessons

/// Author-written HTML, passed through with void elements closed (`<br>` → `<br />`), a `&` that starts no entity
/// written `&amp;` (GTN's JBrowse FAQ writes `src="…?data=x&trackList=0"`), and control characters shown as
/// pictures (see `ControlPictures`) so the page stays well formed.
enum RawHTML {
  private static let voidElements: Set<String> = [
    "br", "hr", "img", "input", "wbr", "source", "col", "area", "embed", "meta", "link", "track", "param",
  ]

  static func closingVoidElements(_ raw: String) -> String {
    let html = escapingStrayAmpersands(ControlPictures.replacing(in: raw))
    guard html.contains("<") else { return html }
    var result = ""
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      result += rest[..<open]
      guard let close = rest[open...].firstIndex(of: ">") else {
        result += rest[open...]
        return result
      }
      var tag = rest[open...close]
      let name = tag.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
      if voidElements.contains(name), !tag.hasSuffix("/>") {
        tag = tag.dropLast()
        result += tag
        result += " />"
      } else {
        result += tag
      }
      rest = rest[rest.index(after: close)...]
    }
    result += rest
    return result
  }

  /// `text` with each `&` that does not start an entity (`&name;`, `&#10;`, `&#xA;`) written `&amp;`.
  static func escapingStrayAmpersands(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    var result = ""
    var rest = Substring(text)
    while let ampersand = rest.firstIndex(of: "&") {
      result += rest[..<ampersand]
      let after = rest[rest.index(after: ampersand)...]
      result += startsEntity(after) ? "&" : "&amp;"
      rest = after
    }
    result += rest
    return result
  }

  private static func startsEntity(_ text: Substring) -> Bool {
    var body = text.prefix(34)
    if body.first == "#" {
      body = body.dropFirst()
      if body.first == "x" || body.first == "X" {
        body = body.dropFirst()
        let digits = body.prefix(while: \.isHexDigit)
        return !digits.isEmpty && body.dropFirst(digits.count).first == ";"
      }
      let digits = body.prefix(while: { $0.isASCII && $0.isNumber })
      return !digits.isEmpty && body.dropFirst(digits.count).first == ";"
    }
    guard let first = body.first, first.isASCII, first.isLetter else { return false }
    let name = body.prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber) })
    return body.dropFirst(name.count).first == ";"
  }
}
