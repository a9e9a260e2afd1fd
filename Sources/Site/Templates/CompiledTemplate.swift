import Mustache

/// A template as `TemplateRenderer` walks it: swift-mustache's own parse of the template, read once when the
/// templates are loaded, so that the parsing rules (standalone lines, partial indentation, delimiters, pragmas) stay
/// the library's.
///
/// swift-mustache keeps its tokens internal; they are read through `Mirror`. Only the constructs the renderer
/// reproduces exactly are taken: text, `{{name}}`, `{{{name}}}`, sections and inverted sections, partials without
/// inheritance and content-type pragmas, all without transforms. Anything else (inheritance blocks, dynamic partial
/// names, `{{uppercased(name)}}`), or tokens shaped unlike the library version this was written against, makes
/// `init` fail, and such a template is rendered by swift-mustache itself.
struct CompiledTemplate: Sendable {
  /// How `{{…}}` escapes: the site's own escaping (`TemplateEscaping`, on bytes) or another registered content type.
  enum Escaping: Sendable {
    case lessons
    case other(any MustacheContentType)
  }

  /// Where a name is looked up, as swift-mustache resolves it.
  struct Name: Sendable {
    enum Scope: Sendable {
      /// `.`: the object on top of the context stack.
      case current
      /// `.a.b`: from the object on top of the stack only.
      case top
      /// `a.b`: `a` from the innermost object of the stack that has it.
      case stack
    }

    var scope: Scope
    /// The name split at its dots (empty components dropped, as the library does).
    var components: [String]

    init(_ name: String) {
      components = name.split(separator: ".").map(String.init)
      scope = name == "." ? .current : name.first == "." ? .top : .stack
    }
  }

  indirect enum Node: Sendable {
    case text([UInt8])
    case variable(Name, escaped: Bool)
    case section(Name, CompiledTemplate, inverted: Bool)
    case partial(String, indentation: String?)
    case contentType(Escaping)
  }

  var nodes: [Node]

  /// `template`'s tokens as nodes; nil when it holds anything the renderer does not reproduce.
  init?(_ template: MustacheTemplate) {
    guard let tokens = Mirror(reflecting: template).descendant("tokens") else { return nil }
    let mirror = Mirror(reflecting: tokens)
    guard mirror.displayStyle == .collection else { return nil }
    var nodes: [Node] = []
    for token in mirror.children {
      guard let node = Self.node(token.value) else { return nil }
      nodes.append(node)
    }
    self.nodes = nodes
  }

  /// One of the library's `Token` cases as a node.
  private static func node(_ token: Any) -> Node? {
    let mirror = Mirror(reflecting: token)
    guard mirror.displayStyle == .enum, mirror.children.count == 1, let payload = mirror.children.first,
      let label = payload.label
    else { return nil }
    let fields = Fields(payload.value)
    switch label {
    case "text":
      guard let text = payload.value as? String else { return nil }
      return .text(Array(text.utf8))
    case "variable", "unescapedVariable":
      guard fields.labels == ["name", "transforms"], let name = fields["name"] as? String,
        (fields["transforms"] as? [String])?.isEmpty == true
      else { return nil }
      return .variable(Name(name), escaped: label == "variable")
    case "section", "invertedSection":
      guard fields.labels == ["name", "transforms", "template"], let name = fields["name"] as? String,
        (fields["transforms"] as? [String])?.isEmpty == true,
        let template = (fields["template"] as? MustacheTemplate).flatMap(CompiledTemplate.init)
      else { return nil }
      return .section(Name(name), template, inverted: label == "invertedSection")
    case "partial":
      guard fields.labels == [".0", "indentation", "inherits"], let name = fields[".0"] as? String,
        let indentation = fields["indentation"], let inherits = fields["inherits"], Self.isNil(inherits)
      else { return nil }
      if Self.isNil(indentation) { return .partial(name, indentation: nil) }
      guard let indentation = indentation as? String else { return nil }
      return .partial(name, indentation: indentation)
    case "contentType":
      guard let contentType = payload.value as? any MustacheContentType else { return nil }
      return .contentType(contentType is TemplateEscaping ? .lessons : .other(contentType))
    default:
      return nil
    }
  }

  /// Whether `value` is an optional holding nothing.
  private static func isNil(_ value: Any) -> Bool {
    let mirror = Mirror(reflecting: value)
    return mirror.displayStyle == .optional && mirror.children.isEmpty
  }

  /// The labelled fields of an enum case's payload tuple.
  private struct Fields {
    var labels: [String] = []
    var values: [String: Any] = [:]

    init(_ payload: Any) {
      let mirror = Mirror(reflecting: payload)
      guard mirror.displayStyle == .tuple else { return }
      for child in mirror.children {
        guard let label = child.label else { continue }
        labels.append(label)
        values[label] = child.value
      }
    }

    subscript(label: String) -> Any? { values[label] }
  }
}
