/// The state of `LiquidTemplate.render` as it walks the lines: open blocks, captures and loops, the output line
/// being built.
struct Renderer {
  struct Block {
    var kind: String
    var line: Int
    var parentActive: Bool
    var taken: Bool
    var active: Bool
    /// `{% case x %}`: the value its `{% when %}`s compare with.
    var subject: LiquidValue = .none
  }

  /// An open `{% capture name %}`: the text it has gathered (nil when it lies in a false branch).
  struct Capture {
    var name: String
    var text: String?
    var line: Int
  }

  /// An open `{% for %}` whose body is being recorded, to be rendered once per item at its `{% endfor %}`.
  struct Loop {
    enum Event {
      case piece(LiquidPiece, line: Int)
      case lineEnd(line: Int, controlOnly: Bool, hasCapture: Bool)
    }
    var variable: String
    var items: [LiquidValue]
    var line: Int
    var active: Bool
    var nesting = 0
    var events: [Event] = []
  }

  /// The most items a `{% for %}` renders (a longer list is cut there).
  static let maximumIterations = 1_000

  var scope: LiquidScope
  /// The lesson's budget: spent by every piece fed (a loop's body once per item) and every byte made.
  var budget: ExpansionBudget
  /// Set once the budget ran out and that was reported: every piece after is dropped.
  private var stopped = false
  var blocks: [Block] = []
  var output = LiquidTemplate.Output()
  private var current: String?
  private var currentOrigin = 0
  var commentLine: Int?
  /// Inside `{% raw %}…{% endraw %}`: its line, and whether its text is output (false inside a false `if`).
  var raw: (line: Int, emits: Bool)?
  var captures: [Capture] = []
  var loop: Loop?
  /// Whether the line being processed has put text on the output line.
  private var wroteOnLine = false

  init(scope: LiquidScope, budget: ExpansionBudget = ExpansionBudget()) {
    self.scope = scope
    self.budget = budget
  }

  var active: Bool { commentLine == nil && (blocks.last?.active ?? true) }

  mutating func process(_ line: Substring, number: Int) {
    let pieces = LiquidPiece.split(line)
    // A line of control tags and spaces only (an empty line is not one: it separates Markdown blocks).
    var controlOnly = raw == nil && pieces.contains { piece in
      if case .tag(let name, _, _) = piece { return LiquidPiece.controlTags.contains(name) }
      return false
    }
    var hasCapture = false
    for piece in pieces {
      switch piece {
      case .text(let text):
        if !text.allSatisfy(\.isWhitespace) { controlOnly = false }
      case .tag(let name, _, _):
        if !LiquidPiece.controlTags.contains(name) || raw != nil { controlOnly = false }
        if name == "capture" || name == "endcapture" { hasCapture = true }
      case .output:
        controlOnly = false
      }
    }
    for piece in pieces {
      if controlOnly, case .text = piece { continue }  // the indentation of a tag-only line goes with it
      feed(piece, line: number)
    }
    feedLineEnd(line: number, controlOnly: controlOnly, hasCapture: hasCapture)
  }

  /// One piece: recorded when a loop is open, else rendered.
  mutating func feed(_ piece: LiquidPiece, line: Int) {
    guard spend(steps: 1, line: line) else { return }
    if record(piece, line: line) { return }
    handle(piece, line: line)
  }

  /// The end of a source line: recorded when a loop is open, else the output line is ended (unless the line only
  /// set captures and printed nothing).
  mutating func feedLineEnd(line: Int, controlOnly: Bool, hasCapture: Bool) {
    guard spend(steps: 1, line: line) else { return }
    if loop != nil {
      loop!.events.append(.lineEnd(line: line, controlOnly: controlOnly, hasCapture: hasCapture))
      return
    }
    defer { wroteOnLine = false }
    guard !controlOnly, active, !(hasCapture && !wroteOnLine) else { return }
    if !captures.isEmpty {
      if captures[captures.count - 1].text != nil { captures[captures.count - 1].text! += "\n" }
      return
    }
    endLine(origin: line)
  }

  private mutating func handle(_ piece: LiquidPiece, line: Int) {
    if let open = raw {
      switch piece {
      case .text(let text): if open.emits { append(text, origin: line) }
      case .output(_, let source): if open.emits { append(source, origin: line) }
      case .tag(let name, _, let source):
        if open.emits { append(source, origin: line) }
        if name == "endraw" { raw = nil }
      }
      return
    }
    switch piece {
    case .text(let text):
      if active { append(text, origin: line) }
    case .output(let expression, let source):
      if active { append(evaluate(expression, source: source, line: line), origin: line) }
    case .tag(let name, let arguments, let source):
      tag(name, arguments: arguments, source: source, line: line)
    }
  }

  private mutating func tag(_ name: String, arguments: Substring, source: Substring, line: Int) {
    if commentLine != nil {
      if name == "endcomment" { commentLine = nil }
      return
    }
    switch name {
    case "if", "unless":
      let parent = active
      let truth = parent && LiquidExpression.condition(arguments, scope: scope) == (name == "if")
      blocks.append(Block(kind: name, line: line, parentActive: parent, taken: truth, active: truth))
    case "elsif":
      guard var block = blocks.popLast(), block.kind == "if" else { return stray(name, line: line) }
      let truth = !block.taken && block.parentActive && LiquidExpression.condition(arguments, scope: scope)
      block.active = truth
      block.taken = block.taken || truth
      blocks.append(block)
    case "else":
      guard var block = blocks.popLast() else { return stray(name, line: line) }
      block.active = block.parentActive && !block.taken
      block.taken = true
      blocks.append(block)
    case "endif", "endunless", "endcase":
      guard let block = blocks.last, block.kind == String(name.dropFirst(3)) else { return stray(name, line: line) }
      blocks.removeLast()
    case "case", "when":
      caseTag(name, arguments: arguments, line: line)
    case "capture", "endcapture":
      captureTag(name, arguments: arguments, line: line)
    case "for":
      startLoop(arguments, line: line)
    case "endfor", "break", "continue":
      if name == "endfor" { stray(name, line: line) }
    case "comment":
      if active { commentLine = line }
    case "assign":
      if active { assign(arguments, line: line) }
    case "raw":
      raw = (line, active)
      if active { append(source, origin: line) }
    default:
      if active { append(source, origin: line) }
    }
  }

  mutating func stray(_ name: String, line: Int) {
    output.problems.append(.init(line: line, message: "{% \(name) %} has no open block to close; ignored", isError: false))
  }

  private mutating func assign(_ arguments: Substring, line: Int) {
    guard let equals = arguments.firstIndex(of: "=") else { return }
    let name = String(arguments[..<equals].trimmingSpaces)
    scope.assigned[name] = value(of: arguments[arguments.index(after: equals)...], line: line, warnsOfUnknownFilters: false)
  }

  /// `{{ name }}` or `{{ name | filter: arguments | … }}`; names the scope does not own are left as written.
  private mutating func evaluate(_ expression: Substring, source: Substring, line: Int) -> Substring {
    let head = expression.split(separator: "|", maxSplits: 1).first.map { String($0.trimmingSpaces) } ?? ""
    guard !head.isEmpty else { return source }
    let isLiteral = head.first == "\"" || head.first == "'" || head.first?.isNumber == true
    guard isLiteral || scope.lookup(head) != nil || scope.owns(head) else { return source }
    return Substring(value(of: expression, line: line).rendered)
  }

  /// The value of `head | filter: arguments | …`; nothing once the budget runs out (a filter whose result could
  /// cross it is not applied: `replace` can multiply a text's size by its replacement's).
  mutating func value(of expression: Substring, line: Int, warnsOfUnknownFilters: Bool = true) -> LiquidValue {
    let parts = expression.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmingSpaces)
    var value = LiquidExpression.operand(String(parts.first ?? ""), scope: scope)
    for filter in parts.dropFirst() {
      let name = String(filter.prefix(while: { $0 != ":" }).trimmingSpaces)
      let arguments = LiquidFilters.arguments(filter.drop(while: { $0 != ":" }).dropFirst(), scope: scope)
      guard spend(bytes: LiquidFilters.resultBound(name, of: value, arguments: arguments), line: line) else { return .none }
      if let filtered = LiquidFilters.apply(name, to: value, arguments: arguments) {
        value = filtered
      } else if warnsOfUnknownFilters {
        output.problems.append(.init(line: line, message: "Liquid filter '\(name)' is not supported; ignored", isError: false))
      }
    }
    return value
  }

  mutating func append(_ text: Substring, origin: Int) {
    guard spend(bytes: text.utf8.count, line: origin) else { return }
    if !captures.isEmpty {
      if captures[captures.count - 1].text != nil { captures[captures.count - 1].text! += text }
      return
    }
    if current == nil {
      current = ""
      currentOrigin = origin
    }
    current! += text
    wroteOnLine = true
  }

  /// Spends from the budget; when it runs out, reports it once at `line` and returns false from then on.
  mutating func spend(steps: Int = 0, bytes: Int = 0, line: Int) -> Bool {
    if budget.spend(steps: steps, bytes: bytes) { return true }
    if !stopped {
      stopped = true
      output.problems.append(.init(line: line, message: ExpansionBudget.message, isError: true))
    }
    return false
  }

  private mutating func endLine(origin: Int) {
    if current == nil { currentOrigin = origin }
    output.lines.append(current ?? "")
    output.origins.append(currentOrigin)
    current = nil
  }

  mutating func finish() -> LiquidTemplate.Output {
    if let current {
      output.lines.append(current)
      output.origins.append(currentOrigin)
    }
    var unclosed = blocks.map { ($0.line, $0.kind) } + captures.map { ($0.line, "capture") }
    if let loop { unclosed.append((loop.line, "for")) }
    for (line, kind) in unclosed {
      output.problems.append(.init(line: line, message: "{% \(kind) %} is never closed with {% end\(kind) %}", isError: false))
    }
    if let commentLine {
      output.problems.append(.init(line: commentLine, message: "{% comment %} is never closed", isError: false))
    }
    if let raw {
      output.problems.append(.init(line: raw.line, message: "{% raw %} is never closed", isError: false))
    }
    return output
  }
}
