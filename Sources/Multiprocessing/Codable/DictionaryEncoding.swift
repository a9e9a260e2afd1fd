/// `[String: Value]` written straight into an object, without the standard library's detour through a
/// keyed container of its private coding keys (the same bytes, a fraction of the time).
protocol StringKeyedDictionaryEncodable {
  func writeObject(to writer: StreamWriter, slot: StreamWriter.Slot, codingPath: [any CodingKey]) throws
}

extension Dictionary: StringKeyedDictionaryEncodable where Key == String, Value: Encodable {
  func writeObject(to writer: StreamWriter, slot: StreamWriter.Slot, codingPath: [any CodingKey]) throws {
    writer.openContainer(in: slot, object: true)
    if Value.self == Int.self {
      try ScalarDictionary.write(unsafeBitCast(self, to: [String: Int].self), to: writer, slot: slot.id)
    } else if Value.self == String.self {
      try ScalarDictionary.write(unsafeBitCast(self, to: [String: String].self), to: writer, slot: slot.id)
    } else if Value.self == Double.self {
      try ScalarDictionary.write(unsafeBitCast(self, to: [String: Double].self), to: writer, slot: slot.id)
    } else {
      for (key, value) in self {
        try writer.beginItem(in: slot.id)
        BinaryFormat.appendKey(key, to: &writer.bytes)
        try writer.write(value, into: writer.makeSlot(), codingPath: codingPath + [MemberKey(stringValue: key)])
      }
    }
  }
}
