/// Encodes any `Encodable` value into a compact binary form, without Foundation.
///
/// This is how a `ProcessPool` worker sends a result back to the parent. Keys are kept (as strings), so types
/// with custom `Codable` conformances, optionals that are omitted, and dictionaries all round-trip. Arrays of
/// numbers and booleans (`[UInt8]`, `[Int]`, `[Double]`, …) are copied as one block of memory, and values are
/// written in one pass, in time linear in their size. The bytes are meant for `BinaryDecoder` in the same
/// program: the format is internal and may change between versions.
public struct BinaryEncoder: Sendable {
  /// Creates an encoder.
  public init() {}

  /// The compact bytes of `value`. Throws the error the value's `encode(to:)` throws, or an
  /// `EncodingError.invalidValue` when it encodes nothing.
  public func encode(_ value: some Encodable) throws -> [UInt8] {
    let writer = StreamWriter()
    let slot = writer.makeSlot()
    do {
      if !BinaryFormat.appendPrimitive(value, to: &writer.bytes)
        && !BinaryFormat.appendRawArray(value, to: &writer.bytes)
      {
        try value.encode(to: StreamEncoder(writer: writer, slot: slot, codingPath: []))
      }
    } catch is StreamWriter.OutOfOrder {
      return try encodeAsTree(value)
    }
    // A conformance may have caught the stream's OutOfOrder itself: the flag still tells.
    if writer.outOfOrder { return try encodeAsTree(value) }
    guard !writer.isEmpty(slot) else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded no value"))
    }
    writer.finish()
    return writer.bytes
  }

  /// The slower general path: builds the value as a tree first, so containers may be filled in any order.
  func encodeAsTree(_ value: some Encodable) throws -> [UInt8] {
    let node = try EncodingNode.encode(value, path: [])
    var bytes: [UInt8] = []
    guard node.write(to: &bytes) else {
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded no value"))
    }
    return bytes
  }
}
