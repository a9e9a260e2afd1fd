/// Turns a scalar read from the bytes into a Swift number, string or boolean, checking that it fits.
enum ScalarConversion {
  /// `scalar` as a `T`; nil when `T` is not a primitive type (the caller then asks `T.init(from:)`).
  /// Compares metatypes instead of casting, so each value costs a few pointer comparisons.
  static func convert<T>(
    _ scalar: Scalar, to type: T.Type, in bytes: UnsafeRawBufferPointer, path: @autoclosure () -> [any CodingKey]
  ) throws -> T? {
    func integer<I: FixedWidthInteger>(_: I.Type) throws -> T {
      switch scalar {
      case .int(let value): if let result = I(exactly: value) { return unsafeBitCast(result, to: T.self) }
      case .uint(let value): if let result = I(exactly: value) { return unsafeBitCast(result, to: T.self) }
      default: break
      }
      throw ValueDecoder.mismatch("an integer that fits \(I.self)", .element(scalar), path())
    }
    func number() throws -> Double {
      switch scalar {
      case .double(let value): return value
      case .int(let value): return Double(value)
      case .uint(let value): return Double(value)
      default: throw ValueDecoder.mismatch("a number", .element(scalar), path())
      }
    }
    if T.self == Int.self { return try integer(Int.self) }
    if T.self == String.self {
      guard case .string(let range) = scalar else { throw ValueDecoder.mismatch("a string", .element(scalar), path()) }
      return unsafeBitCast(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self), to: T.self)
    }
    if T.self == Double.self { return unsafeBitCast(try number(), to: T.self) }
    if T.self == Bool.self {
      guard case .bool(let value) = scalar else { throw ValueDecoder.mismatch("a boolean", .element(scalar), path()) }
      return unsafeBitCast(value, to: T.self)
    }
    if T.self == Float.self { return unsafeBitCast(Float(try number()), to: T.self) }
    if T.self == Int64.self { return try integer(Int64.self) }
    if T.self == Int32.self { return try integer(Int32.self) }
    if T.self == Int16.self { return try integer(Int16.self) }
    if T.self == Int8.self { return try integer(Int8.self) }
    if T.self == UInt.self { return try integer(UInt.self) }
    if T.self == UInt64.self { return try integer(UInt64.self) }
    if T.self == UInt32.self { return try integer(UInt32.self) }
    if T.self == UInt16.self { return try integer(UInt16.self) }
    if T.self == UInt8.self { return try integer(UInt8.self) }
    return nil
  }
}
