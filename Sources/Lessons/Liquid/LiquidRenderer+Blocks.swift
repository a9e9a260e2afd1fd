import Foundation

/// `{% case %}`/`{% when %}`, `{% capture %}` and `{% for %}` for `Renderer`: the block tags GTN's includes use
/// beyond `if`/`unless`.
extension Renderer {
  /// `{% case x %}` opens a block whose `{% when a, b %}` branches (and `{% else %}`) compare with x.
  mutating func caseTag(_ name: String, arguments: Substring, line: Int) {
    if name == "case" {
      let subject = value(of: arguments, line: line)
      blocks.append(Block(kind: "case", line: line, parentActive: active, taken: false, active: false, subject: subject))
      return
    }
    guard var block = blocks.popLast(), block.kind == "case" else { return stray(name, line: line) }
    let candidates = LiquidExpression.tokens(arguments).filter { $0 != "or" && $0 != "," }
      .map { LiquidExpression.operand($0.hasSuffix(",") ? String($0.dropLast()) : $0, scope: scope) }
    let truth = !block.taken && block.parentActive && candidates.contains { LiquidExpression.equal(block.subject, $0) }
    block.active = truth
    block.taken = block.taken || truth
    blocks.append(block)
  }

  /// `{% capture name %}…{% endcapture %}` sets `name` to the text between, which is not output.
  mutating func captureTag(_ name: String, arguments: Substring, line: Int) {
    if name == "capture" {
      let variable = arguments.split(whereSeparator: \.isWhitespace).first.map(String.init) ?? ""
      captures.append(Capture(name: variable, text: active ? "" : nil, line: line))
    } else {
      guard let capture = captures.popLast() else { return stray(name, line: line) }
      if let text = capture.text, !capture.name.isEmpty { scope.assigned[capture.name] = .text(text) }
    }
  }

  /// `{% for x in list %}` (a list, `(1..n)`, with `limit:`, `offset:`, `reversed`): its body is recorded up to the
  /// matching `{% endfor %}`, then rendered once per item.
  mutating func startLoop(_ arguments: Substring, line: Int) {
    let words = LiquidExpression.tokens(arguments)
    guard words.count >= 3, words[1] == "in" else {
      output.problems.append(.init(line: line, message: "{% for \(arguments) %} is not 'for name in list'; left out", isError: false))
      loop = Loop(variable: "", items: [], line: line, active: false)
      return
    }
    var items: [LiquidValue] = []
    if active {
      items = collection(words[2])
      for word in words.dropFirst(3) {
        if word == "reversed" { items.reverse() }
        if word.hasPrefix("offset:"), let count = Int(LiquidExpression.operand(String(word.dropFirst(7)), scope: scope).rendered) {
          items = Array(items.dropFirst(max(0, count)))
        }
        if word.hasPrefix("limit:"), let count = Int(LiquidExpression.operand(String(word.dropFirst(6)), scope: scope).rendered) {
          items = Array(items.prefix(max(0, count)))
        }
      }
    }
    loop = Loop(variable: words[0], items: Array(items.prefix(Self.maximumIterations)), line: line, active: active)
  }

  /// The items of `(a..b)` or of a value.
  private func collection(_ word: String) -> [LiquidValue] {
    if word.hasPrefix("("), word.hasSuffix(")"), let dots = word.range(of: "..") {
      let low = Int(LiquidExpression.operand(String(word[word.index(after: word.startIndex)..<dots.lowerBound]), scope: scope).rendered)
      let high = Int(LiquidExpression.operand(String(word[dots.upperBound..<word.index(before: word.endIndex)]), scope: scope).rendered)
      guard let low, let high, low <= high else { return [] }
      return (low...min(high, low + Self.maximumIterations)).map { .text(String($0)) }
    }
    return LiquidExpression.operand(word, scope: scope).items
  }

  /// Records `piece` into the open loop (true), renders the loop at its `{% endfor %}`; false when no loop is open.
  mutating func record(_ piece: LiquidPiece, line: Int) -> Bool {
    guard loop != nil else { return false }
    if case .tag(let name, _, _) = piece, raw == nil {
      if name == "for" { loop!.nesting += 1 }
      if name == "endfor" {
        if loop!.nesting == 0 {
          let finished = loop!
          loop = nil
          replay(finished)
          return true
        }
        loop!.nesting -= 1
      }
    }
    loop!.events.append(.piece(piece, line: line))
    return true
  }

  private mutating func replay(_ loop: Loop) {
    guard loop.active else { return }
    let names = [loop.variable, "forloop.index", "forloop.index0", "forloop.first", "forloop.last", "forloop.length"]
    let saved = names.map { scope.assigned[$0] }
    for (index, item) in loop.items.enumerated() where !budget.exhausted {
      scope.assigned[loop.variable] = item
      scope.assigned["forloop.index"] = .text(String(index + 1))
      scope.assigned["forloop.index0"] = .text(String(index))
      scope.assigned["forloop.first"] = .bool(index == 0)
      scope.assigned["forloop.last"] = .bool(index == loop.items.count - 1)
      scope.assigned["forloop.length"] = .text(String(loop.items.count))
      for event in loop.events where !budget.exhausted {
        switch event {
        case .piece(let piece, let line): feed(piece, line: line)
        case .lineEnd(let line, let controlOnly, let hasCapture):
          feedLineEnd(line: line, controlOnly: controlOnly, hasCapture: hasCapture)
        }
      }
    }
    for (name, value) in zip(names, saved) { scope.assigned[name] = value }
  }
}
