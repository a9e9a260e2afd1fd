import Testing

@testable import Lessons

/// The raw HTML GTN lessons write comes out of the sanitiser byte for byte as written (as with
/// `raw_html: trusted`), with no warning.
@Suite struct RawHTMLGTNUseTests {
  static func parse(_ body: String, _ mode: RawHTMLMode) -> Lesson {
    LessonParser.parse(
      text: "---\ntitle: T\n---\n" + body, file: "/tmp/lesson/tutorial.md", relativePath: "topics/t/tutorials/l",
      rawHTML: mode)
  }

  @Test(arguments: [
    "Line one<br>\nline two<br/>\nthree<br />\n",
    "Press <kbd>Ctrl</kbd>+<kbd>S</kbd> (<kbd>CMD</kbd>+<kbd>S</kbd> on OSX)\n",
    "<div class=\"Hifiasm\" markdown=\"1\">\n\nSome **Markdown**.\n\n</div>\n",
    "<details markdown=\"1\">\n<summary>Click to expand</summary>\n\nHidden *text*.\n\n</details>\n",
    "<details>\n<summary>More</summary>\nHidden.\n</details>\n{: .question}\n",
    "A <span class=\"notranslate\" style=\"color: red; font-weight: bold\">red</span> word.\n",
    "<img src=\"../../images/logo.png\" alt=\"The logo\" width=\"50%\">\n",
    "<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">\n",
    "<table>\n<thead>\n<tr><th colspan=\"2\" align=\"center\">Head</th></tr>\n</thead>\n<tbody>\n<tr><td>a</td><td rowspan=\"1\">b</td></tr>\n</tbody>\n</table>\n",
    "H<sub>2</sub>O and x<sup>2</sup>\n",
    "See <a href=\"https://galaxyproject.org/?a=1&amp;b=2\" target=\"_blank\" rel=\"noopener\">Galaxy</a> or <a href=\"#section\">below</a> or <a href=\"mailto:x@example.org\">mail</a>.\n",
    "> <hands-on-title>Upload</hands-on-title>\n>\n> 1. Do it\n{: .hands_on}\n",
    "> <question-title></question-title>\n>\n> Why?\n>\n> > <solution-title></solution-title>\n> > Because.\n> {: .solution}\n{: .question}\n",
    "> <tip-title>T</tip-title>\n> x\n{: .tip}\n\n> <comment-title>C</comment-title>\n> y\n{: .comment}\n",
    "> <agenda-title></agenda-title>\n>\n> 1. TOC\n> {:toc}\n>\n{: .agenda}\n",
    "> <details-title>D</details-title>\n> z\n{: .details}\n",
    "> > <code-in-title>Bash</code-in-title>\n> > ```bash\n> > ls\n> > ```\n> {: .code-in}\n>\n> > <code-out-title></code-out-title>\n> > ```\n> > a\n> > ```\n> {: .code-out}\n{: .code-2col}\n",
    "<i class=\"fa fa-user\" aria-hidden=\"true\"></i> Account\n",
    "<!-- a comment, with <b>tags</b> -->\n\nText <!-- inline --> here.\n",
    "<iframe id=\"embedded_jbrowse\" src=\"/assets/jbrowse/index.html?data=x&trackList=0\" border=\"0\" width=\"100%\" height=\"500px\"></iframe>\n<a href=\"/assets/jbrowse/index.html?data=x\" target=\"_blank\" style=\"padding: 0.5rem 1rem; background-color: #dfe5f9;\">Open JBrowse in a new tab</a>\n",
    "<video controls width=\"640\" poster=\"poster.png\">\n<source src=\"movie.mp4\" type=\"video/mp4\">\n</video>\n",
    "<div align=\"center\">\n<figure>\n<img src=\"a.png\" alt=\"A\" />\n<figcaption>Caption</figcaption>\n</figure>\n</div>\n",
    "a < b and c > d, <3 and x<-1\n",
    "<center><font color=\"red\">old style</font></center>\n",
    "A <big>big</big> <acronym title=\"x\">X</acronym>, <progress value=\"3\" max=\"10\">3/10</progress>, <meter value=\"0.6\">60%</meter>\n",
    "<fieldset>\n<legend>Options</legend>\n<label>Name</label>\n</fieldset>\n",
    "<ol start=\"3\"><li value=\"3\">three</li></ol>\n<blockquote cite=\"https://example.org\">q</blockquote>\n",
    // Site links are resolved before the HTML is read: no Liquid is left in the address.
    "<a href=\"{{ site.baseurl }}/topics/t/\">Topic</a> and <a href=\"{% link topics/t/tutorials/l/tutorial.md %}\">this</a>\n",
    "<div>\n<img src=\"{{site.baseurl}}/assets/logo.png\" alt=\"x\">\n</div>\n",
  ])
  func comesOutAsWritten(_ body: String) {
    let sanitized = Self.parse(body, .sanitized)
    let trusted = Self.parse(body, .trusted)
    #expect(sanitized.document == trusted.document)
    #expect(sanitized.diagnostics == trusted.diagnostics, "\(sanitized.diagnostics)")
    #expect(!sanitized.diagnostics.contains { $0.message.hasPrefix("raw HTML:") })
  }

  @Test func theOnlyChangeToAnUnquotedValueIsItsQuotes() {
    let lesson = Self.parse("<img src=logo.png width=50% alt='A \"logo\"'>\n", .sanitized)
    #expect(lesson.document.blocks == [.html("<img src=\"logo.png\" width=\"50%\" alt=\"A &quot;logo&quot;\">\n")])
    #expect(lesson.diagnostics.isEmpty)
  }
}
