import Yams

/// Composes a YAML document (front matter, `site.yaml`, a topic's `metadata.yaml`) within limits, so that a small
/// hostile file cannot take the builder's time or memory.
///
/// A "billion laughs" document defines an anchor, then anchors lists of aliases to it, level after level: 400
/// bytes name 9⁸ nodes. Yams shares aliased nodes, but hashing a mapping's keys and every walk over the tree
/// (serialising an unknown field, building values) expand them. So before the real document is composed, its
/// aliases are counted: the text is composed once with every `*` made an ordinary letter (no alias left, so
/// nothing expands), each anchored node's expanded size is worked out in document order, and each former alias
/// adds the size of the anchor it names (a document without both a `*` and a `&` has no alias that could expand, and
/// skips this). A document that would expand past `Limits.nodes`, or is longer than
/// `Limits.bytes`, is refused with the line of the alias (or the size) that crossed the limit. Nesting depth is
/// bounded by libyaml itself (1,000 levels).
public enum BoundedYAML {
  /// How much YAML is read.
  public struct Limits: Sendable, Hashable {
    /// The longest document, in UTF-8 bytes.
    public var bytes: Int
    /// The most nodes the document may have once every alias is replaced by the node it names.
    public var nodes: Int

    /// Limits of `bytes` and `nodes`.
    public init(bytes: Int, nodes: Int) {
      self.bytes = bytes
      self.nodes = nodes
    }

    /// Front matter: GTN's are a few kilobytes and a few hundred nodes.
    public static let frontMatter = Limits(bytes: 256 * 1024, nodes: 100_000)
    /// `site.yaml` and `metadata.yaml`.
    public static let settingsFile = Limits(bytes: 1024 * 1024, nodes: 100_000)
  }

  /// Why a document was refused: at `line` (1-based, in the YAML text), `message`.
  public struct LimitError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the YAML text where the limit was crossed.
    public var line: Int
    /// What was too much, in words.
    public var message: String
    /// `message`.
    public var description: String { message }
  }

  /// The root node of `yaml` (nil for an empty document).
  /// - Throws: `LimitError` when the document is too long or expands too far; Yams' `YamlError` when it is not
  ///   valid YAML.
  public static func compose(_ yaml: String, limits: Limits) throws -> Node? {
    try checkLimits(yaml, limits: limits)
    return try Yams.compose(yaml: yaml, .default, constructor, .utf8)
  }

  /// Yams' default constructor, made once: `Constructor.default` builds a new one (three dictionaries of
  /// closures) on every call, a lesson's front matter at a time. Composing only stores it in the parser (it turns
  /// nodes into Swift values, which composing never asks for), and it cannot change after it is made (its maps
  /// are constants), so one instance serves every thread.
  nonisolated(unsafe) private static let constructor = Constructor.default

  /// `compose(_:limits:)` for a reader that takes every mapping key as text and reads each value from its text
  /// (`Node.string`, `.bool`, `.int`, `.null`), never from its tag: front matter. The keys' tags are then not worked
  /// out by Yams' patterns (seven regular expressions per key, for its duplicate-key check, were a tenth of a
  /// lesson's parse): every plain key is text. A document with keys equal only as text (`1` and `"1"`) is composed
  /// again as `compose(_:limits:)` does, so that Yams decides whether they are duplicates, with its own error.
  public static func composeWithTextKeys(_ yaml: String, limits: Limits) throws -> Node? {
    try checkLimits(yaml, limits: limits)
    do {
      return try Yams.compose(yaml: yaml, .basic, constructor, .utf8)
    } catch {
      return try Yams.compose(yaml: yaml, .default, constructor, .utf8)
    }
  }

  private static func checkLimits(_ yaml: String, limits: Limits) throws {
    let size = yaml.utf8.count
    guard size <= limits.bytes else {
      throw LimitError(line: 1, message: "the YAML is \(size) bytes long; at most \(limits.bytes) bytes are read")
    }
    // An alias is written `*name` and names an anchor written `&name`: text without a `*` has no alias, and text
    // without a `&` no anchor (an alias to none is Yams' "undefined alias" error), so nothing can expand. Most front
    // matter has neither, or only asterisks of Markdown emphasis in its strings: it is composed once.
    if yaml.containsBytes("*"), yaml.containsBytes("&") {
      try checkAliasExpansion(yaml, limits: limits)
    }
  }

  /// A letter that stands for `*` in the alias-free copy; a plain scalar starting with it was an alias.
  private static let aliasMark: Character = "\u{01C2}"

  private static func checkAliasExpansion(_ yaml: String, limits: Limits) throws {
    let neutral = String(yaml.map { $0 == "*" ? aliasMark : $0 })
    let parser: Parser
    let root: Node?
    do {
      parser = try Parser(yaml: neutral, resolver: .default, constructor: constructor, encoding: .utf8)
      root = try parser.singleRoot()
    } catch {
      // The copy differs from the document only where a `*` was; when it does not parse (a former alias now
      // duplicates a key), the aliases cannot be counted, and the document is refused rather than risked.
      let line = (error as? YamlError).flatMap(Self.line(of:)) ?? 1
      throw LimitError(line: line, message: "the YAML's aliases (*name) cannot be checked: \(error)")
    }
    guard let root else { return }
    var counter = ExpansionCounter(limit: limits.nodes)
    // The nodes' anchors are weak references owned by the parser: keep it alive while they are read.
    withExtendedLifetime(parser) { _ = counter.size(of: root) }
    if let line = counter.crossedAt {
      throw LimitError(
        line: line,
        message: "the YAML's aliases (*name) expand to more than \(limits.nodes) nodes (an alias bomb?)")
    }
  }

  /// The line (1-based) a Yams error points at, when it points at one.
  public static func line(of error: YamlError) -> Int? {
    switch error {
    case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
    case .duplicatedKeysInMapping(_, let context): context.mark.line
    default: nil
    }
  }

  /// Counts the nodes of the alias-free copy as the real document would have them, in document order.
  private struct ExpansionCounter {
    let limit: Int
    /// The expanded size of each anchor, by name; a later anchor of the same name replaces an earlier one, as
    /// for aliases.
    var anchors: [String: Int] = [:]
    /// Nodes counted so far, over the whole document.
    var total = 0
    /// The line of the node that took `total` past `limit`.
    var crossedAt: Int?

    /// The expanded size of `node`, at most `limit + 1`; stops descending once the limit is crossed.
    mutating func size(of node: Node) -> Int {
      guard crossedAt == nil else { return limit + 1 }
      var size = 1
      switch node {
      case .scalar(let scalar):
        if scalar.style == .plain, scalar.string.first == BoundedYAML.aliasMark {
          size = anchors[String(scalar.string.dropFirst())] ?? 1
        }
        add(size, at: node)
      case .sequence(let sequence):
        add(1, at: node)
        for item in sequence { size = saturated(size + self.size(of: item)) }
      case .mapping(let mapping):
        add(1, at: node)
        for (key, value) in mapping { size = saturated(size + self.size(of: key) + self.size(of: value)) }
      case .alias:
        add(1, at: node)
      }
      if let anchor = node.anchor { anchors[anchor.rawValue] = size }
      return size
    }

    private mutating func add(_ count: Int, at node: Node) {
      total = saturated(total + count)
      if total > limit, crossedAt == nil { crossedAt = node.mark?.line ?? 1 }
    }

    private func saturated(_ value: Int) -> Int { min(value, limit + 1) }
  }
}
