/// The state of `LiquidTemplate.render` as it walks the lines: open blocks, the output line being built.
struct Renderer {
  private struct Block {
    var kind: String
    var line: Int
    var parentActive: Bool
    var taken: Bool
    var active: Bool
  }

  private var scope: LiquidScope
  private var blocks: [Block] = []
  private var output = LiquidTemplate.Output()
  private var current: String?
  private var currentOrigin = 0
  private var commentLine: Int?
  /// Inside `{% raw %}…{% endraw %}`: its line, and whether its text is output (false inside a false `if`).
  private var raw: (line: Int, emits: Bool)?

  init(scope: LiquidScope) {
    self.scope = scope
  }

  private var active: Bool { commentLine == nil && (blocks.last?.active ?? true) }

  mutating func process(_ line: Substring, number: Int) {
    let pieces = LiquidPiece.split(line)
    // A line of control tags and spaces only (an empty line is not one: it separates Markdown blocks).
    var controlOnly = raw == nil && pieces.contains { piece in
      if case .tag(let name, _, _) = piece { return LiquidPiece.controlTags.contains(name) }
      return false
    }
    for piece in pieces {
      switch piece {
      case .text(let text):
        if !text.allSatisfy(\.isWhitespace) { controlOnly = false }
      case .tag(let name, _, _):
        if !LiquidPiece.controlTags.contains(name) || raw != nil { controlOnly = false }
      case .output:
        controlOnly = false
      }
    }
    for piece in pieces {
      if controlOnly, case .text = piece { continue }  // the indentation of a tag-only line goes with it
      handle(piece, line: number)
    }
    if !controlOnly && active { endLine(origin: number) }
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
    case "endif", "endunless":
      guard let block = blocks.last, block.kind == String(name.dropFirst(3)) else { return stray(name, line: line) }
      blocks.removeLast()
    case "comment":
      if active { commentLine = line }
    case "assign":
      if active { assign(arguments) }
    case "raw":
      raw = (line, active)
      if active { append(source, origin: line) }
    default:
      if active { append(source, origin: line) }
    }
  }

  private mutating func stray(_ name: String, line: Int) {
    output.problems.append(.init(line: line, message: "{% \(name) %} has no open block to close; ignored", isError: false))
  }

  private mutating func assign(_ arguments: Substring) {
    guard let equals = arguments.firstIndex(of: "=") else { return }
    let name = String(arguments[..<equals].trimmingSpaces)
    let value = arguments[arguments.index(after: equals)...].trimmingSpaces
    scope.assigned[name] = LiquidExpression.operand(String(value), scope: scope)
  }

  /// `{{ name }}` or `{{ name | default: "x" }}`; names the scope does not own are left as written.
  private mutating func evaluate(_ expression: Substring, source: Substring, line: Int) -> Substring {
    let parts = expression.split(separator: "|", omittingEmptySubsequences: false).map(\.trimmingSpaces)
    guard let head = parts.first.map(String.init), !head.isEmpty else { return source }
    let isLiteral = head.first == "\"" || head.first == "'"
    var value: LiquidValue
    if isLiteral {
      value = LiquidExpression.operand(head, scope: scope)
    } else if let known = scope.lookup(head) {
      value = known
    } else if scope.owns(head) {
      value = .none
    } else {
      return source
    }
    for filter in parts.dropFirst() {
      let name = filter.prefix(while: { $0 != ":" }).trimmingSpaces
      let argument = filter.drop(while: { $0 != ":" }).dropFirst().trimmingSpaces
      switch name {
      case "default":
        if !value.isTruthy || value == .text("") { value = LiquidExpression.operand(String(argument), scope: scope) }
      case "upcase": value = .text(value.rendered.uppercased())
      case "downcase": value = .text(value.rendered.lowercased())
      case "strip": value = .text(String(value.rendered.trimmingSpaces))
      default:
        output.problems.append(.init(line: line, message: "Liquid filter '\(name)' is not supported; ignored", isError: false))
      }
    }
    return Substring(value.rendered)
  }

  private mutating func append(_ text: Substring, origin: Int) {
    if current == nil {
      current = ""
      currentOrigin = origin
    }
    current! += text
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
    for block in blocks {
      output.problems.append(
        .init(line: block.line, message: "{% \(block.kind) %} is never closed with {% end\(block.kind) %}", isError: false))
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
