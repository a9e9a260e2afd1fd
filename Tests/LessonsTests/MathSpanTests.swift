import Lessons
import Testing

/// `$$…$$` reaches the document as the TeX the author wrote: cmark's emphasis and escapes do not touch it, a formula
/// over several lines stays one, and code is left alone.
@Suite("Math spans and cmark")
struct MathSpanTests {
  private func paragraphs(_ lesson: Lesson) -> [[Inline]] {
    func collect(_ blocks: [Block]) -> [[Inline]] {
      blocks.flatMap { block -> [[Inline]] in
        switch block {
        case .paragraph(let content, _): return [content]
        case .box(let box): return collect(box.content)
        default: return []
        }
      }
    }
    return collect(lesson.document.blocks)
  }

  @Test("underscores, asterisks and backslashes inside $$…$$ stay TeX")
  func markupSurvives() {
    let lesson = LessonTestSupport.parse("Before $$a *b* c_{i} \\cdot d_{j}\\\\e \\{x\\}$$ after *em*.\n")
    let content = paragraphs(lesson).first ?? []
    #expect(content.contains(.math("a *b* c_{i} \\cdot d_{j}\\\\e \\{x\\}")))
    #expect(content.contains(.emphasis([.text("em")])))
    #expect(lesson.diagnostics.isEmpty)
  }

  @Test("a formula written over lines of its own is one display formula, line numbers after it unchanged")
  func displayOverLines() {
    let lesson = LessonTestSupport.parse("Text.\n\n$$\n\\frac{a_1}{b_2} *\n- c\n$$\n\n$$\\undefined$$\n")
    let blocks = paragraphs(lesson)
    #expect(blocks.count == 3)
    #expect(blocks[1] == [.math("\n\\frac{a_1}{b_2} *\n- c\n")])
    // Front matter (lines 1-3), "Text." (4), blank, the formula (6-9), blank: the bad formula is on line 11.
    #expect(lesson.diagnostics.map(\.line) == [11])
    #expect(lesson.diagnostics.first?.message.contains("unknown command \\undefined") == true)
  }

  @Test("a formula inside a box keeps its lines, without the quote markers")
  func inBox() {
    let lesson = LessonTestSupport.parse("> <comment-title>Note</comment-title>\n>\n> $$\n> x_1 > y_2\n> $$\n{: .comment}\n")
    #expect(paragraphs(lesson).contains([.math("\nx_1 > y_2\n")]))
  }

  @Test("a formula over lines inside a list item keeps its TeX")
  func inListItem() {
    let lesson = LessonTestSupport.parse("1. Step:\n\n   $$\n   a_1 *b*\n   $$\n2. Next\n")
    guard case .list(let list)? = lesson.document.blocks.first else {
      Issue.record("no list")
      return
    }
    #expect(list.items.first?.contains(.paragraph([.math("\na_1 *b*\n")], Attributes())) == true)
  }

  @Test("$$ in code spans and fenced code is not math; single dollars are text")
  func notMath() {
    let lesson = LessonTestSupport.parse("Use `$$x_1$$` and $5 and $10.\n\n```\n$$a_b$$\n```\n")
    let content = paragraphs(lesson).first ?? []
    #expect(content == [.text("Use "), .code("$$x_1$$"), .text(" and $5 and $10.")])
    let code = lesson.document.blocks.compactMap { block -> String? in
      if case .code(let code) = block { return code.code }
      return nil
    }
    #expect(code == ["$$a_b$$\n"])
  }

  @Test("an unclosed $$ is text, and the rest of the paragraph is read as Markdown")
  func unclosed() {
    let lesson = LessonTestSupport.parse("Costs $$ and *more*.\n\nNext $$x_1$$.\n")
    let blocks = paragraphs(lesson)
    #expect(blocks[0].contains(.emphasis([.text("more")])))
    #expect(blocks[1].contains(.math("x_1")))
  }

  @Test("math in a table cell and a figure caption keeps its underscores")
  func tablesAndCaptions() {
    let lesson = LessonTestSupport.parse("| a | b |\n|---|---|\n| $$x_1 *y* z_2$$ | 2 |\n")
    guard case .table(let table)? = lesson.document.blocks.first else {
      Issue.record("no table")
      return
    }
    #expect(table.rows[0][0] == [.math("x_1 *y* z_2")])
  }
}
