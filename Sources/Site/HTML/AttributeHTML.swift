import Lessons

/// Writes the attributes of a kramdown attribute list that are safe on the page: classes, id, width and height
/// (as attributes when they are plain numbers, else as CSS), `style`, `title`, `alt`, `cite` and `lang`.
/// Everything is escaped; other keys (event handlers and the like) are dropped.
enum AttributeHTML {
  private static let passed: Set<String> = ["style", "title", "alt", "cite", "lang"]

  static func write(
    _ attributes: Attributes, withID: Bool = true, extraClasses: [String] = [], to html: inout String
  ) {
    // Most blocks have no attribute list: nothing to build.
    guard !extraClasses.isEmpty || !attributes.classes.isEmpty || attributes.id != nil || !attributes.pairs.isEmpty
    else { return }
    let classes = extraClasses + attributes.classes.map(className)
    if !classes.isEmpty {
      html += " class=\""
      HTMLEscaping.escape(classes.joined(separator: " "), into: &html)
      html += "\""
    }
    if withID, let id = attributes.id {
      html += " id=\""
      HTMLEscaping.escape(id, into: &html)
      html += "\""
    }
    var styles: [String] = []
    for pair in attributes.pairs {
      let key = pair.key.lowercased()
      if key == "width" || key == "height" {
        if !pair.value.isEmpty, pair.value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
          html += " \(key)=\"\(pair.value)\""
        } else if isCSSLength(pair.value) {
          styles.append("\(key): \(pair.value)")
        }
      } else if key == "style" {
        styles.append(pair.value)
      } else if passed.contains(key) {
        html += " \(key)=\""
        HTMLEscaping.escape(pair.value, into: &html)
        html += "\""
      }
    }
    if !styles.isEmpty {
      html += " style=\""
      HTMLEscaping.escape(styles.joined(separator: "; "), into: &html)
      html += "\""
    }
  }

  /// `50%`, `320px`, `12em`: digits and a dot followed by a unit.
  private static func isCSSLength(_ value: String) -> Bool {
    let digits = value.prefix { $0.isNumber || $0 == "." }
    let unit = value.dropFirst(digits.count)
    return !digits.isEmpty && ["%", "px", "em", "rem", "vw", "vh", "ch"].contains(String(unit))
  }

  /// A class name reduced to letters, digits, `-` and `_`.
  static func className(_ name: String) -> String {
    let isPlain = name.utf8.allSatisfy { byte in
      (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
    }
    if isPlain { return name }
    let kept = name.unicodeScalars.filter { scalar in
      scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
    }
    return String(String.UnicodeScalarView(kept))
  }
}
