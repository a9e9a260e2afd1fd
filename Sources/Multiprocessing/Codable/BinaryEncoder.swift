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
    var bytes: [UInt8] = []
    try encode(value, appendingTo: &bytes)
    return bytes
  }

  /// Appends the compact bytes of `value` to `output` (a worker's pending message: no intermediate copy).
  /// On error `output` is left as it was.
  func encode(_ value: some Encodable, appendingTo output: inout [UInt8]) throws {
    let start = output.count
    let writer = StreamWriter()
    swap(&writer.bytes, &output)
    let slot = writer.makeSlot()
    var streamed = true
    do {
      try writer.write(value, into: slot, codingPath: [], fillIfEmpty: false)
      // A conformance may have caught the stream's OutOfOrder itself: the flag still tells.
      streamed = !writer.outOfOrder
    } catch is StreamWriter.OutOfOrder {
      streamed = false
    } catch {
      swap(&writer.bytes, &output)
      output.removeSubrange(start...)
      throw error
    }
    let empty = streamed && writer.isEmpty(slot)
    if streamed && !empty { writer.finish() }
    swap(&writer.bytes, &output)
    if empty {
      throw EncodingError.invalidValue(
        value, .init(codingPath: [], debugDescription: "\(type(of: value)) encoded no value"))
    }
    if !streamed {
      output.removeSubrange(start...)
      output.append(contentsOf: try encodeAsTree(value))
    }
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
