/// The compact binary form shared by `BinaryEncoder` and `BinaryDecoder`. Internal: it only carries values
/// between a forked worker and its parent (the same binary on the same machine), so it may change freely.
///
/// Each value is a tag byte, then:
/// - `null`, `false`, `true`: nothing;
/// - `int`: a zigzag varint; `uint`: a varint; `double`: 8 bytes, little-endian;
/// - `string`: a varint byte count, then UTF-8;
/// - `array`: a varint byte length, then the items; `object`: a varint byte length, then members, each a
///   string key (varint byte count, UTF-8) followed by its value. The byte length lets a reader skip a
///   container in O(1), so finding a key never walks the values before it. A key that occurs twice is read
///   as its last occurrence;
/// - `raw`: an element kind byte, a varint count, then the elements' memory as it is: an array of a
///   trivial type (`[UInt8]`, `[Int]`, `[Double]`, …) is one copy each way, not one value per element.
enum BinaryFormat {
  enum Tag: UInt8 { case null, `false`, `true`, int, uint, double, string, array, object, raw }

  static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
    var rest = value
    while rest >= 0x80 {
      bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
      rest >>= 7
    }
    bytes.append(UInt8(rest))
  }

  static func varintSize(_ value: UInt64) -> Int {
    var size = 1
    var rest = value >> 7
    while rest != 0 {
      size += 1
      rest >>= 7
    }
    return size
  }

  static func appendInt(_ value: Int64, to bytes: inout [UInt8]) {
    bytes.append(Tag.int.rawValue)
    appendVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)), to: &bytes)
  }

  static func appendUInt(_ value: UInt64, to bytes: inout [UInt8]) {
    bytes.append(Tag.uint.rawValue)
    appendVarint(value, to: &bytes)
  }

  static func appendDouble(_ value: Double, to bytes: inout [UInt8]) {
    bytes.append(Tag.double.rawValue)
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  static func appendString(_ value: String, to bytes: inout [UInt8]) {
    bytes.append(Tag.string.rawValue)
    appendKey(value, to: &bytes)
  }

  /// A string without its tag: how object keys are written.
  static func appendKey(_ value: String, to bytes: inout [UInt8]) {
    let utf8 = value.utf8
    appendVarint(UInt64(utf8.count), to: &bytes)
    bytes.append(contentsOf: utf8)
  }

  /// Starts a container: its tag and a one-byte length placeholder that `finishContainer` fills in.
  static func beginContainer(object: Bool, in bytes: inout [UInt8]) -> Int {
    let start = bytes.count
    bytes.append(object ? Tag.object.rawValue : Tag.array.rawValue)
    bytes.append(0)
    return start
  }

  /// Writes the byte length of the container begun at `start`, widening its placeholder when the length
  /// needs more than one varint byte (the content moves once, so a container costs O(its size) at most).
  static func finishContainer(startingAt start: Int, in bytes: inout [UInt8]) {
    let contentStart = start + 2
    let length = UInt64(bytes.count - contentStart)
    let size = varintSize(length)
    if size > 1 { bytes.insert(contentsOf: repeatElement(0, count: size - 1), at: contentStart) }
    var rest = length
    for position in (start + 1)..<(start + 1 + size) {
      bytes[position] = UInt8(truncatingIfNeeded: rest) | (rest >= 0x80 ? 0x80 : 0)
      rest >>= 7
    }
  }

  /// Writes `value` when it is a number, string or boolean; false for any other type. Compares metatypes
  /// instead of casting, so the common cases cost a pointer comparison, not a dynamic cast.
  static func appendPrimitive<T>(_ value: T, to bytes: inout [UInt8]) -> Bool {
    if T.self == Int.self {
      appendInt(Int64(unsafeBitCast(value, to: Int.self)), to: &bytes)
    } else if T.self == String.self {
      appendString(unsafeBitCast(value, to: String.self), to: &bytes)
    } else if T.self == Double.self {
      appendDouble(unsafeBitCast(value, to: Double.self), to: &bytes)
    } else if T.self == Bool.self {
      bytes.append(unsafeBitCast(value, to: Bool.self) ? Tag.true.rawValue : Tag.false.rawValue)
    } else if T.self == Float.self {
      appendDouble(Double(unsafeBitCast(value, to: Float.self)), to: &bytes)
    } else if T.self == Int64.self {
      appendInt(unsafeBitCast(value, to: Int64.self), to: &bytes)
    } else if T.self == Int32.self {
      appendInt(Int64(unsafeBitCast(value, to: Int32.self)), to: &bytes)
    } else if T.self == Int16.self {
      appendInt(Int64(unsafeBitCast(value, to: Int16.self)), to: &bytes)
    } else if T.self == Int8.self {
      appendInt(Int64(unsafeBitCast(value, to: Int8.self)), to: &bytes)
    } else if T.self == UInt.self {
      appendUInt(UInt64(unsafeBitCast(value, to: UInt.self)), to: &bytes)
    } else if T.self == UInt64.self {
      appendUInt(unsafeBitCast(value, to: UInt64.self), to: &bytes)
    } else if T.self == UInt32.self {
      appendUInt(UInt64(unsafeBitCast(value, to: UInt32.self)), to: &bytes)
    } else if T.self == UInt16.self {
      appendUInt(UInt64(unsafeBitCast(value, to: UInt16.self)), to: &bytes)
    } else if T.self == UInt8.self {
      appendUInt(UInt64(unsafeBitCast(value, to: UInt8.self)), to: &bytes)
    } else {
      return false
    }
    return true
  }
}

/// Malformed bytes met while reading the compact binary form.
struct BinaryFormatError: Error, CustomStringConvertible {
  let message: String
  let offset: Int
  var description: String { "malformed binary value at byte \(offset): \(message)" }
}
