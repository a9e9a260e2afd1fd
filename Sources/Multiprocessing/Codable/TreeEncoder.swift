/// The fallback of `BinaryEncoder` for conformances that fill containers out of nesting order: the value is
/// built as a tree of nodes first (one object per container and per value), then written in the same format.
final class EncodingNode {
  enum Content {
    case empty
    /// A finished value: a primitive or a raw array, already in the binary form.
    case encoded([UInt8])
    case array([EncodingNode])
    /// Members in the order written; a key set twice is written twice, and the reader keeps the last.
    case object([(key: String, node: EncodingNode)])
  }

  var content = Content.empty

  /// Appends the binary form; false when the node holds no value.
  func write(to bytes: inout [UInt8]) -> Bool {
    switch content {
    case .empty: return false
    case .encoded(let value): bytes.append(contentsOf: value)
    case .array(let nodes):
      let start = BinaryFormat.beginContainer(object: false, in: &bytes)
      for node in nodes where !node.write(to: &bytes) { bytes.append(BinaryFormat.Tag.null.rawValue) }
      BinaryFormat.finishContainer(startingAt: start, in: &bytes)
    case .object(let members):
      let start = BinaryFormat.beginContainer(object: true, in: &bytes)
      for member in members {
        BinaryFormat.appendKey(member.key, to: &bytes)
        if !member.node.write(to: &bytes) { bytes.append(BinaryFormat.Tag.null.rawValue) }
      }
      BinaryFormat.finishContainer(startingAt: start, in: &bytes)
    }
    return true
  }

  func append(_ node: EncodingNode) {
    if case .array(var nodes) = content {
      content = .empty  // keeps `nodes` uniquely referenced: appending does not copy
      nodes.append(node)
      content = .array(nodes)
    } else {
      content = .array([node])
    }
  }

  func set(_ key: String, _ node: EncodingNode) {
    if case .object(var members) = content {
      content = .empty
      members.append((key, node))
      content = .object(members)
    } else {
      content = .object([(key, node)])
    }
  }

  static func leaf(_ encoded: [UInt8]) -> EncodingNode {
    let node = EncodingNode()
    node.content = .encoded(encoded)
    return node
  }

  /// Encodes `value` into a fresh node.
  static func encode(_ value: some Encodable, path: [any CodingKey]) throws -> EncodingNode {
    let node = EncodingNode()
    var bytes: [UInt8] = []
    if BinaryFormat.appendPrimitive(value, to: &bytes) || BinaryFormat.appendRawArray(value, to: &bytes) {
      node.content = .encoded(bytes)
    } else {
      try value.encode(to: TreeEncoder(node: node, codingPath: path))
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

  mutating func encodeNil(forKey key: Key) throws {
    node.set(key.stringValue, .leaf([BinaryFormat.Tag.null.rawValue]))
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    node.set(key.stringValue, try EncodingNode.encode(value, path: codingPath + [key]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    TreeEncoder(node: child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    TreeEncoder(node: child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { TreeEncoder(node: child("super"), codingPath: codingPath) }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    TreeEncoder(node: child(key.stringValue), codingPath: codingPath + [key])
  }

  private func child(_ key: String) -> EncodingNode {
    let child = EncodingNode()
    node.set(key, child)
    return child
  }
}

struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
  let node: EncodingNode
  let codingPath: [any CodingKey]
  var count: Int {
    if case .array(let nodes) = node.content { return nodes.count }
    return 0
  }

  mutating func encodeNil() throws { node.append(.leaf([BinaryFormat.Tag.null.rawValue])) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    node.append(try EncodingNode.encode(value, path: codingPath))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    TreeEncoder(node: child(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    TreeEncoder(node: child(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { TreeEncoder(node: child(), codingPath: codingPath) }

  private func child() -> EncodingNode {
    let child = EncodingNode()
    node.append(child)
    return child
  }
}

struct SingleTreeContainer: SingleValueEncodingContainer {
  let node: EncodingNode
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { node.content = .encoded([BinaryFormat.Tag.null.rawValue]) }
  mutating func encode<T: Encodable>(_ value: T) throws {
    let encoded = try EncodingNode.encode(value, path: codingPath)
    node.content = encoded.content
  }
}
