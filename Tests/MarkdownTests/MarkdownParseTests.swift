import Markdown
import Testing

/// cmark's tree arrives as Swift values with positions and node data.
struct MarkdownParseTests {
  @Test("cmark's version is 0.30 or later")
  func version() {
    #expect(Markdown.cmarkVersion.hasPrefix("0."))
  }

  @Test("blocks carry source lines and columns; headings their level; lists their kind")
  func blocks() throws {
    let document = Markdown.parse("# Title\n\n> quoted\n\n3. three\n4. four\n")
    #expect(document.kind == .document)
    #expect(document.children.map(\.kind) == [.heading, .blockQuote, .list])
    let heading = document.children[0]
    #expect(heading.headingLevel == 1 && heading.startLine == 1 && heading.startColumn == 1)
    #expect(heading.plainText == "Title")
    #expect(document.children[1].startLine == 3)
    let list = try #require(document.children[2].list)
    #expect(list.ordered && list.start == 3 && list.tight)
    #expect(document.children[2].children.count == 2)
  }

  @Test("fenced code keeps its info string; indented code has none")
  func code() {
    let document = Markdown.parse("```swift run=false\nlet x = 1\n```\n\n    indented\n")
    #expect(document.children[0].fenceInfo == "swift run=false")
    #expect(document.children[0].literal == "let x = 1\n")
    #expect(document.children[1].kind == .codeBlock && document.children[1].fenceInfo == nil)
  }

  @Test("raw HTML is kept as nodes, links and images keep url and title, text nodes are merged")
  func inlines() {
    let document = Markdown.parse("<div>\nraw\n</div>\n\nA <kbd>x</kbd> [l](u \"t\") ![a](i.png \"cap\") {: .x_y}\n")
    #expect(document.children[0].kind == .htmlBlock)
    let inlines = document.children[1].children
    #expect(inlines.contains { $0.kind == .htmlInline && $0.literal == "<kbd>" })
    #expect(inlines.contains { $0.kind == .link && $0.url == "u" && $0.title == "t" })
    #expect(inlines.contains { $0.kind == .image && $0.url == "i.png" && $0.title == "cap" })
    #expect(inlines.last?.literal == " {: .x_y}")
  }

  @Test("any bytes parse without a crash, including NUL and invalid sequences")
  func anyInput() {
    let weird = String(decoding: [0x3E, 0x00, 0xFF, 0x0A, 0x60, 0x60, 0x60, 0x0A, 0x3E, 0x3E], as: UTF8.self)
    #expect(Markdown.parse(weird).kind == .document)
    #expect(Markdown.parse("").children.isEmpty)
  }
}

/// Deep nesting cannot exhaust the stack: beyond a limit it is flattened to text.
struct MarkdownDepthTests {
  @Test("2,000 nested quotes parse into a bounded tree that keeps the text")
  func deepQuotes() {
    let document = Markdown.parse(String(repeating: "> ", count: 2_000) + "deep text\n")
    var depth = 0
    var node = document
    while let first = node.children.first {
      depth += 1
      node = first
    }
    #expect(depth < 60)
    #expect(node.literal?.contains("deep text") == true)
  }
}
