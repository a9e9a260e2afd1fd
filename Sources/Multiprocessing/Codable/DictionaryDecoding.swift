/// `[String: Value]` read straight from an object's members: no coding keys, no key index, one hash per
/// member (what `Dictionary.init(from:)` would do through a keyed container, at a fraction of the cost).
protocol StringKeyedDictionary {
  static func decodeObject(_ object: Located, in bytes: UnsafeRawBufferPointer, codingPath: [any CodingKey], depth: Int)
    throws -> Self
}

extension Dictionary: StringKeyedDictionary where Key == String, Value: Decodable {
  static func decodeObject(_ object: Located, in bytes: UnsafeRawBufferPointer, codingPath: [any CodingKey], depth: Int)
    throws -> Self
  {
    let members = try ObjectMember.all(of: object, in: bytes, codingPath: codingPath)
    // The common value types in concrete code: no generic dispatch or metadata look-up per member.
    if Value.self == Int.self {
      return unsafeBitCast(try ScalarDictionary.decode(members, in: bytes, codingPath, Int.self), to: Self.self)
    }
    if Value.self == String.self {
      return unsafeBitCast(try ScalarDictionary.decode(members, in: bytes, codingPath, String.self), to: Self.self)
    }
    if Value.self == Double.self {
      return unsafeBitCast(try ScalarDictionary.decode(members, in: bytes, codingPath, Double.self), to: Self.self)
    }
    var result = Self(minimumCapacity: members.count)
    for member in members {
      let name = member.name(in: bytes)
      // A key written twice keeps its last value, as the keyed container does.
      result[name] = try ValueDecoder.unbox(
        .located(member.value), as: Value.self, in: bytes, path: codingPath + [MemberKey(stringValue: name)],
        depth: depth)
    }
    return result
  }
}

/// Dictionaries of one primitive value type, in code the compiler specializes for each (called with concrete
/// types from the generic dictionary paths, which would otherwise look up metadata for every member).
enum ScalarDictionary {
  /// A dictionary of one primitive value type, filled by code specialized for it.
  static func decode<V>(
    _ members: [ObjectMember], in bytes: UnsafeRawBufferPointer, _ codingPath: [any CodingKey], _: V.Type
  ) throws -> [String: V] {
    var result = [String: V](minimumCapacity: members.count)
    for member in members {
      let name = member.name(in: bytes)
      guard let scalar = BinaryReader.scalar(member.value),
        let value = try ScalarConversion.convert(
          scalar, to: V.self, in: bytes, path: codingPath + [MemberKey(stringValue: name)])
      else {
        throw ValueDecoder.mismatch("a \(V.self)", .located(member.value), codingPath + [MemberKey(stringValue: name)])
      }
      result[name] = value
    }
    return result
  }

  /// Writes the members of a dictionary whose values are primitives into the open object of `slot`.
  static func write<V>(_ dictionary: [String: V], to writer: StreamWriter, slot: Int) throws {
    for (key, value) in dictionary {
      try writer.beginItem(in: slot)
      BinaryFormat.appendKey(key, to: &writer.bytes)
      _ = BinaryFormat.appendPrimitive(value, to: &writer.bytes)
    }
  }
}

/// The coding key of a dictionary member, for error paths.
struct MemberKey: CodingKey {
  let stringValue: String
  var intValue: Int? { Int(stringValue) }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { stringValue = String(intValue) }
}
