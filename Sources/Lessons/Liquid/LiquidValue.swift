/// A value as GTN's Liquid sees it: include parameters, front matter fields and site settings are text; literals
/// may also be `true`, `false` and `nil`; `split` and ranges make lists (what `{% for %}` walks).
enum LiquidValue: Equatable, Sendable {
  case none
  case bool(Bool)
  case text(String)
  case list([LiquidValue])

  /// Liquid's truth: only `nil` and `false` are false (an empty string is true, unlike in Python or Stencil).
  var isTruthy: Bool {
    switch self {
    case .none: return false
    case .bool(let value): return value
    case .text, .list: return true
    }
  }

  /// What `{{ value }}` prints.
  var rendered: String {
    switch self {
    case .none: return ""
    case .bool(let value): return value ? "true" : "false"
    case .text(let text): return text
    case .list(let items): return items.map(\.rendered).joined()
    }
  }

  /// The size of `rendered` in bytes, without making it.
  var byteCount: Int {
    switch self {
    case .none: return 0
    case .bool(let value): return value ? 4 : 5
    case .text(let text): return text.utf8.count
    case .list(let items): return items.reduce(0) { $0 + $1.byteCount }
    }
  }

  /// The items `{% for %}` walks: a list's items, nothing for nil or false, else the value itself once.
  var items: [LiquidValue] {
    switch self {
    case .list(let items): return items
    case .none, .bool(false): return []
    default: return [self]
    }
  }
}

/// The variables a template can read: `include.x` (the tag's parameters), `page.x` (the lesson's front matter),
/// `site.x` (site.yaml) and names set with `{% assign %}`.
struct LiquidScope: Sendable {
  var include: [String: String] = [:]
  var page: [String: String] = [:]
  var site: [String: String] = [:]
  var assigned: [String: LiquidValue] = [:]

  /// The value of a dotted name, or nil when the scope does not know it (`page.x` not in the front matter).
  func lookup(_ name: String) -> LiquidValue? {
    if let value = assigned[name] { return value }
    let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return nil }
    switch parts[0] {
    case "include": return include[parts[1]].map(LiquidValue.text) ?? LiquidValue.none
    case "page": return page[parts[1]].map(LiquidValue.text)
    case "site": return site[parts[1]].map(LiquidValue.text)
    default: return nil
    }
  }

  /// True when an unknown name under this head is simply absent (Jekyll prints nothing for a missing
  /// `include.x`), false when it should be left for a later stage (`{{ site.baseurl }}`).
  func owns(_ name: String) -> Bool {
    assigned[name] != nil || name.hasPrefix("include.")
  }
}
