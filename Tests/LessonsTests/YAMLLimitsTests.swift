import Lessons
import Testing
import Yams

/// YAML that would expand without end, or is simply huge, is refused with its line instead of taking the builder's
/// time and memory (an 8-level alias bomb of 400 bytes took 17 s and 1.8 GB).
@Suite("YAML limits", .timeLimit(.minutes(1)))
struct YAMLLimitsTests {
  /// `levels` anchors, each a list of nine aliases to the one before: 9^levels nodes once expanded.
  static func bomb(levels: Int, asKeys: Bool = false) -> String {
    var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for level in 1...levels {
      let aliases = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
      lines.append("a\(level): &a\(level) [\(aliases)]")
    }
    if asKeys { lines.append("? *a\(levels)\n: one\n? [*a\(levels), *a\(levels)]\n: two") }
    return lines.joined(separator: "\n")
  }

  @Test("an alias bomb in front matter is an error at the line of the alias that crosses the limit", arguments: [6, 8, 12])
  func frontMatterBomb(levels: Int) {
    let lesson = LessonTestSupport.parse("Text.\n", frontMatter: "title: Bomb\n" + Self.bomb(levels: levels))
    let error = lesson.diagnostics.first { $0.severity == .error }
    // 9^5 = 59,049 nodes fit; a5 (9^6) crosses 100,000: front matter line 7, file line 8.
    #expect(error?.line == 8, "\(lesson.diagnostics)")
    #expect(error?.message.contains("expand to more than 100000 nodes") == true)
    #expect(lesson.frontMatter.title == "lesson")
  }

  @Test("aliases used as mapping keys (hashed by Yams while composing) are counted before composing")
  func bombAsKeys() {
    #expect(throws: BoundedYAML.LimitError.self) {
      try BoundedYAML.compose(Self.bomb(levels: 8, asKeys: true), limits: .frontMatter)
    }
  }

  @Test("ordinary anchors, aliases, merge keys and text with asterisks still read as before")
  func ordinaryAliases() throws {
    let yaml = """
      title: "*not an alias*"
      base: &base {level: Introductory}
      copy: *base
      merged:
        <<: *base
        extra: 1
      list: [&one 1, *one, "*one", '*one', a*b]
      note: |
        *literal*
      """
    let root = try #require(try BoundedYAML.compose(yaml, limits: .frontMatter))
    #expect(root["title"]?.string == "*not an alias*")
    #expect(root["copy"]?["level"]?.string == "Introductory")
    #expect(root["list"]?.sequence?.map(\.string) == ["1", "1", "*one", "*one", "a*b"])
    let small = BoundedYAML.Limits(bytes: 10_000, nodes: 120)  // level 1 expands to 104 nodes, level 2 to 924
    #expect(throws: Never.self) { try BoundedYAML.compose(Self.bomb(levels: 1), limits: small) }
    #expect(throws: BoundedYAML.LimitError.self) { try BoundedYAML.compose(Self.bomb(levels: 2), limits: small) }
  }

  @Test("YAML with aliases but no anchor is composed once: the alias is Yams' undefined-alias error at its line")
  func aliasesWithoutAnchors() {
    // The alias-free copy would read `*a` twice as the same key; the document itself fails at the first alias.
    let yaml = "title: \"**bold** text\"\n*a: 1\n*a: 2\n"
    #expect {
      try BoundedYAML.compose(yaml, limits: .frontMatter)
    } throws: { error in
      guard let error = error as? YamlError else { return false }
      return BoundedYAML.line(of: error) == 2 && "\(error)".contains("undefined alias")
    }
    #expect(throws: Never.self) { try BoundedYAML.compose("title: \"**bold** & more\"\n", limits: .frontMatter) }
  }

  @Test("front matter composed with text keys reads as Yams' own composition: values, duplicates, unknown fields")
  func textKeys() throws {
    let yaml = """
      title: "**T**"
      draft: yes
      enable: false
      n: 12
      none: ~
      date: 2021-01-01
      extra: {a: true, b: [1, '2', .inf]}
      1: int key
      "1": text key
      """
    let fast = try #require(try BoundedYAML.composeWithTextKeys(yaml, limits: .frontMatter))
    let yams = try #require(try BoundedYAML.compose(yaml, limits: .frontMatter))
    #expect(fast.mapping?.count == 9)  // `1` and `"1"` are two keys to Yams, not duplicates
    for ((fastKey, fastValue), (yamsKey, yamsValue)) in zip(fast.mapping ?? [:], yams.mapping ?? [:]) {
      #expect(fastKey.string == yamsKey.string)
      #expect(fastValue.bool == yamsValue.bool && fastValue.int == yamsValue.int && fastValue.null == yamsValue.null)
      #expect(try Yams.serialize(node: fastValue) == Yams.serialize(node: yamsValue))
    }
    #expect(throws: YamlError.self) { try BoundedYAML.composeWithTextKeys("title: a\ntitle: b", limits: .frontMatter) }
    let lesson = LessonTestSupport.parse("", frontMatter: "title: T\ndraft: yes\nenable: \"no\"")
    #expect(lesson.frontMatter.draft && lesson.frontMatter.enabled)
  }

  @Test("a front matter over 256 KB is refused at its first line")
  func oversized() {
    let huge = "title: Big\nfiller: \"" + String(repeating: "x", count: 300_000) + "\""
    let lesson = LessonTestSupport.parse("Text.\n", frontMatter: huge)
    let error = lesson.diagnostics.first { $0.severity == .error }
    #expect(error?.line == 2)
    #expect(error?.message.contains("at most 262144 bytes") == true, "\(lesson.diagnostics)")
  }

  @Test("YAML escapes for control characters (\\e, \\0) reach the model as pictures")
  func controlEscapes() {
    let lesson = LessonTestSupport.parse("", frontMatter: "title: \"red \\e[31m nul \\0 bell \\a\"\nquestions: [\"q\\x01\"]")
    #expect(lesson.frontMatter.title == "red ␛[31m nul ␀ bell ␇")
    #expect(lesson.frontMatter.questions == ["q␁"])
  }
}
