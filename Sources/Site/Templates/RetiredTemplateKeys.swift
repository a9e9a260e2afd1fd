import Lessons

/// Keys that earlier builds gave templates and this one no longer does, with the lists that replace them: ready
/// HTML (`{{{tocItems}}}`) that templates now make with a section over the list (`{{#toc}}…{{/toc}}`). Mustache
/// renders a missing key as nothing, so a site's own template from an earlier build would lose its table of
/// contents or its questions without a word: the build says so, at the template's line.
enum RetiredTemplateKeys {
  /// Each retired key and the list to show with a section instead.
  static let replacements: [String: String] = [
    "tocItems": "toc", "questionItems": "questions", "objectiveItems": "objectives", "keyPointItems": "keyPoints",
    "contributorItems": "contributors", "tutorialRows": "tutorials",
  ]

  /// A warning for each tag of `text` (the template at `path`) that names a retired key.
  static func warnings(in text: String, path: String) -> [Diagnostic] {
    let bytes = Array(text.utf8)
    var warnings: [Diagnostic] = []
    var line = 1
    var at = 0
    while at < bytes.count {
      if bytes[at] == 0x0A { line += 1 }
      guard bytes[at] == UInt8(ascii: "{"), at + 1 < bytes.count, bytes[at + 1] == UInt8(ascii: "{") else {
        at += 1
        continue
      }
      // Past the braces, a tag's sigil (`{`, `&`, `#`, `^`, `/`) and spaces, the name runs to its first `.`.
      var start = at + 2
      while start < bytes.count, [UInt8(ascii: "{"), UInt8(ascii: "&"), UInt8(ascii: "#"), UInt8(ascii: "^"),
        UInt8(ascii: "/"), UInt8(ascii: " ")].contains(bytes[start])
      {
        start += 1
      }
      var end = start
      while end < bytes.count, isNameByte(bytes[end]) { end += 1 }
      let name = String(decoding: bytes[start..<end], as: UTF8.self)
      if let list = replacements[name] {
        warnings.append(Diagnostic(
          .warning, file: path, line: line,
          "{{\(name)}} is no longer given to templates (earlier builds made it ready HTML) and shows nothing: show the list with a section, {{#\(list)}}…{{/\(list)}}, as the shipped templates do"))
      }
      at = max(end, at + 2)
    }
    return warnings
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
  }
}
