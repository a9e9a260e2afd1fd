import Site
import Testing
import TestSupport

/// Server-side highlighting of Swift and Python.
struct BodyHighlighterTests {
  static let cases: [(language: String, code: String, expected: String)] = [
    ("swift", "let x = 1", #"<span class="tok-kw">let</span> x = <span class="tok-num">1</span>"#),
    ("swift", "// hi <b>", #"<span class="tok-com">// hi &lt;b&gt;</span>"#),
    ("swift", "\"a\\(b)c\"", #"<span class="tok-str">&quot;a</span><span class="tok-interp">\(</span>b<span class="tok-interp">)</span><span class="tok-str">c&quot;</span>"#),
    ("swift", "@Sendable func", #"<span class="tok-dec">@Sendable</span> <span class="tok-kw">func</span>"#),
    ("swift", "String.init", #"<span class="tok-type">String</span>.init"#),
    ("python", "def f(): pass", #"<span class="tok-kw">def</span> f(): <span class="tok-kw">pass</span>"#),
    ("python", "print('x')", #"<span class="tok-builtin">print</span>(<span class="tok-str">&#39;x&#39;</span>)"#),
    ("python", "'''a\nb'''", #"<span class="tok-str">&#39;&#39;&#39;a"# + "\n" + #"b&#39;&#39;&#39;</span>"#),
    ("python", "x # c", #"x <span class="tok-com"># c</span>"#),
    ("python", "f\"{a}\"", #"<span class="tok-str">f&quot;</span><span class="tok-interp">{</span>a<span class="tok-interp">}</span><span class="tok-str">&quot;</span>"#),
    ("python", "@app.route\ndef", #"<span class="tok-dec">@app.route</span>"# + "\n" + #"<span class="tok-kw">def</span>"#),
    ("python", "a2 = 3.5", #"a2 = <span class="tok-num">3.5</span>"#),
    ("ruby", "def <x>", "def &lt;x&gt;"),
  ]

  @Test("tokens are wrapped in tok- spans and text is escaped", arguments: cases)
  func highlight(language: String, code: String, expected: String) {
    #expect(SyntaxHighlighter.highlight(code, language: language) == expected)
  }

  @Test("unterminated strings, comments and interpolations never crash or lose text")
  func unterminated() {
    for code in ["\"abc", "/* open", "\"\\(open", "\"\"\"\nnever", "#\"raw", "f'{x", "'''", "r\"\\", "@", "#", "0x", "\\"] {
      for language in ["swift", "python"] {
        let html = SyntaxHighlighter.highlight(code, language: language)
        #expect(BodyTestSupport.visibleText(html) == code, "\(language): \(code)")
      }
    }
  }

  /// Hostile 100 KB lines. A run of `#` was scanned once per `#` (100 KB took 20-47 s in release), and nested
  /// interpolations recursed once per level (100 KB of `"\(` overflowed the stack): before the fix the first
  /// failed by the time limit, the second crashed. Linear code takes milliseconds.
  @Test("100 KB hostile Swift and Python lines are lexed in linear time and keep their text",
    .serialized, .timeLimit(.minutes(2)), arguments: ["swift", "python"])
  func hostileLines(language: String) async throws {
    let units = [
      "#", "##x", "#\"", "\"", "\"\\(", "\\(", "f\"{", "'''", "\"\"\"", "/*", "(", "{", "@", " @", "\\", "r'",
    ]
    let problems = try await OffPool.run {
      units.flatMap { BodyHighlighterLanguageTests.hostileLineProblems($0, language: language) }
    }
    #expect(problems.isEmpty, "\(problems)")
  }

  @Test("nested interpolations are highlighted to a depth of 32, deeper ones stay string text")
  func nestedInterpolations() {
    let depth = 100
    let swift = String(repeating: "\"\\(", count: depth) + "x" + String(repeating: ")\"", count: depth)
    let swiftHTML = SyntaxHighlighter.highlight(swift, language: "swift")
    #expect(BodyTestSupport.visibleText(swiftHTML) == swift)
    #expect(swiftHTML.ranges(of: #"<span class="tok-interp">\(</span>"#).count == 32)
    let python = String(repeating: "f\"{", count: depth) + "x" + String(repeating: "}\"", count: depth)
    let pythonHTML = SyntaxHighlighter.highlight(python, language: "python")
    #expect(BodyTestSupport.visibleText(pythonHTML) == python)
    #expect(pythonHTML.ranges(of: #"<span class="tok-interp">{</span>"#).count == 32)
  }
}
