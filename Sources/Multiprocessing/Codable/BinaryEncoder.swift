/// Encodes any `Encodable` value into a compact binary form, without Foundation.
///
/// This is how a `ProcessPool` worker sends a result back to the parent. Keys are kept (as strings), so types
/// with custom `Codable` conformances, optionals that are omitted, and dictionaries all round-trip.
public struct BinaryEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// The compact bytes of `value`. Throws the error the value's `encode(to:)` throws, or an
  /// `EncodingError.invalidValue` when it encodes nothing.
  public func encode(_ value: some Encodable) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try tree(of: value).write(to: &bytes)
    return bytes
  }

  func tree(of value: some Encodable) throws -> BinaryValue {
    if let primitive = EncodingNode.primitive(value) { return primitive }
    let node = EncodingNode()
    try value.encode(to: TreeEncoder(node: node, codingPath: []))
    guard let result = node.resolved else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded no value"))
    }
    return result
  }
}

/// A node under construction: a single value, or a container filled in later through its encoder.
final class EncodingNode {
  enum Content {
    case empty
    case value(BinaryValue)
    case array([EncodingNode])
    case object([(key: String, node: EncodingNode)])
  }

  var content = Content.empty

  var resolved: BinaryValue? {
    switch content {
    case .empty: return nil
    case .value(let value): return value
    case .array(let nodes): return .array(nodes.map { $0.resolved ?? .null })
    case .object(let members): return .object(members.map { ($0.key, $0.node.resolved ?? .null) })
    }
  }

  func append(_ node: EncodingNode) {
    if case .array(var nodes) = content {
      content = .empty
      nodes.append(node)
      content = .array(nodes)
    } else {
      content = .array([node])
    }
  }

  func set(_ key: String, _ node: EncodingNode) {
    if case .object(var members) = content {
      content = .empty
      if let existing = members.firstIndex(where: { $0.key == key }) {
        members[existing].node = node
      } else {
        members.append((key, node))
      }
      content = .object(members)
    } else {
      content = .object([(key, node)])
    }
  }

  /// The tree of a value the format stores directly (numbers, strings, booleans), or nil.
  static func primitive(_ value: some Encodable) -> BinaryValue? {
    switch value {
    case let v as Int: return .int(Int64(v))
    case let v as String: return .string(v)
    case let v as Double: return .double(v)
    case let v as Bool: return .bool(v)
    case let v as Float: return .double(Double(v))
    case let v as Int8: return .int(Int64(v))
    case let v as Int16: return .int(Int64(v))
    case let v as Int32: return .int(Int64(v))
    case let v as Int64: return .int(v)
    case let v as UInt: return .uint(UInt64(v))
    case let v as UInt8: return .uint(UInt64(v))
    case let v as UInt16: return .uint(UInt64(v))
    case let v as UInt32: return .uint(UInt64(v))
    case let v as UInt64: return .uint(v)
    default: return nil
    }
  }

  /// Encodes `value` into a fresh node.
  static func encode(_ value: some Encodable, path: [any CodingKey]) throws -> EncodingNode {
    let node = EncodingNode()
    if let primitive = primitive(value) {
      node.content = .value(primitive)
    } else {
      try value.encode(to: TreeEncoder(node: node, codingPath: path))
      if case .empty = node.content { node.content = .value(.null) }
    }
    return node
  }
}

struct TreeEncoder: Encoder {
  let node: EncodingNode
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .object = node.content {} else { node.content = .object([]) }
    return KeyedEncodingContainer(KeyedTreeContainer<Key>(node: node, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .array = node.content {} else { node.content = .array([]) }
    return UnkeyedTreeContainer(node: node, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleTreeContainer(node: node, codingPath: codingPath)
  }
}

struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let node: EncodingNode
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws { node.set(key.stringValue, leaf(.null)) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: String, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { try put(value, key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { try put(value, key) }
  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { try put(value, key) }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = EncodingNode()
    node.set(key.stringValue, child)
    return TreeEncoder(node: child, codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = EncodingNode()
    node.set(key.stringValue, child)
    return TreeEncoder(node: child, codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { superEncoder(named: "super") }
  mutating func superEncoder(forKey key: Key) -> any Encoder { superEncoder(named: key.stringValue) }

  private func superEncoder(named name: String) -> any Encoder {
    let child = EncodingNode()
    node.set(name, child)
    return TreeEncoder(node: child, codingPath: codingPath)
  }

  private func put(_ value: some Encodable, _ key: Key) throws {
    node.set(key.stringValue, try EncodingNode.encode(value, path: codingPath + [key]))
  }

  private func leaf(_ value: BinaryValue) -> EncodingNode {
    let leaf = EncodingNode()
    leaf.content = .value(value)
    return leaf
  }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
  let node: EncodingNode
  let codingPath: [any CodingKey]
  var count: Int {
    if case .array(let nodes) = node.content { return nodes.count }
    return 0
  }

  mutating func encodeNil() throws {
    let leaf = EncodingNode()
    leaf.content = .value(.null)
    node.append(leaf)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    node.append(try EncodingNode.encode(value, path: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = EncodingNode()
    node.append(child)
    return TreeEncoder(node: child, codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = EncodingNode()
    node.append(child)
    return TreeEncoder(node: child, codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    let child = EncodingNode()
    node.append(child)
    return TreeEncoder(node: child, codingPath: codingPath)
  }
}

struct SingleTreeContainer: SingleValueEncodingContainer {
  let node: EncodingNode
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.content = .value(.null) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    node.content = try EncodingNode.encode(value, path: codingPath).content
  }
}
