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

  /// `text` with each `&` that does not start an entity (`&name;`, `&#10;`, `&#xA;`) written `&amp;`, except
  /// inside `<script>` and `<style>` elements: browsers read their text raw, so `&&` there must stay `&&`.
  static func escapingStrayAmpersands(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
    var result = ""
    var rest = Substring(text)
    while let raw = rawTextElement(in: rest) {
      result += escapingOutsideRawText(rest[..<raw.lowerBound])
      result += rest[raw]
      rest = rest[raw.upperBound...]
    }
    result += escapingOutsideRawText(rest)
    return result
  }

  /// The first `<script …>…</script>` or `<style …>…</style>` in `text` (to its end when it is not closed there).
  private static func rawTextElement(in text: Substring) -> Range<Substring.Index>? {
    var searched = text
    while let open = searched.firstIndex(of: "<") {
      let after = searched[searched.index(after: open)...]
      for name in ["script", "style"] where after.prefix(name.count).lowercased() == name {
        let next = after.dropFirst(name.count).first
        guard next == nil || next == ">" || next == "/" || next!.isWhitespace else { continue }
        let closing = "</" + name
        var end = text.endIndex
        var scan = after.dropFirst(name.count)
        while let candidate = scan.firstIndex(of: "<") {
          if scan[candidate...].prefix(closing.count).lowercased() == closing {
            end = scan[candidate...].firstIndex(of: ">").map { text.index(after: $0) } ?? text.endIndex
            break
          }
          scan = scan[scan.index(after: candidate)...]
        }
        return open..<end
      }
      searched = after
    }
    return nil
  }

  private static func escapingOutsideRawText(_ text: Substring) -> String {
    var result = ""
    var rest = text
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
