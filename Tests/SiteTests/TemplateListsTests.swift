import Lessons
import Mustache
import Testing

@testable import Site

/// The ready-HTML lists of the tutorial page are what the sections the shipped templates had give, whatever the
/// text: a templates folder that still iterates the lists renders the same page.
@Suite("Template lists")
struct TemplateListsTests {
  /// `section` rendered by Mustache under the templates' escaping.
  static func render(_ section: String, _ context: [String: Any]) throws -> String {
    TemplateEscaping.register()
    return try MustacheTemplate(string: TemplateEscaping.pragma + section).render(context)
  }

  static let texts = ["Plain", "a <b> & \"c\" 'd'", "\"\u{301} onmouseover=x", "é 🧬", ""]

  @Test("the agenda's entries are the old {{#toc}} section's output")
  func tableOfContents() throws {
    let entries = Self.texts.enumerated().map { TableOfContentsEntry(id: "id-\($0.offset)<&>", title: $0.element, level: 2 + $0.offset % 2) }
    let section = "{{#toc}}<li class=\"toc-level-{{level}}\"><a href=\"#{{id}}\">{{title}}</a></li>\n{{/toc}}\n"
    let toc = entries.map { ["id": $0.id, "title": $0.title, "level": String($0.level)] }
    #expect(TemplateLists.tableOfContents(entries) == (try Self.render(section, ["toc": toc])))
    #expect(TemplateLists.tableOfContents([]) == "")
  }

  @Test("questions, objectives and key points are the old {{#list}}<li>{{{.}}}</li>{{/list}} sections' output")
  func items() throws {
    let html = ["<code>x</code> & y", "plain", ""]
    #expect(TemplateLists.items(html) == (try Self.render("{{#list}}<li>{{{.}}}</li>{{/list}}", ["list": html])))
    #expect(
      TemplateLists.items(html, separator: "\n") == (try Self.render("{{#list}}<li>{{{.}}}</li>\n{{/list}}\n", ["list": html])))
  }

  @Test("contributors, linked or not, are the old {{#contributors}} section's output")
  func people() throws {
    var directory = ContributorDirectory()
    directory.people["alice"] = ContributorDirectory.Person(id: "alice", name: "Alice <A> & \"B\"")
    let people = ["alice", "bob'", "\"\u{301}x"].map { directory.entry($0, root: "../") }
    let section = "{{#contributors}}<li>{{#link}}<a href=\"{{link}}\">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}</li>\n{{/contributors}}\n"
    #expect(TemplateLists.people(people) == (try Self.render(section, ["contributors": people])))
    #expect(TemplateLists.people(people).contains("<a href="))
  }

  @Test("the index and topic pages' rows are the old {{#tutorials}} section's output, with or without level and time")
  func tutorialRows() throws {
    let rows: [[String: Any]] = [
      ["title": "A <b> & \"c\"", "link": "t/a&b/tutorial.html", "level": "Intro'ductory", "time": "1 hour"],
      ["title": "\"\u{301}x", "link": "t/b/tutorial.html"],
      ["title": "Plain", "link": "t/c/tutorial.html", "time": "30 minutes"],
    ]
    let section = "{{#tutorials}}\n<tr><td><a href=\"{{link}}\">{{title}}</a></td><td>{{#level}}<span class=\"level level-{{level}}\">"
      + "{{level}}</span>{{/level}}</td><td>{{time}}</td></tr>\n{{/tutorials}}\n"
    #expect(TemplateLists.tutorialRows(rows) == (try Self.render(section, ["tutorials": rows])))
    #expect(TemplateLists.tutorialRows(rows).contains("level level-Intro&#39;ductory"))
  }
}
