import Foundation

/// The Liquid filters GTN's includes use (`{{ page.url | remove: "tutorial.html" }}`, `| default: "x"`,
/// `| split: ","`…), applied by `Renderer`.
enum LiquidFilters {
  /// The names `apply` knows.
  static let names: Set<String> = [
    "default", "upcase", "downcase", "capitalize", "strip", "strip_newlines", "remove", "remove_first", "replace",
    "replace_first", "append", "prepend", "split", "join", "first", "last", "size", "relative_url", "absolute_url",
    "escape", "slugify",
  ]

  /// `value | name: arguments`; nil when the filter is unknown.
  static func apply(_ name: String, to value: LiquidValue, arguments: [LiquidValue]) -> LiquidValue? {
    let text = value.rendered
    let first = arguments.first?.rendered ?? ""
    let second = arguments.dropFirst().first?.rendered ?? ""
    switch name {
    case "default":
      return !value.isTruthy || value == .text("") ? (arguments.first ?? LiquidValue.none) : value
    case "upcase": return .text(text.uppercased())
    case "downcase": return .text(text.lowercased())
    case "capitalize": return .text(text.prefix(1).uppercased() + text.dropFirst())
    case "strip": return .text(String(text.trimmingSpaces))
    case "strip_newlines": return .text(text.filter { $0 != "\n" && $0 != "\r" })
    case "remove": return .text(first.isEmpty ? text : text.replacingOccurrences(of: first, with: ""))
    case "remove_first": return .text(replacingFirst(first, in: text, with: ""))
    case "replace": return .text(first.isEmpty ? text : text.replacingOccurrences(of: first, with: second))
    case "replace_first": return .text(replacingFirst(first, in: text, with: second))
    case "append": return .text(text + first)
    case "prepend": return .text(first + text)
    case "split":
      let parts = first.isEmpty ? text.map(String.init) : text.components(separatedBy: first)
      return .list(parts.map(LiquidValue.text))
    case "join": return .text(value.items.map(\.rendered).joined(separator: first))
    case "first": return value.items.first ?? LiquidValue.none
    case "last": return value.items.last ?? LiquidValue.none
    case "size":
      if case .list(let items) = value { return .text(String(items.count)) }
      return .text(String(text.count))
    case "relative_url", "absolute_url": return value
    case "escape":
      // Jekyll's (Ruby's CGI.escapeHTML): the apostrophe too, on bytes so a mark joined to a quote cannot hide it.
      return .text(MarkupEscaping.escape(text))
    case "slugify":
      let lower = text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
      return .text(String(lower).split(separator: "-").joined(separator: "-"))
    default: return nil
    }
  }

  /// At most how many bytes `value | name: arguments` makes, worked out before making it: `replace` multiplies a
  /// text's size by its replacement's, `join` adds a separator per item, `escape` turns a byte into six.
  static func resultBound(_ name: String, of value: LiquidValue, arguments: [LiquidValue]) -> Int {
    let size = value.byteCount
    let first = arguments.first?.byteCount ?? 0
    let second = arguments.dropFirst().first?.byteCount ?? 0
    switch name {
    case "replace", "replace_first": return size + (first == 0 ? 0 : size / first * second) + second
    case "append", "prepend": return size + first
    case "join": return size + value.items.count * first
    case "escape": return size * 6
    case "upcase", "downcase", "capitalize", "slugify": return size * 3
    case "default": return max(size, first)
    default: return size
    }
  }

  /// The comma-separated arguments after a filter's `:`, each an operand (`"a", include.x`).
  static func arguments(_ text: Substring, scope: LiquidScope) -> [LiquidValue] {
    guard !text.trimmingSpaces.isEmpty else { return [] }
    return LiquidExpression.split(text, at: { $0 == "," })
      .map { LiquidExpression.operand(String($0.trimmingSpaces), scope: scope) }
  }

  private static func replacingFirst(_ target: String, in text: String, with replacement: String) -> String {
    guard !target.isEmpty, let range = text.range(of: target) else { return text }
    return text.replacingCharacters(in: range, with: replacement)
  }
}
