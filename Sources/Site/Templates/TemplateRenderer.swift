import Lessons
import Mustache

/// Renders the templates of a `TemplateProgram` into one byte buffer, with exactly swift-mustache's output for the
/// values the site's contexts hold: `String`, `Bool`, `Int`, `[String: Any]`, `[String: String]` and arrays of these.
///
/// swift-mustache resolves every `{{name}}` through the Swift runtime's protocol casts (is it a lambda, a custom
/// renderable, a parent, an optional?), splits the name at its dots and builds a `String` per token; on a lesson
/// page that was most of the rendering's CPU. Here names were split when the templates were loaded, the context's
/// values are told apart by concrete casts (`TemplateValue`), and the page is written into one buffer. A value of any other type (which might be a lambda, a
/// custom renderable, an optional) throws `Unsupported`, and `TemplateSet` renders that page with the library.
struct TemplateRenderer {
  /// A value or template the renderer cannot render as swift-mustache would.
  struct Unsupported: Error {}

  /// The compiled templates.
  let program: TemplateProgram
  private(set) var output: [UInt8] = []
  /// The context stack: the page's context, then the objects of the sections entered, each told apart once, when
  /// pushed (a name looked up through the stack asks every object it passes for a child).
  private var stack: [TemplateValue.Classified] = []
  /// How many context values were told apart: each object once, when it is pushed or found, never again for each
  /// name looked up through it (`TemplateRendererTests` counts them).
  private(set) var valuesClassified = 0

  init(program: TemplateProgram, capacity: Int) {
    self.program = program
    output.reserveCapacity(capacity)
  }

  /// Appends the template `name` rendered with `context` to the output.
  mutating func render(_ name: String, context: Any) throws(Unsupported) {
    guard let template = program.index[name] else { throw Unsupported() }
    stack.append(try classify(context))
    defer { stack.removeLast() }
    // Before its first pragma a template escapes as the library's HTML content type, which is not reproduced (-1).
    try render(program.templates[template], escaping: -1, indentation: nil)
  }

  /// One template's tokens (`operations`), as `MustacheTemplate.render(context:)` does them: a partial's
  /// `indentation` is put before each token's non-empty output that starts a line of this template's output.
  private mutating func render(_ operations: Range<Int>, escaping: Int, indentation: String?) throws(Unsupported) {
    var escaping = escaping
    var at = operations.lowerBound
    guard let indentation, !indentation.isEmpty else {
      while at < operations.upperBound { at = try render(at, escaping: &escaping, indentation: indentation) }
      return
    }
    let start = output.count
    while at < operations.upperBound {
      let lineStart = endsWithLineFeed(from: start)
      let before = output.count
      at = try render(at, escaping: &escaping, indentation: indentation)
      if lineStart && output.count > before { output.insert(contentsOf: indentation.utf8, at: before) }
    }
  }

  /// Whether the output from `start` ends with a line feed as its last `Character` (not the CR LF pair).
  private func endsWithLineFeed(from start: Int) -> Bool {
    let count = output.count - start
    guard count > 0, output[output.count - 1] == UInt8(ascii: "\n") else { return false }
    return count == 1 || output[output.count - 2] != UInt8(ascii: "\r")
  }

  /// Renders the operation at `at`; returns the next operation's index (after a section's body).
  private mutating func render(_ at: Int, escaping: inout Int, indentation: String?) throws(Unsupported) -> Int {
    switch program.operations[at] {
    case .text(let start, let count):
      output.append(contentsOf: UnsafeBufferPointer(rebasing: program.text[start..<(start + count)]))
    case .variable(let name, let escaped):
      guard let value = try lookUp(name) else { return at + 1 }
      if case .html(let bytes) = value.kind, !escaped {
        output += bytes
        return at + 1
      }
      let text = try value.kind.text(describing: value.value)
      guard escaped else {
        output += text.utf8
        return at + 1
      }
      guard escaping >= 0 else { throw Unsupported() }
      switch program.escapings[escaping] {
      case .lessons: MarkupEscaping.escape(text, into: &output)
      case .other(let contentType): output += contentType.escapeText(text).utf8
      }
    case .section(let name, let end, let inverted):
      let value = try lookUp(name)
      try section(value, body: (at + 1)..<end, inverted: inverted, escaping: escaping, indentation: indentation)
      return end
    case .partial(let template, let indented):
      // A partial the library does not have renders as nothing; one it has but that did not compile is its job.
      guard template >= 0 else {
        if template == -1 { throw Unsupported() }
        return at + 1
      }
      let indentation = indented < 0 ? indentation : (indentation ?? "") + program.indentations[indented]
      try render(program.templates[template], escaping: -1, indentation: indentation)
    case .contentType(let contentType):
      escaping = contentType
    }
    return at + 1
  }

  /// A section (`{{#name}}`) or inverted section (`{{^name}}`) over `value`, as the library renders them: a list
  /// renders once per item (an inverted one when empty), a Bool decides, any other value is entered, nil is false.
  private mutating func section(
    _ value: TemplateValue.Classified?, body: Range<Int>, inverted: Bool, escaping: Int, indentation: String?
  ) throws(Unsupported) {
    guard let value else {
      if inverted { try render(body, escaping: escaping, indentation: indentation) }
      return
    }
    switch value.kind {
    case .flag(let flag):
      if flag != inverted { try render(body, escaping: escaping, indentation: indentation) }
    case .list(let list):
      if inverted {
        guard list.isEmpty else { return }
        try entering(value, body, escaping: escaping, indentation: indentation)
        return
      }
      for index in 0..<list.count {
        try entering(classify(list[index]), body, escaping: escaping, indentation: indentation)
      }
    case .text, .number, .dictionary, .strings, .html, .layout:
      if !inverted { try entering(value, body, escaping: escaping, indentation: indentation) }
    }
  }

  /// A section's `body` rendered with `value` pushed on the context stack.
  private mutating func entering(
    _ value: TemplateValue.Classified, _ body: Range<Int>, escaping: Int, indentation: String?
  ) throws(Unsupported) {
    stack.append(value)
    defer { stack.removeLast() }
    try render(body, escaping: escaping, indentation: indentation)
  }

  /// `value` with its kind.
  private mutating func classify(_ value: Any) throws(Unsupported) -> TemplateValue.Classified {
    valuesClassified += 1
    return try TemplateValue.Classified(value)
  }

  /// The value the name `index` (in the program's names) resolves to, as `MustacheTemplate.getChild` finds it.
  private mutating func lookUp(_ index: Int) throws(Unsupported) -> TemplateValue.Classified? {
    let name = program.names[index]
    let components = name.start..<(name.start + name.count)
    switch name.scope {
    case .current:
      return stack.last
    case .top:
      guard let top = stack.last else { return nil }
      return try descend(from: top, components)
    case .stack:
      guard !components.isEmpty else { return stack.last }
      let first = program.components[name.start]
      for index in stack.indices.reversed() {
        guard let child = stack[index].kind.child(first) else { continue }
        return try descend(from: classify(child), components.dropFirst())
      }
      return nil
    }
  }

  /// The object `components` lead to from `object`, each told apart once on the way.
  private mutating func descend(
    from object: TemplateValue.Classified, _ components: Range<Int>
  ) throws(Unsupported) -> TemplateValue.Classified? {
    var object = object
    for component in components {
      guard let child = object.kind.child(program.components[component]) else { return nil }
      object = try classify(child)
    }
    return object
  }
}
