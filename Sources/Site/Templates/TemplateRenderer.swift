import Lessons
import Mustache

/// Renders `CompiledTemplate`s into one byte buffer, with exactly swift-mustache's output for the values the site's
/// contexts hold: `String`, `Bool`, `Int`, `[String: Any]`, `[String: String]` and arrays of these.
///
/// swift-mustache resolves every `{{name}}` through the Swift runtime's protocol casts (is it a lambda, a custom
/// renderable, a parent, an optional?), splits the name at its dots and builds a `String` per token; on a lesson
/// page that was most of the rendering's CPU. Here names are split once, the context's values are told apart by
/// concrete casts, and the page is written into one buffer. A value of any other type (which might be a lambda, a
/// custom renderable, an optional) throws `Unsupported`, and `TemplateSet` renders that page with the library.
struct TemplateRenderer {
  /// A value or template the renderer cannot render as swift-mustache would.
  struct Unsupported: Error {}

  /// The compiled templates, by name.
  let templates: [String: CompiledTemplate]
  /// Every template the library knows (a partial the library has but that did not compile is unsupported).
  let names: Set<String>
  private(set) var output: [UInt8] = []
  /// The context stack: the page's context, then the objects of the sections entered.
  private var stack: [Any] = []

  init(templates: [String: CompiledTemplate], names: Set<String>, capacity: Int) {
    self.templates = templates
    self.names = names
    output.reserveCapacity(capacity)
  }

  /// Appends `template` rendered with `context` to the output.
  mutating func render(_ template: CompiledTemplate, context: Any) throws(Unsupported) {
    stack.append(context)
    defer { stack.removeLast() }
    // Before its first pragma a template escapes as the library's HTML content type, which is not reproduced.
    try render(template, escaping: nil, indentation: nil)
  }

  /// One template's tokens, as `MustacheTemplate.render(context:)` does them: a partial's `indentation` is put
  /// before each token's non-empty output that starts a line of this template's output.
  private mutating func render(
    _ template: CompiledTemplate, escaping: CompiledTemplate.Escaping?, indentation: String?
  ) throws(Unsupported) {
    var escaping = escaping
    guard let indentation, !indentation.isEmpty else {
      for node in template.nodes { try render(node, escaping: &escaping, indentation: indentation) }
      return
    }
    let start = output.count
    for node in template.nodes {
      let lineStart = endsWithLineFeed(from: start)
      let before = output.count
      try render(node, escaping: &escaping, indentation: indentation)
      if lineStart && output.count > before { output.insert(contentsOf: indentation.utf8, at: before) }
    }
  }

  /// Whether the output from `start` ends with a line feed as its last `Character` (not the CR LF pair).
  private func endsWithLineFeed(from start: Int) -> Bool {
    let count = output.count - start
    guard count > 0, output[output.count - 1] == UInt8(ascii: "\n") else { return false }
    return count == 1 || output[output.count - 2] != UInt8(ascii: "\r")
  }

  private mutating func render(
    _ node: CompiledTemplate.Node, escaping: inout CompiledTemplate.Escaping?, indentation: String?
  ) throws(Unsupported) {
    switch node {
    case .text(let bytes):
      output += bytes
    case .variable(let name, let escaped):
      guard let value = try lookUp(name) else { return }
      let kind = try TemplateValue(value)
      if case .html(let bytes) = kind, !escaped {
        output += bytes
        return
      }
      let text = try kind.text(describing: value)
      guard escaped else {
        output += text.utf8
        return
      }
      switch escaping {
      case .lessons: MarkupEscaping.escape(text, into: &output)
      case .other(let contentType): output += contentType.escapeText(text).utf8
      case nil: throw Unsupported()
      }
    case .section(let name, let template, let inverted):
      try section(try lookUp(name), template: template, inverted: inverted, escaping: escaping, indentation: indentation)
    case .partial(let name, let indented):
      guard let template = templates[name] else {
        // A partial the library does not have renders as nothing; one it has but that did not compile is its job.
        if names.contains(name) { throw Unsupported() }
        return
      }
      let indentation = indented.map { (indentation ?? "") + $0 } ?? indentation
      try render(template, escaping: nil, indentation: indentation)
    case .contentType(let contentType):
      escaping = contentType
    }
  }

  /// A section (`{{#name}}`) or inverted section (`{{^name}}`) over `value`, as the library renders them: a list
  /// renders once per item (an inverted one when empty), a Bool decides, any other value is entered, nil is false.
  private mutating func section(
    _ value: Any?, template: CompiledTemplate, inverted: Bool, escaping: CompiledTemplate.Escaping?, indentation: String?
  ) throws(Unsupported) {
    guard let value else {
      if inverted { try render(template, escaping: escaping, indentation: indentation) }
      return
    }
    switch try TemplateValue(value) {
    case .flag(let flag):
      if flag != inverted { try render(template, escaping: escaping, indentation: indentation) }
    case .list(let list):
      if inverted {
        guard list.isEmpty else { return }
        try entering(value, template, escaping: escaping, indentation: indentation)
        return
      }
      for index in 0..<list.count {
        try entering(list[index], template, escaping: escaping, indentation: indentation)
      }
    case .text, .number, .dictionary, .strings, .html, .layout:
      if !inverted { try entering(value, template, escaping: escaping, indentation: indentation) }
    }
  }

  /// `template` rendered with `value` pushed on the context stack.
  private mutating func entering(
    _ value: Any, _ template: CompiledTemplate, escaping: CompiledTemplate.Escaping?, indentation: String?
  ) throws(Unsupported) {
    stack.append(value)
    defer { stack.removeLast() }
    try render(template, escaping: escaping, indentation: indentation)
  }

  /// The value `name` resolves to, as `MustacheTemplate.getChild` finds it.
  private func lookUp(_ name: CompiledTemplate.Name) throws(Unsupported) -> Any? {
    switch name.scope {
    case .current:
      return stack.last
    case .top:
      guard let top = stack.last else { return nil }
      return try descend(from: top, name.components[...])
    case .stack:
      guard let first = name.components.first else { return stack.last }
      for object in stack.reversed() {
        if let child = try TemplateValue(object).child(first) { return try descend(from: child, name.components.dropFirst()) }
      }
      return nil
    }
  }

  private func descend(from object: Any, _ components: ArraySlice<String>) throws(Unsupported) -> Any? {
    var object = object
    for component in components {
      guard let child = try TemplateValue(object).child(component) else { return nil }
      object = child
    }
    return object
  }
}
