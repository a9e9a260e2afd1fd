/// The attributes of a kramdown inline attribute list (`{: .tip #id width="50%"}`).
///
/// Only what the parser read is kept; the renderer decides which attributes are safe to write.
public struct Attributes: Sendable, Hashable {
  /// `.name` entries, in order.
  public var classes: [String]
  /// `#name`.
  public var id: String?
  /// `key="value"` entries, in order.
  public var pairs: [Pair]
  /// Bare words such as `toc` (kramdown's references to attribute definitions).
  public var references: [String]

  /// One `key="value"` entry.
  public struct Pair: Sendable, Hashable {
    /// The attribute name.
    public var key: String
    /// The value, without its quotes.
    public var value: String
    /// Creates a pair.
    public init(key: String, value: String) {
      self.key = key
      self.value = value
    }
  }

  /// Creates attributes.
  public init(classes: [String] = [], id: String? = nil, pairs: [Pair] = [], references: [String] = []) {
    self.classes = classes
    self.id = id
    self.pairs = pairs
    self.references = references
  }

  /// True when nothing was set.
  public var isEmpty: Bool { classes.isEmpty && id == nil && pairs.isEmpty && references.isEmpty }

  /// The value of `key`, if set.
  public func value(for key: String) -> String? {
    pairs.last { $0.key == key }?.value
  }

  /// These attributes with `other`'s added after them.
  public func merging(_ other: Attributes) -> Attributes {
    var result = self
    result.merge(other)
    return result
  }

  /// Adds `other`'s attributes after these, in place: merging attribute line after attribute line costs time in
  /// proportion to what is added, not to what was there (40,000 lines after one paragraph took 17 s).
  public mutating func merge(_ other: Attributes) {
    classes += other.classes
    id = other.id ?? id
    pairs += other.pairs
    references += other.references
  }
}
