/// Rewrites request URLs that start with a known prefix, so that code written for real servers talks to local
/// stand-ins.
///
/// The builder sets the environment variable `LESSONS_URL_MAP` to newline-separated `real=local` pairs, e.g.
/// `https://usegalaxy.org=http://127.0.0.1:40123`; a request for `https://usegalaxy.org/api/version` then goes to
/// `http://127.0.0.1:40123/api/version`. A prefix matches only at a boundary (end, `/`, `?` or `#`), so
/// `https://usegalaxy.org` does not capture `https://usegalaxy.org.au`. The longest matching prefix wins.
public struct URLMap: Sendable, Hashable {
  /// One `from` prefix and what replaces it.
  public struct Rule: Sendable, Hashable {
    /// The prefix of real URLs, without a trailing `/`.
    public var from: String
    /// What replaces it, without a trailing `/`.
    public var to: String
    /// A rule; trailing slashes are dropped from both sides so `https://a/` and `https://a` mean the same.
    public init(from: String, to: String) {
      self.from = URLMap.trimmingSlash(from)
      self.to = URLMap.trimmingSlash(to)
    }
  }

  /// The rules, longest `from` first.
  public private(set) var rules: [Rule]

  /// A map from rules.
  public init(rules: [Rule]) {
    self.rules = rules.sorted { ($0.from.count, $1.from) > ($1.from.count, $0.from) }
  }

  /// A map from a real-URL → local-URL dictionary (what `GalaxyStandIns.start()` returns).
  public init(_ mapping: [String: String]) {
    self.init(rules: mapping.map { Rule(from: $0.key, to: $0.value) })
  }

  /// Parses the `LESSONS_URL_MAP` format: lines of `from=to`; blank lines and lines without `=` are ignored.
  /// The first `=` splits a line, as URL prefixes have none.
  public init(parsing value: String) {
    var rules: [Rule] = []
    for line in value.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      guard let equals = line.firstIndex(of: "=") else { continue }
      let from = line[..<equals].trimmingSpaces
      let to = line[line.index(after: equals)...].trimmingSpaces
      if !from.isEmpty && !to.isEmpty { rules.append(Rule(from: from, to: to)) }
    }
    self.init(rules: rules)
  }

  /// No rewriting.
  public static let empty = URLMap(rules: [])

  /// The map in `LESSONS_URL_MAP`, or `empty` when the variable is unset. Read at each call, so a program sees
  /// the value its environment holds when it makes the request.
  public static func fromEnvironment() -> URLMap {
    guard let value = Environment.value(of: "LESSONS_URL_MAP") else { return .empty }
    return URLMap(parsing: value)
  }

  /// The text for `LESSONS_URL_MAP` (sorted by `from`, so the same map always gives the same text).
  public var environmentValue: String {
    rules.sorted { $0.from < $1.from }.map { "\($0.from)=\($0.to)" }.joined(separator: "\n")
  }

  /// `url` with the longest matching prefix replaced, or `url` unchanged.
  public func rewrite(_ url: String) -> String {
    for rule in rules where url.hasPrefix(rule.from) {
      let rest = url.dropFirst(rule.from.count)
      if let next = rest.first, next != "/", next != "?", next != "#" { continue }
      return rule.to + rest
    }
    return url
  }

  static func trimmingSlash(_ text: String) -> String {
    var text = text
    while text.hasSuffix("/") { text.removeLast() }
    return text
  }
}

extension Substring {
  fileprivate var trimmingSpaces: String {
    String(drop(while: { $0 == " " || $0 == "\t" }).reversed().drop(while: { $0 == " " || $0 == "\t" }).reversed())
  }
}
