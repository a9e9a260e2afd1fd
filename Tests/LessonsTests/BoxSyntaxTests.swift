import Lessons
import Testing

/// Both box title syntaxes, at any depth, with the spacing variants of real files.
struct BoxSyntaxTests {
  static let syntaxes: [(name: String, source: String, type: String, title: String)] = [
    ("new title tag", "> <question-title>Why?</question-title>\n> Body\n{: .question}\n", "question", "Why?"),
    ("empty title tag", "> <question-title></question-title>\n> Body\n{: .question}\n", "question", ""),
    ("hands-on tag, hands_on class", "> <hands-on-title>Do</hands-on-title>\n> Body\n{: .hands_on}\n", "hands_on", "Do"),
    ("old icon heading", "> ### {% icon question %} Question: Why?\n> Body\n{: .question}\n", "question", "Question: Why?"),
    ("icon-less heading", "> ## Solution\n> Body\n{: .solution}\n", "solution", "Solution"),
    ("space before brace", "> Body\n{: .solution }\n", "solution", ""),
    ("no space after colon", "> Body\n{:.tip}\n", "tip", ""),
    ("hands-on class with dash", "> Body\n{: .hands-on}\n", "hands_on", ""),
    ("blank quote line before close", "> Body\n>\n{: .comment}\n", "comment", ""),
    ("code-in", "> ```\n> ls\n> ```\n{: .code-in}\n", "code-in", ""),
    ("details", "> <details-title>More</details-title>\n> Body\n{: .details}\n", "details", "More"),
    ("warning", "> Careful\n{: .warning}\n", "warning", ""),
    ("quote with author", "> Words\n{: .quote author=\"Ada\"}\n", "quote", ""),
  ]

  @Test("each box syntax gives a box of the right type and title", arguments: syntaxes)
  func syntax(name: String, source: String, type: String, title: String) throws {
    let lesson = LessonTestSupport.parse(source)
    let box = try #require(LessonTestSupport.boxes(lesson.document.blocks).first, "\(name)")
    #expect(box.type == type, "\(name)")
    #expect(plain(box.box.title) == title, "\(name)")
    #expect(!lesson.diagnostics.contains { $0.severity == .error }, "\(name): \(lesson.diagnostics)")
    #expect(!box.box.content.isEmpty, "\(name)")
  }

  static let nestings: [(name: String, source: String)] = [
    (
      "lazy closing lines",
      "> <question-title></question-title>\n> Q\n> > <solution-title></solution-title>\n> > A\n> {: .solution}\n{: .question}\n"
    ),
    ("blank inner line", "> Q\n>\n> > A\n> >\n> {: .solution}\n>\n{: .question}\n"),
    ("indented inner quote", "> Q\n>\n>   > A\n>   {: .solution}\n{: .question}\n"),
    ("spaced markers", "> Q\n> > A\n> > {: .comment}\n> {: .solution }\n{: .question}\n"),
  ]

  @Test("nested boxes keep their nesting in every spacing variant", arguments: nestings)
  func nesting(name: String, source: String) throws {
    let lesson = LessonTestSupport.parse(source)
    let boxes = LessonTestSupport.boxes(lesson.document.blocks)
    #expect(boxes.first?.type == "question", "\(name)")
    #expect(boxes.first?.depth == 0, "\(name)")
    let solution = try #require(boxes.first { $0.type == "solution" }, "\(name): \(boxes.map(\.type))")
    #expect(solution.depth == 1, "\(name)")
    #expect(!lesson.diagnostics.contains { $0.severity == .error }, "\(name): \(lesson.diagnostics)")
  }

  @Test("three levels: hands_on > question > solution, inside a list item")
  func threeLevels() {
    let source = """
      > <hands-on-title>Try</hands-on-title>
      > 1. Step
      >
      >    > <question-title></question-title>
      >    > Q
      >    > > <solution-title></solution-title>
      >    > > A
      >    > {: .solution}
      >    {: .question}
      {: .hands_on}

      """
    let boxes = LessonTestSupport.boxes(LessonTestSupport.parse(source).document.blocks)
    #expect(boxes.map(\.type) == ["hands_on", "question", "solution"])
    #expect(boxes.map(\.depth) == [0, 1, 2])
  }

  @Test("the agenda's 1. TOC and {:toc} become the table of contents of ## headings, without {:.no_toc}")
  func agenda() throws {
    let source = """
      > <agenda-title></agenda-title>
      >
      > 1. TOC
      > {:toc}
      >
      {: .agenda}

      ## First

      ## Skipped
      {:.no_toc}

      ### Not level two

      ## Second

      """
    let lesson = LessonTestSupport.parse(source)
    #expect(lesson.document.tableOfContents.map(\.title) == ["First", "Second"])
    let agenda = try #require(LessonTestSupport.boxes(lesson.document.blocks).first)
    #expect(agenda.box.content.contains(.tableOfContents))
    #expect(lesson.diagnostics.isEmpty)
  }

  private func plain(_ inlines: [Inline]) -> String {
    inlines.map { inline -> String in
      if case .text(let text) = inline { return text }
      return ""
    }.joined()
  }
}

/// Which class decides a box's type.
struct BoxClassTests {
  @Test("a known box class decides even when it is not first; the others stay as extra classes")
  func knownClassDecides() throws {
    let lesson = LessonTestSupport.parse("> Text\n{: .wide .solution}\n")
    let box = try #require(LessonTestSupport.boxes(lesson.document.blocks).first)
    #expect(box.type == "solution")
    #expect(box.box.attributes.classes == ["wide"])
    #expect(lesson.diagnostics.isEmpty)
  }

  @Test("a blockquote with attributes but no class stays a blockquote")
  func noClass() {
    let lesson = LessonTestSupport.parse("> Text\n{: cite=\"https://example.org\"}\n")
    guard case .blockQuote(_, let attributes) = lesson.document.blocks.first else {
      Issue.record("\(lesson.document.blocks)")
      return
    }
    #expect(attributes.value(for: "cite") == "https://example.org")
  }
}
