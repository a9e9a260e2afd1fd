/// Control characters made visible: C0 controls other than tab, line feed and carriage return become their
/// Unicode control pictures (NUL ␀, SOH ␁, ESC ␛, …), DEL becomes ␡, and the non-characters U+FFFE and U+FFFF
/// become U+FFFD.
///
/// XML 1.0 cannot hold these characters at all (not even as `&#0;`), so text that reaches a page, an SVG or a
/// notebook (program output, front matter written with YAML escapes such as `"\e"`) goes through this first:
/// every page stays well-formed and a reader sees that the character was there. `HTMLEscaping` applies the same
/// rule byte by byte.
public enum ControlPictures {
  /// `text` with control characters replaced by their pictures; `text` itself when it has none.
  public static func replacing(in text: String) -> String {
    guard text.unicodeScalars.contains(where: { picture(for: $0) != nil }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(picture(for: scalar) ?? scalar) }
    return String(result)
  }

  /// The visible stand-in for `scalar`, or nil when it may appear as it is.
  public static func picture(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar.value {
    case 0x09, 0x0A, 0x0D: nil
    case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value)
    case 0x7F: "\u{2421}"
    case 0xFFFE, 0xFFFF: "\u{FFFD}"
    default: nil
    }
  }
}
