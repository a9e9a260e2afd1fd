/// A value found in the bytes: its tag, where its body starts, where it ends, and the number its header
/// holds (the integer or bit pattern of a scalar, the byte count of a string, the element count of a raw
/// array). Finding one reads only its header, so skipping any value costs O(1).
struct Located {
  let tag: BinaryFormat.Tag
  let offset: Int
  let body: Int
  let end: Int
  let number: UInt64
  let kind: RawKind?
}

/// A number, string (its byte range) or boolean, read from a scalar value or from a raw array's element.
enum Scalar {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(Range<Int>)
}

/// Reads the binary form with every offset checked: malformed or truncated bytes throw, never trap.
///
/// The bytes are borrowed for the duration of one `BinaryDecoder.decode` call (a `Decoder` must not escape
/// the `init(from:)` it is handed), so a worker's message is decoded where it was read, without a copy.
enum BinaryReader {
  /// The value at `offset`, which must end by `limit`.
  static func locate(_ bytes: UnsafeRawBufferPointer, at offset: Int, limit: Int) throws(BinaryFormatError) -> Located {
    guard offset < limit, let tag = BinaryFormat.Tag(rawValue: bytes[offset]) else {
      throw BinaryFormatError(message: offset < limit ? "unknown tag" : "missing value", offset: offset)
    }
    var position = offset + 1
    switch tag {
    case .null, .false, .true:
      return Located(tag: tag, offset: offset, body: position, end: position, number: 0, kind: nil)
    case .int, .uint:
      let number = try varint(bytes, &position, limit: limit)
      return Located(tag: tag, offset: offset, body: position, end: position, number: number, kind: nil)
    case .double:
      guard limit - position >= 8 else { throw BinaryFormatError(message: "truncated double", offset: position) }
      let bits = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self))
      return Located(tag: tag, offset: offset, body: position, end: position + 8, number: bits, kind: nil)
    case .string, .array, .object:
      let length = try count(bytes, &position, limit: limit, width: 1)
      return Located(
        tag: tag, offset: offset, body: position, end: position + length, number: UInt64(length), kind: nil)
    case .raw:
      guard position < limit, let kind = RawKind(rawValue: bytes[position]) else {
        throw BinaryFormatError(message: "unknown raw element kind", offset: position)
      }
      position += 1
      let elements = try count(bytes, &position, limit: limit, width: kind.width)
      return Located(
        tag: tag, offset: offset, body: position, end: position + elements * kind.width, number: UInt64(elements),
        kind: kind)
    }
  }

  /// The scalar a located value holds; nil for containers and raw arrays.
  static func scalar(_ value: Located) -> Scalar? {
    switch value.tag {
    case .null: return .null
    case .false: return .bool(false)
    case .true: return .bool(true)
    case .int: return .int(Int64(bitPattern: value.number >> 1) ^ -Int64(bitPattern: value.number & 1))
    case .uint: return .uint(value.number)
    case .double: return .double(Double(bitPattern: value.number))
    case .string: return .string(value.body..<value.end)
    case .array, .object, .raw: return nil
    }
  }

  /// An object key (varint byte count, UTF-8) at `offset`: its byte range.
  static func key(_ bytes: UnsafeRawBufferPointer, at offset: inout Int, limit: Int) throws(BinaryFormatError) -> Range<
    Int
  > {
    let length = try count(bytes, &offset, limit: limit, width: 1)
    defer { offset += length }
    return offset..<(offset + length)
  }

  static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, limit: Int) throws(BinaryFormatError)
    -> UInt64
  {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < limit, shift < 64 else { throw BinaryFormatError(message: "bad varint", offset: offset) }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }

  /// A count of `width`-byte items that must fit before `limit`: a larger one is corrupt input, not a
  /// reason to allocate.
  private static func count(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int, limit: Int, width: Int)
    throws(BinaryFormatError)
    -> Int
  {
    let count = try varint(bytes, &offset, limit: limit)
    guard count <= UInt64((limit - offset) / width) else {
      throw BinaryFormatError(message: "count \(count) exceeds the remaining bytes", offset: offset)
    }
    return Int(count)
  }
}
