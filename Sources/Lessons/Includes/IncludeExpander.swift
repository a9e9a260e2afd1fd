import Foundation

/// Expands `{% snippet … %}` and `{% include … %}` lines before Markdown is parsed, as Jekyll does (Liquid runs
/// before kramdown), so the hands-on steps GTN keeps in FAQs and snippets appear in the lesson.
///
/// - An included file's Liquid (`{% if include.x %}`, `{{ include.x }}`, `{{ page.x }}`…) is rendered with the
///   tag's parameters (`LiquidTemplate`).
/// - A snippet with front matter (GTN's FAQs) becomes a box of its `box_type` (default `tip`; `none`: no box), titled
///   with its `title` (the tag's `box_type=` and `override_title=` win), its front matter not shown.
/// - Each line it becomes gets the blockquote markers and indentation before the tag, so a snippet inside a
///   hands-on box or a list item stays there.
/// - Includes nest up to `maximumDepth`; a file that includes itself (directly or not) is an error at the tag's
///   file and line; a missing file a warning there. `SourceMap` keeps every line's origin.
/// - Tags inside fenced code and `{% raw %}` are left alone (tutorials about GTN show them as code).
struct IncludeExpander {
  /// What expanding gives.
  struct Expansion {
    var text: String
    var map: SourceMap
    var diagnostics: [Diagnostic]
    /// Expanded lines holding a tag that was reported and left in place (the parser shows a note there without
    /// warning again).
    var reportedLines: Set<Int>
    /// The branch names of "choose your own tutorial" choices, whose `<div class="name">` blocks are labelled.
    var choices: Set<String>
  }

  static let maximumDepth = 8
  static let maximumLines = 200_000

  let files: IncludeFiles
  let scope: LiquidScope
  /// The lesson's budget, spent by every include read, the lines it adds and its Liquid.
  private(set) var budget: ExpansionBudget
  private var diagnostics: [Diagnostic] = []
  private var included: [String] = []
  private var lineCount = 0
  private var stoppedForSize = false
  private var choices: Set<String> = []

  init(files: IncludeFiles, scope: LiquidScope, budget: ExpansionBudget = ExpansionBudget()) {
    self.files = files
    self.scope = scope
    self.budget = budget
  }

  /// True when `text` may hold an include tag (a byte scan: most lessons have none).
  static func mayInclude(_ text: String) -> Bool {
    PreparedBody.tagNames(in: text) { $0 == "snippet" || $0 == "include" }
  }

  /// Expands the lesson body `text` of `file` (its front matter's lines left empty); `origins` gives each line's
  /// origin when the text is not the file's own (after Liquid dropped lines), else lines are `file`'s.
  static func expand(
    _ text: String, file: String, origins given: [SourceMap.Origin]? = nil, files: IncludeFiles, scope: LiquidScope,
    budget: ExpansionBudget = ExpansionBudget()
  ) -> Expansion {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let endsWithNewline = lines.last == ""
    if endsWithNewline { lines.removeLast() }
    let origins = lines.indices.map { index in
      given.flatMap { $0.indices.contains(index) ? $0[index] : nil } ?? SourceMap.Origin(file: file, line: index + 1)
    }
    var expander = IncludeExpander(files: files, scope: scope, budget: budget)
    var reported: [Bool] = []
    let (outLines, outOrigins) = expander.expand(
      lines: lines, origins: origins, scope: scope, stack: [file], reported: &reported)
    let map = SourceMap(origins: outOrigins, includedFiles: expander.included)
    let reportedLines = Set(reported.indices.filter { reported[$0] }.map { $0 + 1 })
    let joined = outLines.joined(separator: "\n") + (endsWithNewline ? "\n" : "")
    return Expansion(
      text: joined, map: map, diagnostics: expander.diagnostics, reportedLines: reportedLines, choices: expander.choices)
  }

  private mutating func expand(
    lines: [String], origins: [SourceMap.Origin], scope: LiquidScope, stack: [String], reported: inout [Bool]
  ) -> ([String], [SourceMap.Origin]) {
    var outLines: [String] = []
    var outOrigins: [SourceMap.Origin] = []
    var fence: Substring?
    var inRaw = false
    func keep(_ line: String, _ origin: SourceMap.Origin, reportedHere: Bool = false) {
      outLines.append(line)
      outOrigins.append(origin)
      reported.append(reportedHere)
    }
    var spannedUntil = -1
    for (index, original) in lines.enumerated() where index > spannedUntil {
      let origin = origins[index]
      var line = original
      let content = SourceLines.droppingQuoteMarkers(line[...])
      // A fence marker starts with ` or ~ (a Character past ASCII is left to the Character comparison).
      let first = content.utf8.first ?? 0
      let mayBeFence = first == UInt8(ascii: "`") || first == UInt8(ascii: "~") || first >= 0x80
      if let open = fence {
        if mayBeFence, content.hasPrefix(open) && content.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) {
          fence = nil
        }
        keep(line, origin)
        continue
      }
      if mayBeFence, content.hasPrefix("```") || content.hasPrefix("~~~") {
        fence = content.prefix(while: { $0 == content.first })
        keep(line, origin)
        continue
      }
      if inRaw {
        if line.contains("endraw") { inRaw = false }
        keep(line, origin)
        continue
      }
      // Raw tags, snippets and includes all start with `{%`: a line without one is kept as it is.
      guard line.containsBytes("{%") else {
        keep(line, origin)
        continue
      }
      if let open = line.firstRange(of: "{% raw %}") ?? line.firstRange(of: "{%raw%}") {
        inRaw = !line[open.upperBound...].contains("endraw")
        keep(line, origin)
        continue
      }
      if let spanning = IncludeTagLine.spanning(lines, at: index) {
        line = spanning.line
        spannedUntil = index + spanning.count - 1
      }
      guard !stoppedForSize else {
        keep(line, origin)
        continue
      }
      guard let tag = IncludeTagLine.parse(Substring(line), scope: scope) else {
        guard let inline = InlineIncludeTag.find(in: line, scope: scope), !ChooseYourOwnTutorial.isChoices(inline.tag.path)
        else {
          keep(line, origin)
          continue
        }
        if let included = include(inline.tag, origin: origin, scope: scope, stack: stack) {
          for text in Self.inline(inline, included) { keep(text, origin) }
        } else {
          keep(line, origin, reportedHere: true)
        }
        continue
      }
      if ChooseYourOwnTutorial.isChoices(tag.path) {
        for text in ChooseYourOwnTutorial.lines(tag.parameters) { keep(tag.prefix + text, origin) }
        choices.formUnion((1...10).compactMap { tag.parameters["option\($0)"] })
        continue
      }
      if let included = include(tag, origin: origin, scope: scope, stack: stack) {
        for (text, lineOrigin) in zip(included.lines, included.origins) { keep(text, lineOrigin) }
      } else {
        keep(line, origin, reportedHere: true)
      }
    }
    return (outLines, outOrigins)
  }

  /// The lines `tag` becomes, or nil when it cannot be expanded (a missing file, a cycle, too deep, too many lines:
  /// reported at `origin`).
  private mutating func include(_ tag: IncludeTagLine, origin: SourceMap.Origin, scope: LiquidScope, stack: [String])
    -> (lines: [String], origins: [SourceMap.Origin], isBox: Bool)?
  {
    let place = "{% \(tag.name) \(tag.path) %}"
    guard budget.spend(steps: ExpansionBudget.includeCost) else { return outOfBudget(origin, place) }
    switch files.load(tag.path) {
    case .failure(let failure):
      warn(origin, "\(place): \(failure.reason); shown as a note")
      return nil
    case .success(let file):
      if let cycle = stack.firstIndex(of: file.path) {
        let chain = (stack[cycle...] + [file.path]).map(Self.shortName).joined(separator: " → ")
        error(origin, "\(place): include cycle \(chain); left out")
        return nil
      }
      if stack.count > Self.maximumDepth {
        error(origin, "\(place): includes nested deeper than \(Self.maximumDepth) levels; left out")
        return nil
      }
      if !included.contains(file.path) { included.append(file.path) }
      let (contentLines, contentOrigins) = render(file, tag: tag, scope: scope, stack: stack)
      let wrapped = wrap(contentLines, contentOrigins, file: file, tag: tag, at: origin)
      lineCount += wrapped.lines.count
      guard budget.spend(bytes: wrapped.lines.reduce(0) { $0 + $1.utf8.count + 1 }) else {
        return outOfBudget(origin, place)
      }
      if lineCount > Self.maximumLines {
        stoppedForSize = true
        error(origin, "\(place): the includes add more than \(Self.maximumLines) lines; left out")
        return nil
      }
      return wrapped
    }
  }

  /// Stops expanding (every tag after is kept as written) with an error at the tag where the budget ran out.
  private mutating func outOfBudget(_ origin: SourceMap.Origin, _ place: String)
    -> (lines: [String], origins: [SourceMap.Origin], isBox: Bool)?
  {
    if !stoppedForSize { error(origin, "\(place): \(ExpansionBudget.message)") }
    stoppedForSize = true
    return nil
  }

  /// The lines an inline tag's line becomes: a one-line result in place, as Jekyll puts it; a longer one or a box as
  /// blocks between the text before and the text after (each kept when it has more than markers and spaces).
  private static func inline(_ inline: InlineIncludeTag, _ included: (lines: [String], origins: [SourceMap.Origin], isBox: Bool))
    -> [String]
  {
    let prefix = inline.tag.prefix
    let content = included.lines.map { $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : $0 }
    if !included.isBox, content.count == 1 { return [inline.before + content[0] + inline.after] }
    let blank = String(prefix.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
    var out: [String] = []
    if inline.before.count > prefix.count { out += [inline.before, blank] }
    out += included.lines
    if !inline.after.allSatisfy(\.isWhitespace) { out += [blank, prefix + inline.after.trimmingSpaces] }
    return out
  }

  /// The file's text with its Liquid rendered and its own includes expanded.
  private mutating func render(_ file: IncludeFiles.File, tag: IncludeTagLine, scope: LiquidScope, stack: [String])
    -> ([String], [SourceMap.Origin])
  {
    var inner = scope
    inner.include = tag.parameters
    inner.assigned = [:]
    let output = LiquidTemplate.render(file.body, scope: inner, budget: &budget)
    for problem in output.problems {
      let origin = SourceMap.Origin(file: file.path, line: problem.line)
      if problem.isError { error(origin, problem.message) } else { warn(origin, problem.message) }
    }
    let origins = output.origins.map { SourceMap.Origin(file: file.path, line: $0) }
    var ignored: [Bool] = []
    var (lines, lineOrigins) = expand(
      lines: output.lines, origins: origins, scope: inner, stack: stack + [file.path], reported: &ignored)
    // Blank lines around the content (the front matter's, the file's last) would end a box early.
    while let first = lines.first, first.allSatisfy(\.isWhitespace) {
      lines.removeFirst()
      lineOrigins.removeFirst()
    }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) {
      lines.removeLast()
      lineOrigins.removeLast()
    }
    return (lines, lineOrigins)
  }

  /// The content as a box when the snippet asks for one, every line given the tag's prefix. An `include` whose
  /// lines after the first already carry blockquote markers (GTN's older snippets, written for Jekyll, which inserts
  /// a file where the tag stands without prefixing its later lines) gets the prefix on its first line only.
  private func wrap(
    _ lines: [String], _ origins: [SourceMap.Origin], file: IncludeFiles.File, tag: IncludeTagLine,
    at origin: SourceMap.Origin
  ) -> (lines: [String], origins: [SourceMap.Origin], isBox: Bool) {
    let boxType = tag.parameters["box_type"] ?? file.boxType ?? (tag.name == "snippet" && file.hasFrontMatter ? "tip" : nil)
    let prefix = tag.prefix
    guard let boxType, boxType != "none", Self.isPlainName(boxType) else {
      if tag.name == "include", prefix.contains(">"), lines.count > 1,
        lines.dropFirst().allSatisfy({ $0.isEmpty || $0.hasPrefix(">") })
      {
        return ([prefix + lines[0]] + lines.dropFirst(), origins, false)
      }
      return (lines.map { prefix + $0 }, origins, false)
    }
    let title = Self.escaped(tag.parameters["override_title"] ?? file.title ?? "")
    var out = [prefix + "> <\(boxType)-title>\(title)</\(boxType)-title>", prefix + ">"]
    out += lines.map { $0.isEmpty ? prefix + ">" : prefix + "> " + $0 }
    out.append(prefix + "{: .\(boxType)}")
    // A blank line (in the same box or list item) ends the box: a box right after it is a box of its own.
    out.append(String(prefix.reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed()))
    return (out, [origin, origin] + origins + [origin, origin], true)
  }

  private static func isPlainName(_ name: String) -> Bool {
    !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
  }

  private static func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;")
  }

  private static func shortName(_ path: String) -> String {
    path.split(separator: "/").suffix(2).joined(separator: "/")
  }

  private mutating func warn(_ origin: SourceMap.Origin, _ message: String) {
    diagnostics.append(Diagnostic(.warning, file: origin.file, line: origin.line, message))
  }

  private mutating func error(_ origin: SourceMap.Origin, _ message: String) {
    diagnostics.append(Diagnostic(.error, file: origin.file, line: origin.line, message))
  }
}
