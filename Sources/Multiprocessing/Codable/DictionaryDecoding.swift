/// `[String: Value]` and `[Int: Value]` read straight from an object's members: no coding keys, no key
/// index, one hash per member (what `Dictionary.init(from:)` does through a keyed container, at a fraction of
/// the cost).
protocol DirectDictionaryDecodable {
  static func decodeObject(_ object: Located, in bytes: UnsafeRawBufferPointer, codingPath: [any CodingKey], depth: Int)
    throws -> Self
}

extension Dictionary: DirectDictionaryDecodable where Key: DirectKey, Value: Decodable {
  static func decodeObject(_ object: Located, in bytes: UnsafeRawBufferPointer, codingPath: [any CodingKey], depth: Int)
    throws -> Self
  {
    let members = ObjectMembers(object: object, bytes: bytes, codingPath: codingPath)
    if let specialized = try ScalarDictionary.decode(members, as: Self.self) { return specialized }
    var result = Self(minimumCapacity: try members.count())
    try members.forEach { member in
      let key = try ScalarDictionary.key(member, in: bytes, codingPath, Key.self)
      // A key written twice keeps its last value, as the keyed container does.
      result[key] = try ValueDecoder.unbox(
        .located(member.value), as: Value.self, in: bytes, path: codingPath + [MemberKey(member, bytes)], depth: depth)
    }
    return result
  }
}

/// The coding key of a dictionary member, for error paths.
struct MemberKey: CodingKey {
  let stringValue: String
  var intValue: Int? { Int(stringValue) }
  init(stringValue: String) { self.stringValue = stringValue }
  init?(intValue: Int) { stringValue = String(intValue) }
  init(_ member: ObjectMember, _ bytes: UnsafeRawBufferPointer) { stringValue = member.name(in: bytes) }
}
