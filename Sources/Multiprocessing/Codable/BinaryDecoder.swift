/// Decodes values written by `BinaryEncoder`, without Foundation.
///
/// Malformed or truncated bytes, or bytes of another type, throw a `DecodingError` that says where.
public struct BinaryDecoder: Sendable {
  /// Creates a decoder.
  public init() {}

  /// Decodes a `T` from the compact bytes of `BinaryEncoder.encode(_:)`.
  public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try bytes.withUnsafeBytes { try decode(type, from: $0) }
  }

  func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
    var offset = 0
    let tree: BinaryValue
    do {
      tree = try BinaryValue.read(from: bytes, offset: &offset)
    } catch {
      throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: error.description))
    }
    guard offset == bytes.count else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "\(bytes.count - offset) trailing bytes after the value"))
    }
    return try TreeDecoder.unbox(tree, as: type, path: [])
  }
}

struct TreeDecoder: Decoder {
  let value: BinaryValue
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let members) = value else { throw Self.mismatch("an object", value, codingPath) }
    return KeyedDecodingContainer(KeyedTreeDecoding<Key>(members: members, codingPath: codingPath))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let items) = value else { throw Self.mismatch("an array", value, codingPath) }
    return UnkeyedTreeDecoding(items: items, codingPath: codingPath)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleTreeDecoding(value: value, codingPath: codingPath)
  }

  static func mismatch(_ expected: String, _ value: BinaryValue, _ path: [any CodingKey]) -> DecodingError {
    .typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(value)"))
  }

  /// Converts a tree into `T`: primitives directly, everything else through `T.init(from:)`.
  static func unbox<T: Decodable>(_ value: BinaryValue, as type: T.Type, path: [any CodingKey]) throws -> T {
    if let primitive = try primitive(value, as: type, path: path) { return primitive }
    return try T(from: TreeDecoder(value: value, codingPath: path))
  }

  private static func primitive<T>(_ value: BinaryValue, as type: T.Type, path: [any CodingKey]) throws -> T? {
    func integer<I: FixedWidthInteger>(_: I.Type) throws -> I {
      switch value {
      case .int(let v): if let r = I(exactly: v) { return r }
      case .uint(let v): if let r = I(exactly: v) { return r }
      default: break
      }
      throw mismatch("an integer that fits \(I.self)", value, path)
    }
    func cast(_ result: Any) -> T? { result as? T }
    switch type {
    case is Int.Type: return cast(try integer(Int.self))
    case is String.Type:
      guard case .string(let s) = value else { throw mismatch("a string", value, path) }
      return cast(s)
    case is Double.Type, is Float.Type:
      let number: Double
      switch value {
      case .double(let v): number = v
      case .int(let v): number = Double(v)
      case .uint(let v): number = Double(v)
      default: throw mismatch("a number", value, path)
      }
      return type is Float.Type ? cast(Float(number)) : cast(number)
    case is Bool.Type:
      guard case .bool(let b) = value else { throw mismatch("a boolean", value, path) }
      return cast(b)
    case is Int8.Type: return cast(try integer(Int8.self))
    case is Int16.Type: return cast(try integer(Int16.self))
    case is Int32.Type: return cast(try integer(Int32.self))
    case is Int64.Type: return cast(try integer(Int64.self))
    case is UInt.Type: return cast(try integer(UInt.self))
    case is UInt8.Type: return cast(try integer(UInt8.self))
    case is UInt16.Type: return cast(try integer(UInt16.self))
    case is UInt32.Type: return cast(try integer(UInt32.self))
    case is UInt64.Type: return cast(try integer(UInt64.self))
    default: return nil
    }
  }
}

struct KeyedTreeDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let members: [(key: String, value: BinaryValue)]
  let codingPath: [any CodingKey]

  var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }
  func contains(_ key: Key) -> Bool { members.contains { $0.key == key.stringValue } }

  private func value(_ key: Key) throws -> BinaryValue {
    guard let member = members.first(where: { $0.key == key.stringValue }) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for key"))
    }
    return member.value
  }

  func decodeNil(forKey key: Key) throws -> Bool { try value(key) == .null }
  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try TreeDecoder.unbox(try value(key), as: type, path: codingPath + [key])
  }
  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).container(keyedBy: type)
  }
  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try TreeDecoder(value: try value(key), codingPath: codingPath + [key]).unkeyedContainer()
  }
  func superDecoder() throws -> any Decoder {
    TreeDecoder(value: members.first { $0.key == "super" }?.value ?? .null, codingPath: codingPath)
  }
  func superDecoder(forKey key: Key) throws -> any Decoder {
    TreeDecoder(value: try value(key), codingPath: codingPath + [key])
  }
}

struct UnkeyedTreeDecoding: UnkeyedDecodingContainer {
  let items: [BinaryValue]
  let codingPath: [any CodingKey]
  var currentIndex = 0
  var count: Int? { items.count }
  var isAtEnd: Bool { currentIndex >= items.count }

  init(items: [BinaryValue], codingPath: [any CodingKey]) {
    self.items = items
    self.codingPath = codingPath
  }

  private mutating func nextValue() throws -> BinaryValue {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: codingPath, debugDescription: "array ended after \(items.count) items"))
    }
    defer { currentIndex += 1 }
    return items[currentIndex]
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, items[currentIndex] == .null else { return false }
    currentIndex += 1
    return true
  }
  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try TreeDecoder.unbox(try nextValue(), as: type, path: codingPath)
  }
  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try TreeDecoder(value: try nextValue(), codingPath: codingPath).container(keyedBy: type)
  }
  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try TreeDecoder(value: try nextValue(), codingPath: codingPath).unkeyedContainer()
  }
  mutating func superDecoder() throws -> any Decoder {
    TreeDecoder(value: try nextValue(), codingPath: codingPath)
  }
}

struct SingleTreeDecoding: SingleValueDecodingContainer {
  let value: BinaryValue
  let codingPath: [any CodingKey]
  func decodeNil() -> Bool { value == .null }
  func decode<T: Decodable>(_ type: T.Type) throws -> T { try TreeDecoder.unbox(value, as: type, path: codingPath) }
}
