import Testing

@testable import Lessons

/// Random pieces of tag soup: what the sanitiser writes, read again as a browser would, holds only allowed
/// elements and attributes with safe addresses, and sanitising it again changes nothing (the sanitiser reads its
/// own output as it meant it).
@Suite struct RawHTMLFuzzTests {
  static let pieces = [
    "<", ">", "/", "\"", "'", "=", " ", "\n", "\t", "&", "#", ";", "-", "!", "?", "{{", "}}", "{%", "%}",
    "a", "img", "script", "svg", "iframe", "div", "style", "textarea", "noscript", "b", "x-title", "math",
    "href", "src", "onerror", "onload", "srcdoc", "style", "class", "title", "formaction",
    "javascript:", "JaVaScRiPt:", "&#106;", "&colon;", "&Tab;", "data:", "data:image/png,", "https://x/", "alert(1)",
    "<!--", "-->", "--!>", "<![CDATA[", "]]>", "</", "/>", "x", "\u{1}",
    "<iframe src=", "</iframe>", "<a ", "<img ", "</script>", "<svg>", "</svg>", "<!-->", "<base ", "<meta ", "<form",
    "<button ", "<template>", "</template>", "<plaintext>", "<xmp>", "<SCRIPT>", "</Script ", "IMG", "OnError",
    "&#x3a;", "\r", "\u{C}", "<details open>", "<hands-on-title>", "<p>", "</p>",
  ]

  static func soup(_ generator: inout BodyFuzzTests.Generator) -> String {
    let count = Int.random(in: 1...40, using: &generator)
    return (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
  }

  @Test func sanitisedSoupHoldsOnlyWhatIsAllowedAndIsStable() {
    var generator = BodyFuzzTests.Generator(state: 20_261_130)
    for _ in 0..<3000 {
      let input = Self.soup(&generator)
      let once = RawHTMLSanitizer.sanitize(input) { _, _, _ in }
      var twice = ""
      var reported: [String] = []
      twice = RawHTMLSanitizer.sanitize(once) { _, kind, _ in reported.append(kind) }
      #expect(twice == once, "not stable: \(input.debugDescription) → \(once.debugDescription) → \(twice.debugDescription)")
      #expect(reported.isEmpty, "\(input.debugDescription) → \(once.debugDescription): \(reported)")
      var tokenizer = HTMLTagTokenizer(Array(once.utf8))
      while let token = tokenizer.next() {
        guard case .startTag(let tag) = token else { continue }
        let element = RawHTMLPolicy.element(tag.name)
        #expect(element == .allowed || element == .allowedRawText, "\(input.debugDescription) → \(once.debugDescription)")
        for attribute in tag.attributes {
          let kind = RawHTMLPolicy.attribute(attribute.name, of: tag.name)
          #expect(kind == .allowed || kind == .url || kind == .style, "\(attribute.name) in \(once.debugDescription)")
          if kind == .url, let value = attribute.value {
            #expect(
              URLSafety.isSafe(tokenizer.bytes[value], allowingImageData: tag.name == "img"),
              "\(once.debugDescription)")
          }
        }
        if element == .allowedRawText { _ = tokenizer.skipRawText(endingWith: tag.name) }
      }
    }
  }
}
