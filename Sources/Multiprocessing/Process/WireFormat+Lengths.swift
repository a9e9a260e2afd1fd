/// Length fields of any size, as CPython's `Connection` sends a message over 2 GiB: a 4-byte field holds every
/// length below `UInt32.max`, so small messages keep their format and speed; a larger length is the escape value
/// `UInt32.max` followed by the length as 8 bytes (a 6 GiB result crosses like a 6 KB one, not as a dead worker).
extension WireFormat {
  /// The 4-byte value that says an 8-byte length follows.
  static let wideLengthEscape = UInt32.max

  /// Lengths from this one up are written wide: `UInt32.max` (the escape itself) outside tests, which lower it
  /// (`PoolTestHooks.wideLengthsFrom`) to send small results the wide way; a reader accepts both forms always.
  static var wideLengthsFrom: Int { min(PoolTestHooks.wideLengthsFrom, Int(wideLengthEscape)) }

  /// Appends a length field: `[UInt32 length]`, or `[UInt32.max][UInt64 length]` for a large length.
  static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
    if length >= wideLengthsFrom {
      append(wideLengthEscape, to: &bytes)
      append(UInt64(length), to: &bytes)
    } else {
      append(UInt32(length), to: &bytes)
    }
  }

  /// Fills the 4-byte placeholder at `offset` (a message header's start, an item's length) with the length of
  /// everything after it in `bytes`. A large length widens the field, moving what follows by 8 bytes: a copy
  /// of a result of 4 GiB or more, cheap beside encoding it (a message's count is patched before its length).
  static func patchLength(at offset: Int, in bytes: inout [UInt8]) {
    let length = bytes.count - offset - 4
    if length >= wideLengthsFrom {
      bytes.insert(contentsOf: repeatElement(0, count: 8), at: offset + 4)
      write(wideLengthEscape, at: offset, in: &bytes)
      write(UInt64(length), at: offset + 4, in: &bytes)
    } else {
      write(UInt32(length), at: offset, in: &bytes)
    }
  }

  /// The length field at `offset` in `bytes`: the length and the bytes the field takes; nil when `bytes` ends
  /// before the field does, or when the length could not be that of anything in memory (a garbled field).
  static func lengthField(in bytes: UnsafeRawBufferPointer, at offset: Int) -> (length: Int, fieldSize: Int)? {
    guard bytes.count - offset >= 4 else { return nil }
    let narrow = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    guard narrow == wideLengthEscape else { return (Int(narrow), 4) }
    guard bytes.count - offset >= 12 else { return nil }
    let wide = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt64.self))
    guard wide <= UInt64(largestLength) else { return nil }
    return (Int(wide), 12)
  }

  /// No length field says more than this (1 TiB): a bound that keeps a garbled field from asking for an
  /// allocation no machine makes.
  static let largestLength = 1 << 40

  /// Overwrites the bytes at `offset` with `value`, little-endian.
  static func write<I: FixedWidthInteger>(_ value: I, at offset: Int, in bytes: inout [UInt8]) {
    withUnsafeBytes(of: value.littleEndian) { raw in
      for index in 0..<raw.count { bytes[offset + index] = raw[index] }
    }
  }
}
