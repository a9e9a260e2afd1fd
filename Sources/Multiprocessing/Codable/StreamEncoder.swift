/// The `Encoder` of one value slot in a streaming encode (see `StreamWriter`).
struct StreamEncoder: Encoder {
  let writer: StreamWriter
  let slot: StreamWriter.Slot
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let open = writer.openContainer(in: slot, object: true)
    return KeyedEncodingContainer(
      StreamKeyedContainer<Key>(writer: writer, slot: open ? slot.id : 0, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    let open = writer.openContainer(in: slot, object: false)
    return StreamUnkeyedContainer(writer: writer, slot: open ? slot.id : 0, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    StreamSingleContainer(writer: writer, slot: slot, codingPath: codingPath)
  }
}

/// Writes members `key, value` into an object container. Slot 0 is a container that could not be opened:
/// every write to it throws `OutOfOrder`.
struct StreamKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let writer: StreamWriter
  let slot: Int
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    try begin(key)
    writer.bytes.append(BinaryFormat.Tag.null.rawValue)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try begin(key)
    try writer.write(value, into: writer.makeSlot(), codingPath: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
    -> KeyedEncodingContainer<NestedKey>
  {
    StreamEncoder(writer: writer, slot: nestedSlot(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    StreamEncoder(writer: writer, slot: nestedSlot(key), codingPath: codingPath + [key]).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder { handOut(named: "super", path: codingPath) }
  mutating func superEncoder(forKey key: Key) -> any Encoder {
    handOut(named: key.stringValue, path: codingPath + [key])
  }

  private func begin(_ key: Key) throws(StreamWriter.OutOfOrder) {
    try writer.beginItem(in: slot)
    BinaryFormat.appendKey(key.stringValue, to: &writer.bytes)
  }

  /// A slot for a nested container, or a dead one (id 0 never matches a frame) when the order is broken.
  private func nestedSlot(_ key: Key) -> StreamWriter.Slot {
    guard (try? begin(key)) != nil else { return StreamWriter.Slot(id: 0, start: -1, depth: -1) }
    return writer.makeSlot()
  }

  private func handOut(named name: String, path: [any CodingKey]) -> any Encoder {
    guard (try? writer.beginItem(in: slot)) != nil else {
      return StreamEncoder(writer: writer, slot: StreamWriter.Slot(id: 0, start: -1, depth: -1), codingPath: path)
    }
    BinaryFormat.appendKey(name, to: &writer.bytes)
    let child = writer.makeSlot()
    writer.setPending(child)
    return StreamEncoder(writer: writer, slot: child, codingPath: path)
  }
}

/// Appends items to an array container.
struct StreamUnkeyedContainer: UnkeyedEncodingContainer {
  let writer: StreamWriter
  let slot: Int
  let codingPath: [any CodingKey]
  var count: Int { writer.count(of: slot) }

  mutating func encodeNil() throws {
    try writer.beginItem(in: slot)
    writer.bytes.append(BinaryFormat.Tag.null.rawValue)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try writer.beginItem(in: slot)
    try writer.write(value, into: writer.makeSlot(), codingPath: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    StreamEncoder(writer: writer, slot: nestedSlot(), codingPath: codingPath).container(keyedBy: keyType)
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    StreamEncoder(writer: writer, slot: nestedSlot(), codingPath: codingPath).unkeyedContainer()
  }

  mutating func superEncoder() -> any Encoder {
    guard (try? writer.beginItem(in: slot)) != nil else {
      return StreamEncoder(writer: writer, slot: StreamWriter.Slot(id: 0, start: -1, depth: -1), codingPath: codingPath)
    }
    let child = writer.makeSlot()
    writer.setPending(child)
    return StreamEncoder(writer: writer, slot: child, codingPath: codingPath)
  }

  private func nestedSlot() -> StreamWriter.Slot {
    guard (try? writer.beginItem(in: slot)) != nil else { return StreamWriter.Slot(id: 0, start: -1, depth: -1) }
    return writer.makeSlot()
  }
}

/// Writes the one value of a slot; a second value in the same slot breaks the stream (the tree encoder
/// then keeps the last, as it always did).
struct StreamSingleContainer: SingleValueEncodingContainer {
  let writer: StreamWriter
  let slot: StreamWriter.Slot
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws {
    guard writer.isEmpty(slot) else { throw writer.markOutOfOrder() }
    writer.bytes.append(BinaryFormat.Tag.null.rawValue)
  }

  mutating func encode<T: Encodable>(_ value: T) throws {
    guard writer.isEmpty(slot) else { throw writer.markOutOfOrder() }
    try writer.write(value, into: slot, codingPath: codingPath)
  }
}
