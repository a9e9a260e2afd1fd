import Foundation
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

  @Test("{{value}} renders as with Mustache's own escaping, whatever the text")
  func sameAsMustache() throws {
    TemplateEscaping.register()
    let plain = try MustacheTemplate(string: "[{{value}}]")
    let ours = try MustacheTemplate(string: TemplateEscaping.pragma + "[{{value}}]")
    for value in Self.values() {
      #expect(ours.render(["value": value]) == plain.render(["value": value]), "\(value.debugDescription)")
    }
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
