import Lessons
import Testing

@testable import Execution

/// The pieces of a run that need no process: output splitting, control lines, hashing.
struct ProgramPartsTests {
  @Test("output is split at markers, even mid-line and across reads")
  func splitting() {
    var splitter = CellOutputSplitter(nonce: "n1", limit: 100)
    let marker0 = LessonProgram.marker(nonce: "n1", index: 0)
    let marker2 = LessonProgram.marker(nonce: "n1", index: 2)
    let stream = Array((marker0 + "one\nno newline" + marker2 + "two\n").utf8)
    // Feed one byte at a time: markers cut anywhere must still be found.
    for byte in stream { splitter.append([byte]) }
    splitter.finish()
    #expect(splitter.text(of: 0) == "one\nno newline")
    #expect(splitter.text(of: 2) == "two\n")
  }

  @Test("a marker with another nonce is output, not a boundary")
  func foreignMarker() {
    var splitter = CellOutputSplitter(nonce: "mine", limit: 100)
    splitter.append(Array((LessonProgram.marker(nonce: "mine", index: 1) + LessonProgram.marker(nonce: "other", index: 2)).utf8))
    splitter.finish()
    #expect(splitter.text(of: 1) == LessonProgram.marker(nonce: "other", index: 2))
  }

  @Test("each cell keeps at most the limit and counts the rest")
  func limit() {
    var splitter = CellOutputSplitter(nonce: "n", limit: 4)
    splitter.append(Array((LessonProgram.marker(nonce: "n", index: 0) + "abcdefgh").utf8))
    splitter.finish()
    #expect(splitter.text(of: 0) == "abcd")
    #expect(splitter.dropped[0] == 4)
  }

  @Test(
    "control lines are read", arguments: [
      ("cell-begin 3", ControlMessage.cellBegin(3)),
      ("cell-end 2 0.25", .cellEnd(2, seconds: 0.25)),
      ("cell-threw 1 first\\nsecond \\\\ back", .cellThrew(1, message: "first\nsecond \\ back")),
      ("chart {\"a\":1}", .chart(json: "{\"a\":1}")),
      ("done", .done),
      ("cell-begin x", .unknown("cell-begin x")),
    ])
  func control(line: String, message: ControlMessage) {
    #expect(ControlMessage(line: line) == message)
  }

  @Test("SHA-256 matches the standard test vectors", arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
  ])
  func sha256(text: String, digest: String) {
    #expect(SHA256.hex(text) == digest)
  }

  @Test("status words", arguments: [
    (CellStatus.timedOut(seconds: 30), "timed out after 30 s"),
    (.timedOut(seconds: 0.5), "timed out after 0.5 s"),
    (.crashed(signal: 11, description: "Segmentation fault"), "crashed: signal 11 (Segmentation fault)"),
    (.failed(message: "E()", expected: false), "threw: E()"),
    (.notRun(reason: CellStatus.earlierFailureReason), "not run: an earlier cell failed"),
  ])
  func summary(status: CellStatus, words: String) {
    #expect(status.summary == words)
  }

  @Test("only the imports of a wrapped cell move, with their #if, never text in strings or comments")
  func hoisting() {
    let code = #"""
      import Glibc
      #if canImport(Darwin)
        import Darwin
      #else
        import Glibc
      #endif
      let text = """
        import NoSuchModule
        """
      /* import AlsoNot
         import Neither */
      // import Commented
      let quoted = "import Quoted"
      throw E()
      """#
    let (hoisted, imports) = LessonProgram.hoistingImports(from: code)
    #expect(imports == ["import Glibc", "#if canImport(Darwin)\n  import Darwin\n#else\n  import Glibc\n#endif"])
    let lines = hoisted.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == code.split(separator: "\n", omittingEmptySubsequences: false).count)
    #expect(lines[0...5].allSatisfy { $0.isEmpty })
    #expect(lines[7] == "  import NoSuchModule")
    #expect(hoisted.contains("/* import AlsoNot\n   import Neither */\n// import Commented\n"))
  }

  @Test("imports stay where they are in cells that are not wrapped; expected-error cells are wrapped")
  func assembly() {
    var expected = Cell(index: 1, code: "throw E()", line: 20)
    expected.options.errorExpected = true
    var skipped = Cell(index: 2, code: "never()", line: 30)
    skipped.options.run = false
    let lesson = Lesson(
      file: "/x/\"quoted\".md", relativePath: "t", topic: "t", slug: "t", frontMatter: .init(title: "t"),
      document: .init(), cells: [Cell(index: 0, code: "import Multiprocessing\nprint(1)", line: 10), expected, skipped],
      diagnostics: [])
    let program = LessonProgram(lesson: lesson, nonce: "n")
    #expect(program.cellIndices == [0, 1])
    #expect(program.source.contains("#sourceLocation(file: \"t/\\\"quoted\\\".md\", line: 10)\nimport Multiprocessing\nprint(1)\n"))
    #expect(program.source.contains("do {\n#sourceLocation(file: \"t/\\\"quoted\\\".md\", line: 20)\nthrow E()\n"))
    #expect(!program.source.contains("never()"))
  }
}
