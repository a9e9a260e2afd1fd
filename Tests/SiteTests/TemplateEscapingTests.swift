import Foundation
import Lessons
import Mustache
import Testing

@testable import Site
import TestSupport

/// The templates' own escaping (`TemplateEscaping`, on bytes) gives the pages Mustache's escaping gives, and its
/// pragma line leaves no trace.
@Suite("Template escaping")
struct TemplateEscapingTests {
  /// Values made of ASCII, markup characters, accents (precomposed and combining: `"` and a combining acute are one
  /// character, which Mustache leaves unescaped), emoji and control characters.
  static func values() -> [String] {
    var generator = BodyFuzzTests.Generator(state: 0xE5CA_9E01)
    let pieces = [
      "a", "Title", " ", "<", ">", "&", "\"", "'", "&amp;", "é", "e\u{301}", "\u{301}", "\u{200D}", "🧬", "\u{1}", "\t",
      "\r\n", "\n", "\u{FFFF}", "/",
    ]
    return ["", "plain", "<b>&\"'</b>"]
      + (0..<3000).map { _ in
        (0..<Int.random(in: 1...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
      }
  }

  /// Every `<`, `>`, `&`, `"` and `'` scalar as its entity, whatever follows it: the escaping the pages need.
  static func reference(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Whether one of the five markup characters starts a character with more scalars (a combining mark after it):
  /// the only text Mustache's own escaping leaves unescaped.
  static func joinsMarkupToAMark(_ text: String) -> Bool {
    text.contains { character in
      character.unicodeScalars.count > 1 && "<>&\"'".unicodeScalars.contains(character.unicodeScalars.first!)
    }
  }

  @Test("{{value}} escapes every markup character, also one a combining mark follows; otherwise as Mustache does")
  func everyMarkupByte() throws {
    TemplateEscaping.register()
    let plain = try MustacheTemplate(string: "[{{value}}]")
    let ours = try MustacheTemplate(string: TemplateEscaping.pragma + "[{{value}}]")
    var joined = 0
    for value in Self.values() {
      let rendered = ours.render(["value": value])
      #expect(rendered == "[" + Self.reference(value) + "]", "\(value.debugDescription)")
      // The output differs from Mustache's only where Mustache let a markup character through.
      if rendered != plain.render(["value": value]) {
        #expect(Self.joinsMarkupToAMark(value), "\(value.debugDescription)")
        joined += 1
      }
    }
    #expect(joined > 0)
  }

  @Test("a quote and a combining mark in a title or description cannot leave the attribute it is put in")
  func quoteWithCombiningMark() throws {
    let hostile = "x\"\u{301} onmouseover=alert(1) data-x=\"\u{301}"
    var page = TutorialPageTests.page()
    page.lesson.frontMatter.title = hostile
    page.description = hostile
    let html = try TutorialPageTests.render(page)
    // Built outside `#expect`, whose expansion cannot quote a literal with a quote and a combining mark in it.
    let escaped = "content=\"x&quot;" + "\u{301} onmouseover=alert(1) data-x=&quot;" + "\u{301}\""
    let breakout = "\"" + "\u{301} onmouseover"
    #expect(html.contains(escaped))
    #expect(!html.contains(breakout))
    #expect(SiteTestSupport.wellFormednessError(html) == nil)
  }

  @Test("the pragma line leaves no trace: standalone tags, blank lines, sections, partials and indentation render alike")
  func pragmaLeavesNoTrace() throws {
    TemplateEscaping.register()
    let templates = [
      "{{#flag}}\nyes <{{name}}>\n{{/flag}}\nafter\n", "\n\nblank lines first\n", "  {{#list}}\n  - {{.}}\n  {{/list}}\n",
      "{{! a comment }}\ntext", "{{>part}}\n", "  {{>part}}\n", "{{^missing}}none{{/missing}}", "",
    ]
    let context: [String: Any] = ["flag": true, "name": "a & b", "list": ["<x>", "y'"]]
    for text in templates {
      var plain = MustacheLibrary()
      plain.register(try MustacheTemplate(string: text), named: "page")
      plain.register(try MustacheTemplate(string: "{{#list}}\n<{{.}}>\n{{/list}}\n"), named: "part")
      var ours = MustacheLibrary()
      ours.register(try MustacheTemplate(string: TemplateEscaping.pragma + text), named: "page")
      ours.register(try MustacheTemplate(string: TemplateEscaping.pragma + "{{#list}}\n<{{.}}>\n{{/list}}\n"), named: "part")
      #expect(ours.render(context, withTemplate: "page") == plain.render(context, withTemplate: "page"), "\(text.debugDescription)")
    }
  }
}
