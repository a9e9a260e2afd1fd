import Foundation
import Site
import Testing
import TestSupport

/// Server-side highlighting of shell, R, YAML, JSON, XML/HTML, SQL and Dockerfile.
struct BodyHighlighterLanguageTests {
  static func span(_ name: String, _ text: String) -> String { "<span class=\"tok-\(name)\">\(text)</span>" }

  static let cases: [(language: String, code: String, expected: String)] = [
    ("bash", "if [ -f \"$HOME/x\" ]; then echo 'a#b' # note\nfi",
     span("kw", "if") + " [ -f " + span("str", "&quot;") + span("interp", "$HOME") + span("str", "/x&quot;")
       + " ]; " + span("kw", "then") + " " + span("builtin", "echo") + " " + span("str", "&#39;a#b&#39;") + " "
       + span("com", "# note") + "\n" + span("kw", "fi")),
    ("sh", "echo ${N} $1 a#b", span("builtin", "echo") + " " + span("interp", "${N}") + " " + span("interp", "$1") + " a#b"),
    ("shell", "apt-get install -y 2", span("builtin", "apt-get") + " install -y " + span("num", "2")),
    ("r", "x <- c(1, NA) # v\nif (TRUE) print(\"a\")",
     "x &lt;- " + span("builtin", "c") + "(" + span("num", "1") + ", " + span("kw", "NA") + ") " + span("com", "# v")
       + "\n" + span("kw", "if") + " (" + span("kw", "TRUE") + ") " + span("builtin", "print") + "("
       + span("str", "&quot;a&quot;") + ")"),
    ("R", "df <- data.frame(a = 1)", "df &lt;- " + span("builtin", "data.frame") + "(a = " + span("num", "1") + ")"),
    ("yaml", "runs-on: ubuntu # c\non: [push]\nok: true\n\"q\": 'v'",
     span("type", "runs-on") + ": ubuntu " + span("com", "# c") + "\n" + span("type", "on") + ": [push]\n"
       + span("type", "ok") + ": " + span("kw", "true") + "\n" + span("type", "&quot;q&quot;") + ": "
       + span("str", "&#39;v&#39;")),
    ("json", "{\"a\": [1.5, \"<b>\", null]}",
     "{" + span("type", "&quot;a&quot;") + ": [" + span("num", "1.5") + ", " + span("str", "&quot;&lt;b&gt;&quot;")
       + ", " + span("kw", "null") + "]}"),
    ("xml", "<?xml version=\"1.0\"?><tool id='t'><!-- c --><x a=\"&amp;\"/>&lt;</tool>",
     span("dec", "&lt;?xml version=&quot;1.0&quot;?&gt;") + span("kw", "&lt;tool") + " " + span("type", "id") + "="
       + span("str", "&#39;t&#39;") + "&gt;" + span("com", "&lt;!-- c --&gt;") + span("kw", "&lt;x") + " "
       + span("type", "a") + "=" + span("str", "&quot;&amp;amp;&quot;") + "/&gt;" + span("builtin", "&amp;lt;")
       + span("kw", "&lt;/tool") + "&gt;"),
    ("html", "<p class=x>Hi</p>", span("kw", "&lt;p") + " " + span("type", "class") + "=" + span("str", "x") + "&gt;Hi"
       + span("kw", "&lt;/p") + "&gt;"),
    ("sql", "SELECT count(*) FROM t WHERE a = 'it''s' -- c\n/* b */",
     span("kw", "SELECT") + " " + span("builtin", "count") + "(*) " + span("kw", "FROM") + " t " + span("kw", "WHERE")
       + " a = " + span("str", "&#39;it&#39;") + span("str", "&#39;s&#39;") + " " + span("com", "-- c") + "\n"
       + span("com", "/* b */")),
    ("sql", "select a from b", span("kw", "select") + " a " + span("kw", "from") + " b"),
    // Words are looked up packed when short, as bytes when over 16 bytes; longer than any entry, not at all.
    ("swift", "withThrowingTaskGroup withThrowingTaskGroups associatedtype associatedtypes",
     span("builtin", "withThrowingTaskGroup") + " withThrowingTaskGroups " + span("kw", "associatedtype")
       + " associatedtypes"),
    ("sql", "SeLeCt COUNT", span("kw", "SeLeCt") + " " + span("builtin", "COUNT")),
    ("dockerfile", "FROM ubuntu:22.04\n# c\nRUN apt-get update && echo \"$V\"",
     span("kw", "FROM") + " ubuntu:" + span("num", "22.04") + "\n" + span("com", "# c") + "\n" + span("kw", "RUN") + " "
       + span("builtin", "apt-get") + " update &amp;&amp; " + span("builtin", "echo") + " " + span("str", "&quot;")
       + span("interp", "$V") + span("str", "&quot;")),
  ]

  @Test("keywords, strings, comments and the rest get their tok- classes", arguments: cases)
  func highlight(language: String, code: String, expected: String) {
    #expect(SyntaxHighlighter.highlight(code, language: language) == expected)
    #expect(SyntaxHighlighter.supports(language))
  }

  static let languages = ["bash", "r", "yaml", "json", "xml", "sql", "dockerfile"]

  @Test("unterminated strings, comments, tags and variables keep every byte, escaped", arguments: languages)
  func unterminated(language: String) {
    for code in [
      "\"abc", "'abc", "`abc", "/* open", "<!-- open", "<tag a=\"open", "<?xml", "<![CDATA[ x", "${open", "$",
      "&amp", "&", "<", "\\", "# c", "-- c", "\"a\\", "key:", "<a\n<b>",
    ] {
      let html = SyntaxHighlighter.highlight(code, language: language)
      #expect(BodyTestSupport.visibleText(html) == code, "\(language): \(code)")
      #expect(Self.isWellFormed(html), "\(language): \(html)")
    }
  }

  /// Hostile 100 KB lines: a quadratic scan takes many minutes here in a debug build, a linear one seconds (tens on a
  /// loaded machine); the time limit fails the first instead of hanging CI.
  @Test(
    "100 KB hostile lines stay well-formed and keep their text", .serialized, .timeLimit(.minutes(2)),
    arguments: languages)
  func hostileLines(language: String) async throws {
    let units = ["\"", "'", "${", "<a ", "<!--", "/*", "&#", "a:", "#", "--", "$", "<", "\\", "x"]
    // On a thread of its own: other suites' local HTTP servers answer on the shared pool, and a minute of
    // highlighting there made their 10 s client timeouts fire in the full run.
    let problems = try await OffPool.run { units.flatMap { Self.hostileLineProblems($0, language: language) } }
    #expect(problems.isEmpty, "\(problems)")
  }

  /// Highlights `unit` repeated over 100 KB, where a quadratic scan takes minutes and a linear one milliseconds
  /// (the caller's time limit tells them apart), and checks on a 2 KB line of the same unit that the text is kept
  /// and the HTML well formed (those checks walk characters: slow in a debug build on a loaded machine).
  static func hostileLineProblems(_ unit: String, language: String) -> [String] {
    var problems: [String] = []
    let long = String(repeating: unit, count: 100_000 / unit.utf8.count)
    if SyntaxHighlighter.highlight(long, language: language).utf8.count < long.utf8.count {
      problems.append("\(language) \(unit): 100 KB line lost text")
    }
    let code = String(repeating: unit, count: 2_000 / unit.utf8.count)
    let html = SyntaxHighlighter.highlight(code, language: language)
    if BodyTestSupport.visibleText(html) != code { problems.append("\(language) \(unit): text changed") }
    if !isWellFormed(html) { problems.append("\(language) \(unit): not well formed") }
    return problems
  }

  /// Only `<span class="tok-…">` and `</span>` tags, balanced and not nested; no other `<`, `>` or bare `&`.
  static func isWellFormed(_ html: String) -> Bool {
    var rest = Substring(html)
    var open = false
    while let index = rest.firstIndex(where: { $0 == "<" || $0 == ">" || $0 == "&" }) {
      let tail = rest[index...]
      if tail.hasPrefix("<span class=\"tok-") && !open {
        guard let close = tail.firstIndex(of: ">") else { return false }
        let name = tail[tail.index(index, offsetBy: 17)..<tail.index(before: close)]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter }) else { return false }
        open = true
        rest = tail[tail.index(after: close)...]
      } else if tail.hasPrefix("</span>") && open {
        open = false
        rest = tail.dropFirst(7)
      } else if let entity = ["&lt;", "&gt;", "&amp;", "&quot;", "&#39;"].first(where: { tail.hasPrefix($0) }) {
        rest = tail.dropFirst(entity.count)
      } else {
        return false
      }
    }
    return !open
  }
}
