/// The element types whose arrays travel as their raw memory (`BinaryFormat.Tag.raw`).
enum RawKind: UInt8 {
  case int8 = 1, int16, int32, int64, uint8, uint16, uint32, uint64, float32, float64, bool

  var width: Int {
    switch self {
    case .int8, .uint8, .bool: return 1
    case .int16, .uint16: return 2
    case .int32, .uint32, .float32: return 4
    case .int64, .uint64, .float64: return 8
    }
  }

  /// Element `index` of a raw body starting at `base`, as a scalar; nil for a byte that is no boolean.
  func scalar(at index: Int, base: Int, in raw: UnsafeRawBufferPointer) -> Scalar? {
    do {
      let offset = base + index * width
      switch self {
      case .int8: return .int(Int64(raw.loadUnaligned(fromByteOffset: offset, as: Int8.self)))
      case .int16: return .int(Int64(raw.loadUnaligned(fromByteOffset: offset, as: Int16.self)))
      case .int32: return .int(Int64(raw.loadUnaligned(fromByteOffset: offset, as: Int32.self)))
      case .int64: return .int(raw.loadUnaligned(fromByteOffset: offset, as: Int64.self))
      case .uint8: return .uint(UInt64(raw[offset]))
      case .uint16: return .uint(UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)))
      case .uint32: return .uint(UInt64(raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)))
      case .uint64: return .uint(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
      case .float32: return .double(Double(raw.loadUnaligned(fromByteOffset: offset, as: Float.self)))
      case .float64: return .double(raw.loadUnaligned(fromByteOffset: offset, as: Double.self))
      case .bool: return raw[offset] <= 1 ? .bool(raw[offset] == 1) : nil
      }
    }
  }
}

/// A trivial type whose memory is its value (no pointers, no padding), so an array of it is copied as bytes.
protocol RawElement: BitwiseCopyable {
  static var rawKind: RawKind { get }
}

extension Int8: RawElement { static var rawKind: RawKind { .int8 } }
extension Int16: RawElement { static var rawKind: RawKind { .int16 } }
extension Int32: RawElement { static var rawKind: RawKind { .int32 } }
extension Int64: RawElement { static var rawKind: RawKind { .int64 } }
extension Int: RawElement { static var rawKind: RawKind { MemoryLayout<Int>.size == 8 ? .int64 : .int32 } }
extension UInt8: RawElement { static var rawKind: RawKind { .uint8 } }
extension UInt16: RawElement { static var rawKind: RawKind { .uint16 } }
extension UInt32: RawElement { static var rawKind: RawKind { .uint32 } }
extension UInt64: RawElement { static var rawKind: RawKind { .uint64 } }
extension UInt: RawElement { static var rawKind: RawKind { MemoryLayout<UInt>.size == 8 ? .uint64 : .uint32 } }
extension Float: RawElement { static var rawKind: RawKind { .float32 } }
extension Double: RawElement { static var rawKind: RawKind { .float64 } }
extension Bool: RawElement { static var rawKind: RawKind { .bool } }

/// An array of a `RawElement`: written and read as one block of memory.
protocol RawArray {
  /// Appends the whole value (tag, kind, count, memory).
  func appendRaw(to bytes: inout [UInt8])
  /// The array held by a raw body of `count` elements of `kind` at `base`; nil when the element kinds
  /// differ (the caller then converts element by element). Throws for a boolean byte other than 0 or 1.
  static func fromRaw(kind: RawKind, count: Int, base: Int, in bytes: UnsafeRawBufferPointer) throws(BinaryFormatError)
    -> Self?
}

extension BinaryFormat {
  /// The header of a raw array: its tag, element kind and count; the elements' memory follows.
  static func appendRawHeader(_ kind: RawKind, count: Int, to bytes: inout [UInt8]) {
    bytes.append(Tag.raw.rawValue)
    bytes.append(kind.rawValue)
    appendVarint(UInt64(count), to: &bytes)
  }

  /// Writes `value` as raw memory when it is an array of a `RawElement`; false otherwise.
  static func appendRawArray<T>(_ value: T, to bytes: inout [UInt8]) -> Bool {
    guard let array = value as? any RawArray else { return false }
    array.appendRaw(to: &bytes)
    return true
  }
}

extension Array: RawArray where Element: RawElement {
  func appendRaw(to bytes: inout [UInt8]) {
    BinaryFormat.appendRawHeader(Element.rawKind, count: count, to: &bytes)
    withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  static func fromRaw(kind: RawKind, count: Int, base: Int, in bytes: UnsafeRawBufferPointer) throws(BinaryFormatError)
    -> Self?
  {
    guard kind == Element.rawKind, MemoryLayout<Element>.stride == kind.width else { return nil }
    let body = UnsafeRawBufferPointer(rebasing: bytes[base..<(base + count * kind.width)])
    if kind == .bool, let bad = body.firstIndex(where: { $0 > 1 }) {
      throw BinaryFormatError(message: "byte \(body[bad]) is not a boolean", offset: base + bad)
    }
    return Self(unsafeUninitializedCapacity: count) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: body)
      initialized = count
    }
  }
}

extension ContiguousArray: RawArray where Element: RawElement {
  func appendRaw(to bytes: inout [UInt8]) {
    BinaryFormat.appendRawHeader(Element.rawKind, count: count, to: &bytes)
    withUnsafeBytes { bytes.append(contentsOf: $0) }
  }

  static func fromRaw(kind: RawKind, count: Int, base: Int, in bytes: UnsafeRawBufferPointer) throws(BinaryFormatError)
    -> Self?
  {
    try [Element].fromRaw(kind: kind, count: count, base: base, in: bytes).map { Self($0) }
  }
}
