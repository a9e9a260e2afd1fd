import Lessons

/// Author-written HTML, passed through with void elements closed (`<br>` → `<br />`) and control characters shown
/// as pictures (see `ControlPictures`) so the page stays well formed.
enum RawHTML {
  private static let voidElements: Set<String> = [
    "br", "hr", "img", "input", "wbr", "source", "col", "area", "embed", "meta", "link", "track", "param",
  ]

  static func closingVoidElements(_ raw: String) -> String {
    let html = ControlPictures.replacing(in: raw)
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
}
