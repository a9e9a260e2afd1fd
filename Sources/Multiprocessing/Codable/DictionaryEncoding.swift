/// `[String: Value]` and `[Int: Value]` written straight into an object, without the standard library's
/// detour through a keyed container of its private coding keys (the same bytes, a fraction of the time).
protocol DirectDictionaryEncodable {
  func writeObject(to writer: StreamWriter, slot: StreamWriter.Slot, codingPath: [any CodingKey]) throws
}

extension Dictionary: DirectDictionaryEncodable where Key: DirectKey, Value: Encodable {
  func writeObject(to writer: StreamWriter, slot: StreamWriter.Slot, codingPath: [any CodingKey]) throws {
    writer.openContainer(in: slot, object: true)
    if try ScalarDictionary.write(self, to: writer, slot: slot.id) { return }
    for (key, value) in self {
      try writer.beginItem(in: slot.id)
      key.appendKey(to: &writer.bytes)
      try writer.write(value, into: writer.makeSlot(), codingPath: codingPath + [AnyKey(key)])
    }
  }
}

/// A dictionary key in an error path.
private struct AnyKey: CodingKey {
  let stringValue: String
  var intValue: Int? { Int(stringValue) }
  init(_ key: some DirectKey) { stringValue = "\(key)" }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { stringValue = String(intValue) }
}
