/// Decodes values written by `BinaryEncoder`, without Foundation.
///
/// Reads the bytes in place: no intermediate tree, a raw array is one copy, and an object's keys are
/// looked up by hashing when it has many (a 16k-key dictionary decodes in linear time). Malformed or
/// truncated bytes, or bytes of another type, throw a `DecodingError` that says where.
public struct BinaryDecoder: Sendable {
  /// Creates a decoder.
  public init() {}

  /// Decodes a `T` from the compact bytes of `BinaryEncoder.encode(_:)`.
  public func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try bytes.withUnsafeBytes { try decode(type, from: $0) }
  }

  /// Decodes from borrowed bytes (a worker's message, where it was read).
  func decode<T: Decodable>(_ type: T.Type, from bytes: UnsafeRawBufferPointer) throws -> T {
    let value: Located
    do {
      value = try BinaryReader.locate(bytes, at: 0, limit: bytes.count)
    } catch {
      throw ValueDecoder.corrupted(error, [])
    }
    guard value.end == bytes.count else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: [], debugDescription: "\(bytes.count - value.end) trailing bytes after the value"))
    }
    return try ValueDecoder.unbox(.located(value), as: type, in: bytes, path: [], depth: 0)
  }

}

/// What a decoder reads: a value in the bytes, or one element of a raw array.
enum DecodedItem {
  case located(Located)
  case element(Scalar)

  var isNull: Bool {
    if case .located(let value) = self { return value.tag == .null }
    return false
  }

  var summary: String {
    switch self {
    case .located(let value): return value.tag == .raw ? "an array of numbers" : "\(value.tag)"
    case .element(let scalar): return "\(scalar)"
    }
  }
}

struct ValueDecoder: Decoder {
  let bytes: UnsafeRawBufferPointer
  let item: DecodedItem
  let codingPath: [any CodingKey]
  let depth: Int
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .located(let value) = item, value.tag == .object else {
      throw Self.mismatch("an object", item, codingPath)
    }
    return KeyedDecodingContainer(
      try KeyedValueDecoding<Key>(bytes: bytes, object: value, codingPath: codingPath, depth: depth))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .located(let value) = item, value.tag == .array || value.tag == .raw else {
      throw Self.mismatch("an array", item, codingPath)
    }
    return UnkeyedValueDecoding(bytes: bytes, array: value, codingPath: codingPath, depth: depth)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleValueDecoding(bytes: bytes, item: item, codingPath: codingPath, depth: depth)
  }

  static func mismatch(_ expected: String, _ item: DecodedItem, _ path: [any CodingKey]) -> DecodingError {
    .typeMismatch(Any.self, .init(codingPath: path, debugDescription: "expected \(expected), found \(item.summary)"))
  }

  static func tooDeep(_ path: [any CodingKey]) -> DecodingError {
    .dataCorrupted(.init(codingPath: path, debugDescription: "nesting deeper than 512 levels"))
  }

  static func corrupted(_ error: BinaryFormatError, _ path: [any CodingKey]) -> DecodingError {
    .dataCorrupted(.init(codingPath: path, debugDescription: error.description))
  }

  /// Converts an item into `T`: primitives and raw arrays directly, everything else through `T.init(from:)`.
  static func unbox<T: Decodable>(
    _ item: DecodedItem, as type: T.Type, in bytes: UnsafeRawBufferPointer, path: @autoclosure () -> [any CodingKey],
    depth: Int
  ) throws -> T {
    switch item {
    case .element(let scalar):
      if let result = try ScalarConversion.convert(scalar, to: type, in: bytes, path: path()) { return result }
    case .located(let value):
      if let scalar = BinaryReader.scalar(value) {
        if let result = try ScalarConversion.convert(scalar, to: type, in: bytes, path: path()) { return result }
      } else if value.tag == .array, T.self == [String].self {
        return unsafeBitCast(try StringArrays.read(value, in: bytes, path: path()), to: T.self)
      } else if value.tag == .object, let dictionaryType = T.self as? any DirectDictionaryDecodable.Type {
        guard depth < 512 else { throw tooDeep(path()) }
        let dictionary = try dictionaryType.decodeObject(value, in: bytes, codingPath: path(), depth: depth + 1)
        if let typed = dictionary as? T { return typed }
      } else if let kind = value.kind, let rawType = T.self as? any RawArray.Type {
        do {
          if let array = try rawType.fromRaw(kind: kind, count: Int(value.number), base: value.body, in: bytes),
            let typed = array as? T
          {
            return typed
          }
        } catch {
          throw corrupted(error, path())
        }
      }
    }
    guard depth < 512 else { throw tooDeep(path()) }
    return try T(from: ValueDecoder(bytes: bytes, item: item, codingPath: path(), depth: depth + 1))
  }
}

struct SingleValueDecoding: SingleValueDecodingContainer {
  let bytes: UnsafeRawBufferPointer
  let item: DecodedItem
  let codingPath: [any CodingKey]
  let depth: Int

  func decodeNil() -> Bool { item.isNull }
  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try ValueDecoder.unbox(item, as: type, in: bytes, path: codingPath, depth: depth)
  }
}
