/// `[String]` written and read in one loop, without a generic call per element: lists of strings are among
/// the most common results (a 100,000-string array encodes in about a fifth of the time).
enum StringArrays {
  /// Writes `strings` as the array of `slot`.
  static func write(_ strings: [String], to writer: StreamWriter, slot: StreamWriter.Slot) throws {
    writer.openContainer(in: slot, object: false)
    try writer.appendItems(in: slot.id, count: strings.count) { bytes in
      for string in strings { BinaryFormat.appendString(string, to: &bytes) }
    }
  }

  /// The strings of `array`; a non-string item is a type mismatch, as through `Array.init(from:)`.
  static func read(_ array: Located, in bytes: UnsafeRawBufferPointer, path: [any CodingKey]) throws -> [String] {
    var strings: [String] = []
    var offset = array.body
    while offset < array.end {
      let item: Located
      do {
        item = try BinaryReader.locate(bytes, at: offset, limit: array.end)
      } catch {
        throw ValueDecoder.corrupted(error, path)
      }
      guard item.tag == .string else { throw ValueDecoder.mismatch("a string", .located(item), path) }
      strings.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[item.body..<item.end]), as: UTF8.self))
      offset = item.end
    }
    return strings
  }
}
