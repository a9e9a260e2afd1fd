import Testing

@testable import Lessons

/// Where cmark and kramdown disagree, lessons are read as GTN's kramdown reads them.
@Suite struct KramdownParityTests {
  @Test func aRuleAfterAClosingLineIsARuleNotASetextHeading() {
    let lesson = LessonTestSupport.parse("> <hands-on-title>Do</hands-on-title>\n>\n> Step.\n>\n{: .hands_on}\n---\n\nAfter.\n")
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    #expect(LessonTestSupport.boxes(lesson.document.blocks).map(\.type) == ["hands_on"])
    #expect(lesson.document.blocks.contains(.thematicBreak))
    #expect(!lesson.document.blocks.contains { if case .heading = $0 { return true } else { return false } })
  }

  @Test func anAttributeLineAfterAnHTMLBlockDoesNotLeakIntoIt() {
    let lesson = LessonTestSupport.parse("<details>\n<summary>More</summary>\nHidden.\n</details>\n{: .question}\n\nNext.\n")
    for block in lesson.document.blocks {
      if case .html(let html) = block { #expect(!html.contains("{:"), "\(html)") }
    }
    #expect(lesson.document.blocks.count == 2)
  }

  @Test func aBoxClosedAfterAnHTMLBlockInsideItIsClosed() {
    let lesson = LessonTestSupport.parse(
      "> <question-title>Q</question-title>\n>\n> Why?\n>\n> > <solution-title></solution-title>\n> > <details>\n> > Because.\n> > </details>\n> {: .solution}\n{: .question}\n")
    #expect(lesson.diagnostics.filter { $0.severity == .error }.isEmpty, "\(lesson.diagnostics)")
    #expect(LessonTestSupport.boxes(lesson.document.blocks).map(\.type) == ["question", "solution"])
  }

  @Test func footnoteDefinitionsOnConsecutiveLinesAreSeparate() {
    let lesson = LessonTestSupport.parse("One[^a] and two[^b].\n\n[^a]: First note.\n[^b]: Second note.\n")
    #expect(lesson.document.footnotes.map(\.label) == ["a", "b"])
    #expect(lesson.document.footnotes.map(\.content) == [[.text("First note.")], [.text("Second note.")]])
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
  }

  @Test func anUnusedFootnoteAndAnUnclosedFenceAreWarningsAtTheirLines() {
    let lesson = LessonTestSupport.parse("Text.\n\n[^unused]: Never cited.\n\n```python\nprint(1)\n")
    let messages = lesson.diagnostics.map { "\($0.severity) \($0.line ?? 0) \($0.message)" }
    #expect(lesson.diagnostics.allSatisfy { $0.severity == .warning })
    #expect(messages.contains { $0.hasPrefix("warning 6 ") && $0.contains("footnote [^unused]") })
    #expect(messages.contains { $0.hasPrefix("warning 8 ") && $0.contains("never closed") })
  }

  @Test func pageVariablesInCodeAreSubstitutedButNotInsideRaw() {
    let lesson = LessonTestSupport.parse(
      "```bash\nwget {{ page.zenodo_link }}/file.csv\n```\n\n{% raw %}\n```\n{{ page.title }}\n```\n{% endraw %}\n",
      frontMatter: "title: T\nzenodo_link: https://zenodo.org/record/1")
    let code = lesson.document.blocks.compactMap { block -> String? in
      if case .code(let code) = block { return code.code } else { return nil }
    }
    #expect(code.first == "wget https://zenodo.org/record/1/file.csv\n")
    #expect(code.last == "{{ page.title }}\n")
  }

  @Test func markdownInsideAMarkdownOneElementIsParsed() {
    let lesson = LessonTestSupport.parse(
      "<details markdown=\"1\">\n<summary>More</summary>\nSome **bold** text.\n\n- item\n</details>\n\n<div class=\"x\" markdown=\"1\">\n*it*\n</div>\n")
    let blocks = lesson.document.blocks
    #expect(blocks.first == .html("<details>\n<summary>More</summary>\n"))
    #expect(blocks.contains(.paragraph([.text("Some "), .strong([.text("bold")]), .text(" text.")], Attributes())))
    #expect(blocks.contains { if case .list = $0 { return true } else { return false } })
    #expect(blocks.contains(.html("</details>\n")))
    #expect(blocks.contains(.html("<div class=\"x\">\n")))
    #expect(blocks.contains(.paragraph([.emphasis([.text("it")])], Attributes())))
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
  }

  @Test func figureCaptionsMayHoldMarkdownAndHTML() {
    let lesson = LessonTestSupport.parse("![Alt](x.png \"A *small* <sub>2</sub> plot\")\n")
    guard case .figure(let figure)? = lesson.document.blocks.first else {
      Issue.record("no figure: \(lesson.document.blocks)")
      return
    }
    #expect(figure.caption == [.text("A "), .emphasis([.text("small")]), .text(" "), .html("<sub>"), .text("2"), .html("</sub>"), .text(" plot")])
  }
}

extension KramdownParityTests {
  /// GTN's heatmap2 and volcano plot tutorials: a fence in a nested list item whose URLs are written less indented
  /// than the fence. kramdown keeps them in the code block; cmark showed an empty block and a paragraph ending in ```.
  @Test func codeLinesLessIndentedThanTheirFenceInAListItemStayInTheCodeBlock() {
    let lesson = LessonTestSupport.parse(
      """
      > <hands-on-title>Upload</hands-on-title>
      >
      > 1. Import
      >     - Option 2: From Zenodo
      >
      >         - You can paste the links below:
      >
      >           ```
      >       https://zenodo.org/record/1/files/counts
      >         https://zenodo.org/record/1/files/genes
      >           ```
      >
      >         - Select the genome
      {: .hands_on}
      """)
    #expect(lesson.diagnostics.isEmpty, "\(lesson.diagnostics)")
    let text = "\(lesson.document.blocks)"
    #expect(text.contains("code: \"https://zenodo.org/record/1/files/counts\\n  https://zenodo.org/record/1/files/genes\\n\""), "\(text)")
    #expect(!text.contains("```"))
    #expect(text.contains("Select the genome"))
  }
}
