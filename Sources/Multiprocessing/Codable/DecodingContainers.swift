/// An object's members, found once when the container is made; a key is looked up by a scan from the end
/// (the last occurrence wins) when there are few members, by a hash table when there are many.
struct KeyedValueDecoding<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let bytes: UnsafeRawBufferPointer
  let codingPath: [any CodingKey]
  private let depth: Int
  private let members: [ObjectMember]
  /// For objects of more than `scanLimit` members: their keys, and each key's last member.
  private let names: [String]
  private let index: [String: Int]?
  private static var scanLimit: Int { 16 }

  init(bytes: UnsafeRawBufferPointer, object: Located, codingPath: [any CodingKey], depth: Int) throws {
    self.bytes = bytes
    self.codingPath = codingPath
    self.depth = depth
    members = try ObjectMember.all(of: object, in: bytes, codingPath: codingPath)
    if members.count > Self.scanLimit {
      names = members.map { $0.name(in: bytes) }
      index = Dictionary(zip(names, names.indices), uniquingKeysWith: { _, last in last })
    } else {
      names = []
      index = nil
    }
  }

  var allKeys: [Key] {
    if let index {
      if index.count == names.count { return names.compactMap { Key(stringValue: $0) } }
      return names.indices.compactMap { index[names[$0]] == $0 ? Key(stringValue: names[$0]) : nil }
    }
    return members.indices.compactMap { position in
      let key = members[position].key(in: bytes)
      let overridden = members[(position + 1)...].contains { $0.key(in: bytes).elementsEqual(key) }
      return overridden ? nil : Key(stringValue: members[position].name(in: bytes))
    }
  }

  func contains(_ key: Key) -> Bool { find(key) != nil }

  private func find(_ key: Key) -> Located? {
    if let index { return index[key.stringValue].map { members[$0].value } }
    var name = key.stringValue
    return name.withUTF8 { utf8 in
      members.last { $0.keyLength == utf8.count && $0.key(in: bytes).elementsEqual(utf8) }?.value
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
    let found = members.last { $0.key(in: bytes).elementsEqual("super".utf8) }?.value
    return decoder(found ?? Located(tag: .null, offset: 0, body: 0, end: 0, number: 0, kind: nil), codingPath)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder { decoder(try value(key), codingPath + [key]) }

  private func decoder(_ value: Located, _ path: [any CodingKey]) -> ValueDecoder {
    ValueDecoder(bytes: bytes, item: .located(value), codingPath: path, depth: depth + 1)
  }
}

/// One `key, value` member of an object.
struct ObjectMember {
  let keyStart: Int
  let keyLength: Int
  let value: Located

  func key(in bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
    UnsafeRawBufferPointer(rebasing: bytes[keyStart..<(keyStart + keyLength)])
  }

  func name(in bytes: UnsafeRawBufferPointer) -> String { String(decoding: key(in: bytes), as: UTF8.self) }

  /// The members of `object`, in the order written.
  static func all(of object: Located, in bytes: UnsafeRawBufferPointer, codingPath: [any CodingKey]) throws
    -> [ObjectMember]
  {
    var members: [ObjectMember] = []
    try ObjectMembers(object: object, bytes: bytes, codingPath: codingPath).forEach { members.append($0) }
    return members
  }
}

/// The members of an object, visited in place (a large dictionary is read without an array of its members).
struct ObjectMembers {
  let object: Located
  let bytes: UnsafeRawBufferPointer
  let codingPath: [any CodingKey]

  /// How many members there are (each found in O(1): values are skipped by their length).
  func count() throws -> Int {
    var count = 0
    try forEach { _ in count += 1 }
    return count
  }

  /// Calls `body` with each member, in the order written.
  func forEach(_ body: (ObjectMember) throws -> Void) throws {
    var offset = object.body
    while offset < object.end {
      let member: ObjectMember
      do {
        let key = try BinaryReader.key(bytes, at: &offset, limit: object.end)
        let value = try BinaryReader.locate(bytes, at: offset, limit: object.end)
        member = ObjectMember(keyStart: key.lowerBound, keyLength: key.count, value: value)
      } catch {
        throw ValueDecoder.corrupted(error, codingPath)
      }
      try body(member)
      offset = member.value.end
    }
  }
}

/// Items of an array, read one after the other; a raw array's elements are read as scalars.
struct UnkeyedValueDecoding: UnkeyedDecodingContainer {
  let bytes: UnsafeRawBufferPointer
  let codingPath: [any CodingKey]
  private let array: Located
  private let depth: Int
  private var offset: Int
  private(set) var currentIndex = 0

  init(bytes: UnsafeRawBufferPointer, array: Located, codingPath: [any CodingKey], depth: Int) {
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
