/// A decoded value tree: the intermediate form between Codable types and the compact binary bytes.
enum BinaryValue: Equatable {
  case null
  case bool(Bool)
  case int(Int64)
  case uint(UInt64)
  case double(Double)
  case string(String)
  case array([BinaryValue])
  case object([(key: String, value: BinaryValue)])

  static func == (lhs: BinaryValue, rhs: BinaryValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.int(let a), .int(let b)): return a == b
    case (.uint(let a), .uint(let b)): return a == b
    case (.double(let a), .double(let b)): return a.bitPattern == b.bitPattern
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  private enum Tag: UInt8 { case null, `false`, `true`, int, uint, double, string, array, object }

  /// Appends the compact form: a tag byte, then varints, little-endian doubles, length-prefixed UTF-8.
  func write(to bytes: inout [UInt8]) {
    switch self {
    case .null: bytes.append(Tag.null.rawValue)
    case .bool(let value): bytes.append(value ? Tag.true.rawValue : Tag.false.rawValue)
    case .int(let value):
      bytes.append(Tag.int.rawValue)
      Self.writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
    case .uint(let value):
      bytes.append(Tag.uint.rawValue)
      Self.writeVarint(value, to: &bytes)
    case .double(let value):
      bytes.append(Tag.double.rawValue)
      withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    case .string(let value):
      bytes.append(Tag.string.rawValue)
      Self.writeString(value, to: &bytes)
    case .array(let items):
      bytes.append(Tag.array.rawValue)
      Self.writeVarint(UInt64(items.count), to: &bytes)
      for item in items { item.write(to: &bytes) }
    case .object(let members):
      bytes.append(Tag.object.rawValue)
      Self.writeVarint(UInt64(members.count), to: &bytes)
      for member in members {
        Self.writeString(member.key, to: &bytes)
        member.value.write(to: &bytes)
      }
    }
  }

  /// Parses one value from `bytes` at `offset`, advancing it; throws on truncated or malformed input.
  static func read(from bytes: UnsafeRawBufferPointer, offset: inout Int, depth: Int = 0) throws(BinaryFormatError)
    -> BinaryValue
  {
    guard depth < 512 else { throw BinaryFormatError(message: "nesting deeper than 512 levels", offset: offset) }
    guard offset < bytes.count, let tag = Tag(rawValue: bytes[offset]) else {
      throw BinaryFormatError(message: "missing or unknown tag", offset: offset)
    }
    offset += 1
    switch tag {
    case .null: return .null
    case .false: return .bool(false)
    case .true: return .bool(true)
    case .int:
      let raw = try readVarint(bytes, &offset)
      return .int(Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1))
    case .uint: return .uint(try readVarint(bytes, &offset))
    case .double:
      guard offset + 8 <= bytes.count else { throw BinaryFormatError(message: "truncated double", offset: offset) }
      let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
      return .double(Double(bitPattern: UInt64(littleEndian: raw)))
    case .string: return .string(try readString(bytes, &offset))
    case .array:
      let count = try readCount(bytes, &offset)
      var items: [BinaryValue] = []
      items.reserveCapacity(count)
      for _ in 0..<count { items.append(try read(from: bytes, offset: &offset, depth: depth + 1)) }
      return .array(items)
    case .object:
      let count = try readCount(bytes, &offset)
      var members: [(key: String, value: BinaryValue)] = []
      members.reserveCapacity(count)
      for _ in 0..<count {
        let key = try readString(bytes, &offset)
        members.append((key, try read(from: bytes, offset: &offset, depth: depth + 1)))
      }
      return .object(members)
    }
  }

  private static func writeVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  private static func writeString(_ value: String, to bytes: inout [UInt8]) {
    let utf8 = value.utf8
    writeVarint(UInt64(utf8.count), to: &bytes)
    bytes.append(contentsOf: utf8)
  }

  private static func readVarint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) throws(BinaryFormatError)
    -> UInt64
  {
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard offset < bytes.count, shift < 64 else { throw BinaryFormatError(message: "bad varint", offset: offset) }
      let byte = bytes[offset]
      offset += 1
      result |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }

  private static func readCount(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) throws(BinaryFormatError)
    -> Int
  {
    let count = try readVarint(bytes, &offset)
    // Every element takes at least one byte, so a larger count is corrupt input, not a reason to allocate.
    guard count <= UInt64(bytes.count - offset) else {
      throw BinaryFormatError(message: "count \(count) exceeds the remaining bytes", offset: offset)
    }
    return Int(count)
  }

  private static func readString(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) throws(BinaryFormatError)
    -> String
  {
    let length = try readCount(bytes, &offset)
    let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
    offset += length
    return String(decoding: slice, as: UTF8.self)
  }
}

/// Malformed bytes met while reading the compact binary form.
struct BinaryFormatError: Error, CustomStringConvertible {
  let message: String
  let offset: Int
  var description: String { "malformed binary value at byte \(offset): \(message)" }
}
