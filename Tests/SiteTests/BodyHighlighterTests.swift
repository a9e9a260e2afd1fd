import Site
import Testing

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
}
