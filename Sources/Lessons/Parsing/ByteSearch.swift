import Foundation

/// Searches over UTF-8 bytes for the checks every line of every lesson goes through: `String.contains(_:)`,
/// `firstRange(of:)` and Character-level loops go through generic string processing and are many times slower.
/// The first byte of a needle is found with `memchr` (vectorised in libc), the rest compared in place.
public enum ByteSearch {
  /// The offset of the first occurrence of `needle` in `bytes` at or after `start`, or nil.
  public static func firstOffset(
    of needle: UnsafeBufferPointer<UInt8>, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0
  ) -> Int? {
    guard let first = needle.first, let base = bytes.baseAddress else { return needle.isEmpty ? start : nil }
    var index = start
    let last = bytes.count - needle.count
    while index <= last {
      guard let found = memchr(base + index, Int32(first), last - index + 1) else { return nil }
      let offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
      var matched = 1
      while matched < needle.count, bytes[offset + matched] == needle[matched] { matched += 1 }
      if matched == needle.count { return offset }
      index = offset + 1
    }
    return nil
  }

  /// The offset of the first occurrence of `needle` (ASCII) in `bytes` at or after `start`, or nil.
  public static func firstOffset(of needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    firstOffset(of: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount), in: bytes, from: start)
  }

  /// The offset of the first `byte` in `bytes` at or after `start`, or nil.
  public static func firstOffset(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let base = bytes.baseAddress, start < bytes.count,
      let found = memchr(base + start, Int32(byte), bytes.count - start)
    else { return nil }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  /// How many times `byte` occurs in `bytes`.
  public static func count(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var count = 0
    var index = 0
    while let found = firstOffset(of: byte, in: bytes, from: index) {
      count += 1
      index = found + 1
    }
    return count
  }

  /// The needle's bytes.
  static func bytes(_ needle: StaticString) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
  }
}

extension StringProtocol {
  /// True when `needle` (ASCII) occurs in the text: a scan of the UTF-8 bytes, many times faster than
  /// `String.contains(_:)`, for the checks every line of every lesson goes through.
  public func containsBytes(_ needle: StaticString) -> Bool {
    let pattern = ByteSearch.bytes(needle)
    let found = utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: pattern, in: $0) != nil }
    return found ?? Array(utf8).withUnsafeBufferPointer { ByteSearch.firstOffset(of: pattern, in: $0) != nil }
  }

  /// The number of line feeds in the text.
  public var newlineCount: Int {
    utf8.withContiguousStorageIfAvailable { ByteSearch.count(of: 10, in: $0) } ?? utf8.count { $0 == 10 }
  }
}

extension Substring {
  /// `firstIndex(of: Character(UnicodeScalar(byte)))` for an ASCII `byte` other than a carriage return, found with
  /// `memchr`: a byte found between two ASCII bytes is a whole Character. One beside a byte past ASCII (a combining
  /// mark may join it) is left to the Character search, from here on.
  func firstIndex(ofASCII byte: UInt8) -> Index? {
    let utf8 = self.utf8
    let searched = utf8.withContiguousStorageIfAvailable { ByteSearch.firstOffset(of: byte, in: $0) }
    guard let found = searched else { return firstIndex(of: Character(Unicode.Scalar(byte))) }
    guard let found else { return nil }
    let index = utf8.index(utf8.startIndex, offsetBy: found)
    let after = utf8.index(after: index)
    let alone = (index == utf8.startIndex || utf8[utf8.index(before: index)] < 0x80)
      && (after == utf8.endIndex || utf8[after] < 0x80)
    return alone ? index : firstIndex(of: Character(Unicode.Scalar(byte)))
  }
}

/// Questions about eight bytes at once (a `UInt64` read from text), for scans that skip runs of plain text: each
/// answer has a byte's high bit set where that byte matches, and is zero exactly when none does (the "has a zero
/// byte" and "has a byte less than n" bit tricks), so several answers can be or-ed and tested once.
public enum ByteWord {
  /// Nonzero exactly when one of `word`'s bytes is `byte`.
  @inlinable public static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    let difference = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
    return (difference &- 0x0101_0101_0101_0101) & ~difference & 0x8080_8080_8080_8080
  }

  /// Nonzero exactly when one of `word`'s bytes is less than `limit` (at most 128).
  @inlinable public static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
    (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080
  }
}

extension String {
  /// Whether the text's UTF-8 bytes sort before `other`'s (`utf8.lexicographicallyPrecedes(other.utf8)`, the
  /// order of JSONEncoder's `.sortedKeys`), compared with `memcmp` rather than byte by byte through indices.
  public func utf8Precedes(_ other: String) -> Bool {
    let compared = utf8.withContiguousStorageIfAvailable { left in
      other.utf8.withContiguousStorageIfAvailable { right in
        let common = Swift.min(left.count, right.count)
        let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
        return order != 0 ? order < 0 : left.count < right.count
      }
    }
    return (compared ?? nil) ?? utf8.lexicographicallyPrecedes(other.utf8)
  }
}
