/// Dictionaries of `String` or `Int` keys and one primitive value type, in code the compiler specializes for
/// each pair (the generic dictionary paths would otherwise look up metadata for every member).
enum ScalarDictionary {
  /// `members` as a `D` when it is one of the specialized pairs; nil otherwise.
  static func decode<D>(_ members: ObjectMembers, as: D.Type) throws -> D? {
    if D.self == [String: Int].self {
      return unsafeBitCast(try decode(members, String.self, Int.self), to: D.self)
    }
    if D.self == [String: String].self {
      return unsafeBitCast(try decode(members, String.self, String.self), to: D.self)
    }
    if D.self == [String: Double].self {
      return unsafeBitCast(try decode(members, String.self, Double.self), to: D.self)
    }
    if D.self == [Int: Int].self {
      return unsafeBitCast(try decode(members, Int.self, Int.self), to: D.self)
    }
    if D.self == [Int: String].self {
      return unsafeBitCast(try decode(members, Int.self, String.self), to: D.self)
    }
    if D.self == [Int: Double].self {
      return unsafeBitCast(try decode(members, Int.self, Double.self), to: D.self)
    }
    return nil
  }

  private static func decode<K: DirectKey, V>(_ members: ObjectMembers, _: K.Type, _: V.Type) throws -> [K: V] {
    let (bytes, path) = (members.bytes, members.codingPath)
    var result = [K: V](minimumCapacity: try members.count())
    try members.forEach { member in
      let key = try self.key(member, in: bytes, path, K.self)
      guard let scalar = BinaryReader.scalar(member.value),
        let value = try ScalarConversion.convert(scalar, to: V.self, in: bytes, path: path + [MemberKey(member, bytes)])
      else {
        throw ValueDecoder.mismatch("a \(V.self)", .located(member.value), path + [MemberKey(member, bytes)])
      }
      result[key] = value
    }
    return result
  }

  /// The dictionary key a member's key text spells, or a type mismatch (as the standard library reports an
  /// `Int`-keyed dictionary whose key is not a number).
  static func key<K: DirectKey>(
    _ member: ObjectMember, in bytes: UnsafeRawBufferPointer, _ path: [any CodingKey], _: K.Type
  ) throws -> K {
    guard let key = K.key(from: member.key(in: bytes)) else {
      throw DecodingError.typeMismatch(
        K.self,
        .init(codingPath: path + [MemberKey(member, bytes)], debugDescription: "expected a \(K.self) key"))
    }
    return key
  }

  /// Writes the members of `dictionary` into the open object of `slot` when it is one of the specialized
  /// pairs; false otherwise.
  static func write<D>(_ dictionary: D, to writer: StreamWriter, slot: Int) throws -> Bool {
    if D.self == [String: Int].self {
      try write(unsafeBitCast(dictionary, to: [String: Int].self), to: writer, slot: slot)
      return true
    }
    if D.self == [String: String].self {
      try write(unsafeBitCast(dictionary, to: [String: String].self), to: writer, slot: slot)
      return true
    }
    if D.self == [String: Double].self {
      try write(unsafeBitCast(dictionary, to: [String: Double].self), to: writer, slot: slot)
      return true
    }
    if D.self == [Int: Int].self {
      try write(unsafeBitCast(dictionary, to: [Int: Int].self), to: writer, slot: slot)
      return true
    }
    if D.self == [Int: String].self {
      try write(unsafeBitCast(dictionary, to: [Int: String].self), to: writer, slot: slot)
      return true
    }
    if D.self == [Int: Double].self {
      try write(unsafeBitCast(dictionary, to: [Int: Double].self), to: writer, slot: slot)
      return true
    }
    return false
  }

  private static func write<K: DirectKey, V>(_ dictionary: [K: V], to writer: StreamWriter, slot: Int) throws {
    try writer.appendItems(in: slot, count: dictionary.count) { bytes in
      for (key, value) in dictionary {
        key.appendKey(to: &bytes)
        _ = BinaryFormat.appendPrimitive(value, to: &bytes)
      }
    }
  }
}
