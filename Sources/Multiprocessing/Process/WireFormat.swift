/// The messages a worker process writes to its pipe, and how the parent reads them back.
///
/// Each message is `[length][UInt8 kind][Int64 start][Int64 count][payload]`, little-endian, where a length
/// field is a `UInt32`, or `UInt32.max` and then a `UInt64` for a length of 4 GiB or more (`WireFormat+Lengths`).
/// `shared` says the chunk's values are in the batch's shared result memory, and lists the tasks that threw
/// as `[Int64 index][UInt8 status][length][error record]`; `raw` carries the bytes of `count` bitwise-copyable results (an `[Int]` chunk is one memcpy each way);
/// `items` carries per-task records `[UInt8 status][length][bytes]` (a thrown error as `TaskErrorCoding`
/// writes it); `initializerFailed` carries text. A message may cover part of a chunk: a worker sends what it
/// finished when a chunk runs long.
enum WireFormat {
  enum Kind: UInt8 { case raw = 1, items = 2, initializerFailed = 3, shared = 4 }
  enum Status: UInt8 { case value = 0, threw = 1, unencodable = 2, threwCodable = 3 }

  /// The header's bytes after its length field: kind, start, count.
  static let headerFields = 1 + 8 + 8

  static func appendHeader(kind: Kind, start: Int, count: Int, to bytes: inout [UInt8]) -> Int {
    let lengthAt = bytes.count
    append(UInt32(0), to: &bytes)
    bytes.append(kind.rawValue)
    append(Int64(start), to: &bytes)
    append(Int64(count), to: &bytes)
    return lengthAt
  }

  /// Rewrites the task count of the message whose header starts at `lengthAt`.
  static func patchCount(at lengthAt: Int, count: Int, in bytes: inout [UInt8]) {
    write(Int64(count), at: lengthAt + 13, in: &bytes)
  }

  static func append<I: FixedWidthInteger>(_ value: I, to bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  static func appendItem(_ status: Status, _ payload: some Collection<UInt8>, to bytes: inout [UInt8]) {
    bytes.append(status.rawValue)
    appendLength(payload.count, to: &bytes)
    bytes.append(contentsOf: payload)
  }

  /// A message located in a read buffer.
  struct Message {
    let kind: Kind
    let start: Int
    let count: Int
    let payload: Range<Int>
  }

  /// The next complete message at `offset` in `bytes`, or nil if more bytes are needed.
  static func nextMessage(in bytes: UnsafeRawBufferPointer, at offset: Int) -> (Message, next: Int)? {
    guard let (length, fieldSize) = lengthField(in: bytes, at: offset) else { return nil }
    let fields = offset + fieldSize
    guard bytes.count - fields >= length, length >= headerFields else { return nil }
    let kind = Kind(rawValue: bytes[fields]) ?? .initializerFailed
    let start = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: fields + 1, as: Int64.self)))
    let count = Int(Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: fields + 9, as: Int64.self)))
    let end = fields + length
    return (Message(kind: kind, start: start, count: count, payload: (fields + headerFields)..<end), end)
  }
}

/// Result types whose bytes can be copied as they are from a worker to the parent (same binary, no pointers).
protocol BitwiseResult {}
extension Int: BitwiseResult {}
extension Int8: BitwiseResult {}
extension Int16: BitwiseResult {}
extension Int32: BitwiseResult {}
extension Int64: BitwiseResult {}
extension UInt: BitwiseResult {}
extension UInt8: BitwiseResult {}
extension UInt16: BitwiseResult {}
extension UInt32: BitwiseResult {}
extension UInt64: BitwiseResult {}
extension Double: BitwiseResult {}
extension Float: BitwiseResult {}
extension Bool: BitwiseResult {}
extension Optional: BitwiseResult where Wrapped: BitwiseResult {}
