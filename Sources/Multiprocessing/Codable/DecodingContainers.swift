/// An object's members, found once when the container is made; a key is looked up by a scan from the end
/// (the last occurrence wins) when there are few members, by a hash table when there are many.
struct KeyedValueDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let bytes: [UInt8]
  let codingPath: [any CodingKey]
  private let depth: Int
  private let members: [(key: Range<Int>, value: Located)]
  /// For objects of more than `scanLimit` members: each key's last member.
  private let index: [String: Int]?
  private static var scanLimit: Int { 16 }

  init(bytes: [UInt8], object: Located, codingPath: [any CodingKey], depth: Int) throws {
    self.bytes = bytes
    self.codingPath = codingPath
    self.depth = depth
    var members: [(key: Range<Int>, value: Located)] = []
    var offset = object.body
    do {
      while offset < object.end {
        let key = try BinaryReader.key(bytes, at: &offset, limit: object.end)
        let value = try BinaryReader.locate(bytes, at: offset, limit: object.end)
        members.append((key, value))
        offset = value.end
      }
    } catch {
      throw ValueDecoder.corrupted(error, codingPath)
    }
    self.members = members
    if members.count > Self.scanLimit {
      let names = members.map { String(decoding: bytes[$0.key], as: UTF8.self) }
      index = Dictionary(zip(names, names.indices), uniquingKeysWith: { _, last in last })
    } else {
      index = nil
    }
  }

  var allKeys: [Key] {
    if let index {
      return index.sorted { $0.value < $1.value }.compactMap { Key(stringValue: $0.key) }
    }
    return members.indices.compactMap { position in
      let key = bytes[members[position].key]
      let overridden = members[(position + 1)...].contains { bytes[$0.key].elementsEqual(key) }
      return overridden ? nil : Key(stringValue: String(decoding: key, as: UTF8.self))
    }
  }

  func contains(_ key: Key) -> Bool { find(key) != nil }

  private func find(_ key: Key) -> Located? {
    if let index { return index[key.stringValue].map { members[$0].value } }
    var name = key.stringValue
    return name.withUTF8 { utf8 in
      bytes.withUnsafeBufferPointer { all in
        members.last { member in
          member.key.count == utf8.count && UnsafeBufferPointer(rebasing: all[member.key]).elementsEqual(utf8)
        }?.value
      }
    }
  }

  private func value(_ key: Key) throws -> Located {
    guard let value = find(key) else {
      throw DecodingError.keyNotFound(key, .init(codingPath: codingPath, debugDescription: "no value for key"))
    }
    return value
  }

  func decodeNil(forKey key: Key) throws -> Bool { try value(key).tag == .null }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try ValueDecoder.unbox(.located(try value(key)), as: type, in: bytes, path: codingPath + [key], depth: depth)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try decoder(try value(key), codingPath + [key]).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try decoder(try value(key), codingPath + [key]).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    let name = "super"
    let found = members.last { bytes[$0.key].elementsEqual(name.utf8) }?.value
    guard let found else {
      let null = Located(tag: .null, offset: 0, body: 0, end: 0, number: 0, kind: nil)
      return decoder(null, codingPath)
    }
    return decoder(found, codingPath)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { decoder(try value(key), codingPath + [key]) }

  private func decoder(_ value: Located, _ path: [any CodingKey]) -> ValueDecoder {
    ValueDecoder(bytes: bytes, item: .located(value), codingPath: path, depth: depth + 1)
  }
}

/// Items of an array, read one after the other; a raw array's elements are read as scalars.
struct UnkeyedValueDecoding: UnkeyedDecodingContainer {
  let bytes: [UInt8]
  let codingPath: [any CodingKey]
  private let array: Located
  private let depth: Int
  private var offset: Int
  private(set) var currentIndex = 0

  init(bytes: [UInt8], array: Located, codingPath: [any CodingKey], depth: Int) {
    self.bytes = bytes
    self.array = array
    self.codingPath = codingPath
    self.depth = depth
    offset = array.body
  }

  /// A raw array's element count; for other arrays, found by skipping over the items (O(1) each).
  var count: Int? {
    if array.kind != nil { return Int(array.number) }
    var items = 0
    var position = array.body
    while position < array.end {
      guard let item = try? BinaryReader.locate(bytes, at: position, limit: array.end) else { return nil }
      position = item.end
      items += 1
    }
    return items
  }

  var isAtEnd: Bool { array.kind != nil ? currentIndex >= Int(array.number) : offset >= array.end }

  private mutating func next() throws -> DecodedItem {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        Any.self, .init(codingPath: codingPath, debugDescription: "array ended after \(currentIndex) items"))
    }
    if let kind = array.kind {
      guard let scalar = kind.scalar(at: currentIndex, base: array.body, in: bytes) else {
        throw ValueDecoder.corrupted(
          BinaryFormatError(message: "not a boolean", offset: array.body + currentIndex), codingPath)
      }
      currentIndex += 1
      return .element(scalar)
    }
    do {
      let item = try BinaryReader.locate(bytes, at: offset, limit: array.end)
      offset = item.end
      currentIndex += 1
      return .located(item)
    } catch {
      throw ValueDecoder.corrupted(error, codingPath)
    }
  }

  mutating func decodeNil() throws -> Bool {
    guard !isAtEnd, array.kind == nil, bytes[offset] == BinaryFormat.Tag.null.rawValue else { return false }
    offset += 1
    currentIndex += 1
    return true
  }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try ValueDecoder.unbox(try next(), as: type, in: bytes, path: codingPath, depth: depth)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try decoder(try next()).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try decoder(try next()).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { decoder(try next()) }

  private func decoder(_ item: DecodedItem) -> ValueDecoder {
    ValueDecoder(bytes: bytes, item: item, codingPath: codingPath, depth: depth + 1)
  }
}
