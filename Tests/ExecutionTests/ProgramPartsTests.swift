import Foundation
import LessonProtocol
import Lessons
import Testing

@testable import Execution

/// The pieces of a run that need no process: output splitting, control lines, hashing.
struct ProgramPartsTests {
  static let secret = ControlChannel.makeSecret()

  @Test("output is split at markers, even mid-line and across reads")
  func splitting() {
    var splitter = CellOutputSplitter(secret: Self.secret, limit: 100)
    let marker0 = CellMarker.line(secret: Self.secret, index: 0)
    let marker2 = CellMarker.line(secret: Self.secret, index: 2)
    let stream = Array((marker0 + "one\nno newline" + marker2 + "two\n").utf8)
    // Feed one byte at a time: markers cut anywhere must still be found.
    for byte in stream { splitter.append([byte]) }
    splitter.finish()
    #expect(splitter.text(of: 0) == "one\nno newline")
    #expect(splitter.text(of: 2) == "two\n")
  }

  @Test("a marker with another nonce is output, not a boundary")
  func foreignMarker() {
    var splitter = CellOutputSplitter(secret: Self.secret, limit: 100)
    let other = CellMarker.line(secret: ControlChannel.makeSecret(), index: 2)
    splitter.append(Array((CellMarker.line(secret: Self.secret, index: 1) + other).utf8))
    splitter.finish()
    #expect(splitter.text(of: 1) == other)
    #expect(splitter.marked == [1])
  }

  @Test("each cell keeps at most the limit and counts the rest")
  func limit() {
    var splitter = CellOutputSplitter(secret: Self.secret, limit: 4)
    splitter.append(Array((CellMarker.line(secret: Self.secret, index: 0) + "abcdefgh").utf8))
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
      ("cell-processes 1 12:34 56:78", .cellProcesses(1, identities: ["12:34", "56:78"])),
      ("done", .done),
      ("cell-begin x", .unknown("cell-begin x")),
    ])
  func control(payload: String, message: ControlMessage) {
    #expect(ControlMessage(line: "\(Self.secret) \(payload)", secret: Self.secret) == message)
    #expect(ControlMessage(line: payload, secret: Self.secret) == .unauthenticated)
    #expect(ControlMessage(line: "\(ControlChannel.makeSecret()) \(payload)", secret: Self.secret) == .unauthenticated)
    if case .unknown = message { return }
    #expect(ControlMessage(line: String(message.line(secret: Self.secret).dropLast()), secret: Self.secret) == message)
  }

  @Test("a megabyte of newlines or one endless line is a count, not a million lines kept or a gigabyte")
  func floodedChannel() {
    var reader = ControlLineReader(maximumLineLength: 1000)
    var lines = 0
    let newlines = [UInt8](repeating: 10, count: 1 << 20)
    for chunk in stride(from: 0, to: newlines.count, by: 65536) {
      reader.append(newlines[chunk..<(chunk + 65536)]) { _ in lines += 1 }
    }
    #expect(lines == 1 << 20)
    let endless = [UInt8](repeating: 65, count: 65536)
    for _ in 0..<32 { reader.append(endless[...]) { _ in lines += 1 } }
    reader.append([10, 66, 10][...]) { line in #expect(Array(line) == [66]) }
    #expect(reader.overlongLines == 1)
    var ledger = RunLedger(order: [0], timeouts: [0: 5], gapTimeout: 5, started: 0)
    for _ in 0..<(1 << 20) { ledger.take(ControlMessage(line: "", secret: Self.secret), at: 1) }
    for index in 0..<1000 { ledger.take(.cellEnd(index, seconds: 1), at: 1) }
    let problems = ledger.problems(overlongLines: reader.overlongLines)
    #expect(problems.count == 3)
    #expect(problems[0].hasPrefix("1048576 control line(s) without the run's secret"))
    #expect(problems[1].hasPrefix("1000 control line(s) out of turn"))
  }

  @Test("deadlines are the builder's: a cell begins once, in turn; its time is at most what the builder saw")
  func ledger() {
    var ledger = RunLedger(order: [0, 2], timeouts: [0: 2, 2: 7], gapTimeout: 60, started: 100)
    #expect(ledger.deadline == 160)
    ledger.take(.cellBegin(2), at: 101)  // out of turn
    #expect(ledger.began.isEmpty)
    ledger.take(.cellBegin(0), at: 101)
    #expect(ledger.deadline == 103)
    for second in 102..<110 { ledger.take(.cellBegin(0), at: Double(second)) }
    #expect(ledger.deadline == 103)
    #expect(ledger.began == [0])
    ledger.take(.cellThrew(2, message: "forged"), at: 102)
    ledger.take(.cellEnd(0, seconds: 1e300), at: 102)
    #expect(ledger.seconds[0] == 1)
    #expect(ledger.threw.isEmpty)
    ledger.take(.cellBegin(2), at: 102.5)
    #expect(ledger.deadline == 109.5)
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

  @Test("SHA-256 over buffers (64 bytes at a time) equals it byte by byte, at every split, and sha256sum's")
  func sha256Buffers() throws {
    var generator = SystemRandomNumberGenerator()
    for length in [0, 1, 55, 56, 63, 64, 65, 127, 128, 1000, 100_003] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
      var bytewise = SHA256()
      bytewise.update(bytes)
      let expected = bytewise.hexDigest()
      for split in Set([0, 1, 7, 63, 64, 65, length / 2, length].filter { $0 <= length }) {
        var buffered = SHA256()
        bytes.withUnsafeBytes { all in
          buffered.update(buffer: UnsafeRawBufferPointer(rebasing: all[..<split]))
          buffered.update(buffer: UnsafeRawBufferPointer(rebasing: all[split...]))
        }
        #expect(buffered.hexDigest() == expected, "length \(length), split \(split)")
      }
    }
    // A megabyte and a bit against the system's tool.
    let file = NSTemporaryDirectory() + "sha256-\(UUID().uuidString)"
    defer { try? FileManager.default.removeItem(atPath: file) }
    let bytes = (0..<(1 << 20) + 77).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
    try Data(bytes).write(to: URL(fileURLWithPath: file))
    var hash = SHA256()
    bytes.withUnsafeBytes { hash.update(buffer: $0) }
    let tool = Process()
    tool.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    tool.arguments = [file]
    let output = Pipe()
    tool.standardOutput = output
    try tool.run()
    tool.waitUntilExit()
    let line = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(line.hasPrefix(hash.hexDigest() + " "), "\(line)")
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
    let program = LessonProgram(lesson: lesson)
    #expect(!program.source.contains(Self.secret))
    #expect(program.cellIndices == [0, 1])
    #expect(program.source.contains("#sourceLocation(file: \"t/\\\"quoted\\\".md\", line: 10)\nimport Multiprocessing\nprint(1)\n"))
    #expect(program.source.contains("do {\n#sourceLocation(file: \"t/\\\"quoted\\\".md\", line: 20)\nthrow E()\n"))
    #expect(!program.source.contains("never()"))
  }
}
