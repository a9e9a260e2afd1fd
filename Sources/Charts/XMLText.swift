/// Escapes text for XML content and attribute values.
enum XMLText {
  /// `&`, `<`, `>`, `"` and `'` as entities; control characters XML cannot hold are shown as their Unicode
  /// control pictures (NUL ␀, ESC ␛, DEL ␡; U+FFFE and U+FFFF as U+FFFD), as on the rest of the page.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case "\u{7F}": result += "\u{2421}"
      case "\u{FFFE}", "\u{FFFF}": result += "\u{FFFD}"
      default:
        if scalar.value < 0x20 {
          result.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}")
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    return result
  }

  /// `id` made safe as an XML id and CSS selector: letters, digits, `-` and `_`, starting with a letter.
  static func identifier(_ id: String) -> String {
    var result = String(id.unicodeScalars.map { scalar -> Character in
      let isSafe = (("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
        || scalar == "-" || scalar == "_")
      return isSafe ? Character(scalar) : "-"
    })
    if result.first.map({ !$0.isLetter }) ?? true { result = "chart-" + result }
    return result
  }
}
