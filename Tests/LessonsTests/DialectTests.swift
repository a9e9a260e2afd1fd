import Lessons
import Testing

/// The inline and block constructs of the GTN dialect other than boxes.
struct DialectTests {
  private func inlines(_ lesson: Lesson) -> [Inline] {
    lesson.document.blocks.flatMap { block -> [Inline] in
      if case .paragraph(let content, _) = block { return content }
      return []
    }
  }

  @Test("{GIL}: the first use is written out, later uses are abbreviations, the glossary lists it once")
  func abbreviations() {
    let lesson = LessonTestSupport.parse(
      "The {GIL} and the {GIL} and {Unknown}.\n",
      frontMatter: "title: T\nabbreviations:\n  GIL: Global Interpreter Lock")
    let abbreviations = inlines(lesson).compactMap { inline -> Bool? in
      if case .abbreviation(_, let first) = inline { return first }
      return nil
    }
    #expect(abbreviations == [true, false])
    #expect(lesson.document.usedAbbreviations.map(\.short) == ["GIL"])
    #expect(inlines(lesson).contains(.text(" and {Unknown}.")))
  }

  @Test("Liquid tags become icons, tools, citations, notes and page values")
  func liquid() {
    let lesson = LessonTestSupport.parse(
      "{% icon tip %} {% tool [FastQC](toolshed/fastqc/0.7) %} {% tool Filter|cshl_filter/1.0 %} {% cite Smith2020 %} {{ page.title }} {% snippet faqs/galaxy/x.md box_type=\"none\" %}\n",
      frontMatter: "title: My Page")
    let content = inlines(lesson)
    #expect(content.contains(.icon(name: "tip", line: 4)))
    #expect(content.contains(.tool(label: "FastQC", id: "toolshed/fastqc/0.7")))
    #expect(content.contains(.tool(label: "Filter", id: "cshl_filter/1.0")))
    #expect(content.contains(.citation("Smith2020")))
    #expect(content.contains(.snippet("faqs/galaxy/x.md")))
    #expect(content.contains { if case .text(let text) = $0 { return text.contains("My Page") } else { return false } })
  }

  @Test("a captioned image is a numbered figure with its {: width} attributes; an uncaptioned one is not")
  func figures() throws {
    let lesson = LessonTestSupport.parse(
      "![one](a.png \"First\")\n{: width=\"50%\"}\n\n![plain](b.png)\n\n![two](c.png \"Second\"){:width=\"320px\"}\n")
    let figures = lesson.document.blocks.compactMap { block -> Figure? in
      if case .figure(let figure) = block { return figure }
      return nil
    }
    #expect(figures.map(\.number) == [1, 2])
    #expect(figures.first?.image.attributes.value(for: "width") == "50%")
    #expect(figures.last?.image.attributes.value(for: "width") == "320px")
    #expect(figures.first?.caption == [.text("First")])
  }

  @Test("attribute lines after paragraphs and headings set classes and ids")
  func attributeLines() throws {
    let lesson = LessonTestSupport.parse("Alert text\n{: .alert .alert-warning}\n\n## Title\n{: #custom}\n")
    guard case .paragraph(_, let attributes) = lesson.document.blocks[0] else {
      Issue.record("no paragraph")
      return
    }
    #expect(attributes.classes == ["alert", "alert-warning"])
    guard case .heading(let heading) = lesson.document.blocks[1] else {
      Issue.record("no heading")
      return
    }
    #expect(heading.id == "custom")
  }

  @Test(
    "heading ids are made from the text as kramdown makes them",
    arguments: [
      ("Pools & Parallelism", "pools--parallelism"), ("2. Getting started", "getting-started"),
      ("Threads vs Processes", "threads-vs-processes"), ("Use `map()` now", "use-map-now"), ("!!!", "section"),
      ("Ünïcode 2", "ünïcode-2"), ("snake_case name", "snakecase-name"),
    ])
  func headingID(title: String, id: String) {
    let lesson = LessonTestSupport.parse("## \(title)\n")
    #expect(lesson.document.tableOfContents.map(\.id) == [id])
  }

  @Test("equal headings get -1, -2 suffixes")
  func uniqueHeadingIDs() {
    let lesson = LessonTestSupport.parse("## Same\n\n## Same\n\n## Same\n")
    #expect(lesson.document.tableOfContents.map(\.id) == ["same", "same-1", "same-2"])
  }

  @Test("a pipe table with a delimiter row becomes a table with alignments and inline content")
  func table() throws {
    let lesson = LessonTestSupport.parse("| A | B | C |\n|:--|:-:|--:|\n| `x` | **y** | z \\| w |\n| 1 | 2 |\n")
    guard case .table(let table) = try #require(lesson.document.blocks.first) else {
      Issue.record("no table: \(lesson.document.blocks)")
      return
    }
    #expect(table.alignments == [.left, .center, .right])
    #expect(table.header == [[.text("A")], [.text("B")], [.text("C")]])
    #expect(table.rows.count == 2)
    #expect(table.rows[0][0] == [.code("x")])
    #expect(table.rows[0][1] == [.strong([.text("y")])])
    #expect(table.rows[0][2] == [.text("z | w")])
    #expect(table.rows[1][2] == [])
  }

  @Test("a row with more cells than the header widens the table, as kramdown does: no cell is lost")
  func widerRow() throws {
    let lesson = LessonTestSupport.parse("| a | b |\n|---|:-:|\n| 1 | 2 | 3 |\n| x |\n")
    guard case .table(let table) = try #require(lesson.document.blocks.first) else {
      Issue.record("no table: \(lesson.document.blocks)")
      return
    }
    #expect(table.alignments == [.none, .center, .none])
    #expect(table.header == [[.text("a")], [.text("b")], []])
    #expect(table.rows == [[[.text("1")], [.text("2")], [.text("3")]], [[.text("x")], [], []]])
  }

  @Test("a table inside a solution box")
  func tableInBox() {
    let lesson = LessonTestSupport.parse("> > | a | b |\n> > |---|---|\n> > | 1 | 2 |\n> {: .solution}\n{: .question}\n")
    let solution = LessonTestSupport.boxes(lesson.document.blocks).first { $0.type == "solution" }
    #expect(solution?.box.content.contains { if case .table = $0 { return true } else { return false } } == true)
  }

  @Test("$$…$$ stays TeX; single dollars stay text")
  func math() {
    let content = inlines(LessonTestSupport.parse("Costs $5 and $$x^2$$ here.\n"))
    #expect(content.contains(.math("x^2")))
    #expect(content.first == .text("Costs $5 and "))
  }

  @Test("swift fences become cells with options from the info string and //| lines; other languages are code")
  func cells() throws {
    let source = """
      ```swift run=false timeout=30
      print("a")
      ```

      ```python
      print("b")
      ```

      > ```swift
      > //| error: expected
      > //| echo: false
      > //| output: false
      > let x = 1
      > ```
      {: .hands_on}

      """
    let lesson = LessonTestSupport.parse(source)
    #expect(lesson.cells.count == 2)
    let first = try #require(lesson.cells.first)
    #expect(first.index == 0 && first.code == "print(\"a\")\n" && first.line == 5)
    #expect(first.options.run == false && first.options.timeout == 30)
    #expect(first.fenceLines == 4...6)
    let second = lesson.cells[1]
    #expect(second.code == "let x = 1\n")
    #expect(second.line == 16)
    #expect(second.options.errorExpected && !second.options.echo && !second.options.output && second.options.run)
    #expect(lesson.document.blocks.contains(.cell(0)))
    #expect(lesson.document.blocks.contains { if case .code(let code) = $0 { return code.language == "python" } else { return false } })
    #expect(lesson.diagnostics.isEmpty)
  }
}
