import Mustache

/// Every compiled template of a set, flattened for `TemplateRenderer`: one buffer of plain operations (sections'
/// bodies inline after them), one buffer of the templates' text, tables of names, indentations and escapings.
///
/// Pages render on several threads from the same templates. As Swift arrays and strings in enum payloads, every
/// token read retained and released a shared buffer, and those atomic counts, bouncing between the cores, were a
/// third of the rendering's time; here an operation is a few integers, read without reference counting. The
/// buffers are made once per build and freed with the program.
final class TemplateProgram: @unchecked Sendable {
  /// One operation: a template's token, its references as indices.
  enum Operation {
    /// `count` bytes of `text` from `start`.
    case text(start: Int, count: Int)
    /// `{{name}}` (escaped) or `{{{name}}}`; `name` indexes `names`.
    case variable(name: Int, escaped: Bool)
    /// A section (or inverted section) whose body is the operations up to `end`.
    case section(name: Int, end: Int, inverted: Bool)
    /// A partial: `template` indexes `templates` (-1: the library has it but it did not compile, -2: the library
    /// has none); `indentation` indexes `indentations` (-1: none).
    case partial(template: Int, indentation: Int)
    /// A content-type pragma: `escaping` indexes `escapings`.
    case contentType(escaping: Int)
  }

  /// A name as the renderer looks it up: its scope and its components (`components` from `start`).
  struct Name {
    var scope: CompiledTemplate.Name.Scope
    var start: Int
    var count: Int
  }

  let operations: UnsafeMutableBufferPointer<Operation>
  let text: UnsafeMutableBufferPointer<UInt8>
  let names: UnsafeMutableBufferPointer<Name>
  let components: UnsafeMutableBufferPointer<String>
  let indentations: UnsafeMutableBufferPointer<String>
  let escapings: UnsafeMutableBufferPointer<CompiledTemplate.Escaping>
  /// Each template's operations, by index (`index`).
  let templates: [Range<Int>]
  /// Template names → index in `templates`.
  let index: [String: Int]

  /// `compiled` flattened; `library` names every template the library has (a partial that names one of them that
  /// did not compile is left to the library).
  init(_ compiled: [String: CompiledTemplate], library: Set<String>) {
    var builder = Builder()
    let order = compiled.keys.sorted()
    builder.index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($0.element, $0.offset) })
    builder.library = library
    var templates: [Range<Int>] = []
    for name in order {
      let start = builder.operations.count
      builder.add(compiled[name]!.nodes)
      templates.append(start..<builder.operations.count)
    }
    operations = Self.buffer(builder.operations)
    text = Self.buffer(builder.text)
    names = Self.buffer(builder.names)
    components = Self.buffer(builder.components)
    indentations = Self.buffer(builder.indentations)
    escapings = Self.buffer(builder.escapings)
    self.templates = templates
    index = builder.index
  }

  /// A buffer holding a copy of `items`, freed in `deinit`.
  private static func buffer<Item>(_ items: [Item]) -> UnsafeMutableBufferPointer<Item> {
    let buffer = UnsafeMutableBufferPointer<Item>.allocate(capacity: items.count)
    _ = buffer.initialize(from: items)
    return buffer
  }

  deinit {
    operations.deinitialize().deallocate()
    text.deinitialize().deallocate()
    names.deinitialize().deallocate()
    components.deinitialize().deallocate()
    indentations.deinitialize().deallocate()
    escapings.deinitialize().deallocate()
  }

  /// The tables as they are filled.
  private struct Builder {
    var operations: [Operation] = []
    var text: [UInt8] = []
    var names: [Name] = []
    var components: [String] = []
    var indentations: [String] = []
    var escapings: [CompiledTemplate.Escaping] = []
    var index: [String: Int] = [:]
    var library: Set<String> = []

    mutating func add(_ nodes: [CompiledTemplate.Node]) {
      for node in nodes {
        switch node {
        case .text(let bytes):
          operations.append(.text(start: text.count, count: bytes.count))
          text += bytes
        case .variable(let name, let escaped):
          operations.append(.variable(name: add(name), escaped: escaped))
        case .section(let name, let body, let inverted):
          let at = operations.count
          operations.append(.text(start: 0, count: 0))
          let name = add(name)
          add(body.nodes)
          operations[at] = .section(name: name, end: operations.count, inverted: inverted)
        case .partial(let name, let indentation):
          let template = index[name] ?? (library.contains(name) ? -1 : -2)
          var indented = -1
          if let indentation {
            indented = indentations.count
            indentations.append(indentation)
          }
          operations.append(.partial(template: template, indentation: indented))
        case .contentType(let escaping):
          operations.append(.contentType(escaping: escapings.count))
          escapings.append(escaping)
        }
      }
    }

    private mutating func add(_ name: CompiledTemplate.Name) -> Int {
      names.append(Name(scope: name.scope, start: components.count, count: name.components.count))
      components += name.components
      return names.count - 1
    }
  }
}
